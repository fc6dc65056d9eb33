import { expect, test } from '../fixtures';
import { inside, overlap, readLayoutBoxes } from '../pages/layout-boxes';
import { AppPage } from '../pages/app-page';

/** The window sizes traders use, smallest to largest. */
const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

test.describe('web mode: the workspace at every common window size', () => {
  test('nothing is cut off or overlapping from 1024x768 to 2560x1440; the chart has half the height and the what-if needs no scrolling at 1440x900', async ({
    page,
    webApp,
  }) => {
    test.setTimeout(360_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    await expect(page.getByTestId('whatif-panel')).toBeVisible({ timeout: 60_000 });
    await app.waitForChart();
    await expect(page.getByTestId('positions-table').getByTestId('position-row').first()).toBeVisible();

    for (const size of sizes) {
      await page.setViewportSize(size);
      const viewport = { x: 0, y: 0, ...size };
      // The layout follows the window on the next frame; wait for the state, not for a time.
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(size.width);
      await expect
        .poll(async () => {
          const boxes = await readLayoutBoxes(page);
          return boxes.panels.whatif !== null && inside(boxes.panels.whatif, viewport);
        })
        .toBe(true);
      const boxes = await readLayoutBoxes(page);
      const label = `${size.width}x${size.height}`;

      // Every panel inside the window, none over another.
      const panels = Object.entries(boxes.panels);
      for (const [name, box] of panels) {
        expect(box, `${label}: ${name} panel`).not.toBeNull();
        if (box) expect(inside(box, viewport), `${label}: ${name} panel inside the window`).toBe(true);
      }
      for (const [i, [nameA, a]] of panels.entries())
        for (const [nameB, b] of panels.slice(i + 1))
          if (a && b) expect(overlap(a, b), `${label}: ${nameA} and ${nameB} overlap`).toBe(false);

      // The chart: inside its panel, at least half the window's height where the brief asks for it.
      const chart = boxes.chartCanvas;
      expect(chart, `${label}: chart`).not.toBeNull();
      if (chart && boxes.panels.chart) expect(inside(chart, boxes.panels.chart)).toBe(true);
      if (chart && size.height <= 900 && size.width >= 1280)
        expect(chart.height, `${label}: chart height`).toBeGreaterThanOrEqual(size.height / 2);

      // Every column of the positions table, margin ratio and nearest cluster included, in view.
      const names = boxes.columns.map((column) => column.name);
      expect(names.some((name) => name.includes('Margin ratio'))).toBe(true);
      expect(names.some((name) => name.includes('Nearest cluster'))).toBe(true);
      for (const column of boxes.columns)
        expect(
          boxes.positionsBody && inside({ ...column.box, y: boxes.positionsBody.y, height: 1 }, boxes.positionsBody),
          `${label}: the "${column.name}" column is cut off`,
        ).toBe(true);

      // The imbalance badge stays clear of the price axis.
      if (boxes.imbalanceBadge && boxes.priceAxis)
        expect(
          overlap(boxes.imbalanceBadge, boxes.priceAxis),
          `${label}: the imbalance badge covers the price axis`,
        ).toBe(false);

      // At 1440x900 every what-if control is in view without scrolling, none behind the result card.
      if (size.width === 1440 && size.height === 900) {
        expect(boxes.whatifControls.length).toBeGreaterThan(5);
        for (const control of boxes.whatifControls) {
          expect(
            boxes.whatifBody && inside(control.box, boxes.whatifBody),
            `${label}: ${control.name} needs scrolling (${JSON.stringify(control.box)} in ${JSON.stringify(boxes.whatifBody)})`,
          ).toBe(true);
          expect(control.onTop, `${label}: ${control.name} is covered`).toBe(true);
        }
      }
    }
  });
});
