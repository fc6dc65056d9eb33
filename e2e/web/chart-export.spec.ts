import { readFileSync } from 'node:fs';
import { demoMarkText } from '../../renderer/src/features/chart/png-export';
import { readPngText } from '../../renderer/src/features/chart/png-text';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test.describe('web mode: the chart PNG export on the Demo', () => {
  test('carries the symbol, venue, timeframe, UTC time and the Demo mark', async ({ page, webApp }) => {
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
  });
});
