import { readFileSync } from 'node:fs';
import { demoMarkText } from '../../renderer/src/features/chart/png-export';
import { readPngText } from '../../renderer/src/features/chart/png-text';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test.describe('web mode: the chart PNG export on the Demo', () => {
  test('carries the symbol, venue, timeframe, UTC time and the Demo mark, and the OHLC legend drawn in', async ({
    page,
    webApp,
  }) => {
    // The Demo's first market loads its history first: slow on a busy machine.
    test.setTimeout(180_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    const chart = page.getByTestId('price-chart');
    // Candles drawn: the legend reads the last one.
    await expect(page.getByTestId('chart-ohlc')).toContainText(/^O [\d,.]+ H/, { timeout: 90_000 });
    const [symbol = '', timeframe = ''] = ((await chart.locator('.chart-legend__title').textContent()) ?? '').split(
      ' · ',
    );
    const venue = (await page.getByTestId('chart-source').textContent()) ?? '';
    expect(venue).toMatch(/ · Demo$/);
    const before = Math.floor(Date.now() / 60_000) * 60_000;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'PNG', exact: true }).click(),
    ]);
    const after = Date.now();
    expect(download.suggestedFilename()).toMatch(/^liqlens-[a-z0-9-]+-demo-5m-\d{8}-\d{4}z\.png$/);
    await download.saveAs(test.info().outputPath('chart-export.png'));
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const text = readPngText(bytes);
    const title = text.get('Title') ?? '';
    const pattern = new RegExp(
      `^${escaped(symbol)} · ${escaped(venue)} · ${escaped(timeframe)} · (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC$`,
    );
    expect(title).toMatch(pattern);
    const takenMs = Date.parse(`${pattern.exec(title)?.[1]?.replace(' ', 'T') ?? ''}:00Z`);
    expect(takenMs).toBeGreaterThanOrEqual(before);
    expect(takenMs).toBeLessThanOrEqual(after);
    expect(text.get('Comment')).toBe(demoMarkText);
    // The picture is the chart with the caption strip under it.
    const canvas = await page.getByTestId('price-chart-canvas').boundingBox();
    const ratio = await page.evaluate(() => devicePixelRatio);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(16)).toBe(Math.round((canvas?.width ?? 0) * ratio));
    expect(view.getUint32(20)).toBeGreaterThan(Math.round((canvas?.height ?? 0) * ratio) + 20 * ratio);

    // The OHLC legend is HTML over the chart, painted into the picture: in its place, the picture holds
    // the legend's text colour (the candles and the map are drawn in other colours).
    const ohlc = await page.getByTestId('chart-ohlc').boundingBox();
    const textColour = await page
      .getByTestId('chart-ohlc')
      .locator('span')
      .first()
      .evaluate((element) => getComputedStyle(element).color);
    const region = {
      x: Math.round(((ohlc?.x ?? 0) - (canvas?.x ?? 0)) * ratio),
      y: Math.round(((ohlc?.y ?? 0) - (canvas?.y ?? 0)) * ratio),
      width: Math.round((ohlc?.width ?? 0) * ratio),
      height: Math.round((ohlc?.height ?? 0) * ratio),
    };
    expect(region.width).toBeGreaterThan(50);
    const textPixels = await page.evaluate(
      async ({ base64, region, textColour }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (context === null) return -1;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(region.x, region.y, region.width, region.height);
        const [r = 0, g = 0, b = 0] = (textColour.match(/\d+/g) ?? []).map(Number);
        let near = 0;
        for (let i = 0; i < data.length; i += 4)
          if (Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) < 60)
            near += 1;
        return near;
      },
      { base64: Buffer.from(bytes).toString('base64'), region, textColour },
    );
    expect(textPixels, `pixels of the legend's colour ${textColour} in ${JSON.stringify(region)}`).toBeGreaterThan(40);
  });
});
