import type {} from '../../renderer/src/app/chart-probe';
import { formatUsdCompact } from '../../renderer/src/features/chart/usd-compact';
import { formatMoney } from '../../renderer/src/lib/format-money';
import { expect, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

/** One consistent reading of the page: what the chart's band holds and what the what-if says, in the same frame. */
interface Reading {
  readonly mark: string;
  readonly chartUsd: number | null;
  readonly whatIf: string;
}

test.describe('web mode: one market store behind the chart and the what-if', () => {
  test('"clusters on the way" in the what-if is the figure the chart draws, tick after tick', async ({
    page,
    webApp,
  }) => {
    // The Demo backfills the selected market first; on a busy machine that takes a while. The limit
    // sits above the waits below together (90 s for the first figure, 30 s for each of three ticks).
    test.setTimeout(300_000);
    const app = new AppPage(page);
    await app.open(webApp.url);
    const read = (): Promise<Reading> =>
      page.evaluate(
        () =>
          new Promise<Reading>((resolve) =>
            // After the frame's rendering: the store's last update is committed everywhere.
            requestAnimationFrame(() =>
              resolve({
                mark: document.querySelector('[data-testid="chart-mark"]')?.textContent ?? '',
                chartUsd: window.__liqlensChart?.overlayState().cascadeUsd ?? null,
                // Compact as the chart writes it, the exact estimate in its tooltip.
                whatIf: `${document.querySelector('[data-testid="whatif-cascade"]')?.textContent ?? ''}|${
                  document.querySelector('[data-testid="whatif-cascade"] > [title]')?.getAttribute('title') ?? ''
                }`,
              }),
            ),
          ),
      );
    await expect.poll(async () => (await read()).chartUsd, { timeout: 90_000 }).not.toBeNull();

    // Three readings, each after the live mark moved: the store fed both panels the same update.
    let last = (await read()).mark;
    for (let sample = 0; sample < 3; sample++) {
      let reading: Reading | undefined;
      await expect
        .poll(
          async () => {
            reading = await read();
            return reading.mark;
          },
          { timeout: 30_000 },
        )
        .not.toBe(last);
      if (reading === undefined) throw new Error('no reading');
      last = reading.mark;
      const usd = reading.chartUsd;
      expect(usd).not.toBeNull();
      expect(reading.whatIf).toBe(usd !== null && usd > 0 ? `${formatUsdCompact(usd)}|${formatMoney(usd)}` : 'none|');
    }
  });
});
