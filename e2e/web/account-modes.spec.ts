import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Simulator } from '../../electron/sim/simulator';
import { modeAccountSpecs } from '../../electron/sim/testing/mode-accounts';
import { accountModeIds, type AccountModeId } from '../../shared/domain/account-mode';
import type { AccountAdd } from '../../shared/ipc/contract';
import { expect, test } from '../fixtures';
import { AccountGroup } from '../pages/account-group';
import { AppPage } from '../pages/app-page';
import { simAccountAdd, useSimWebApp } from '../sim-web-app';

/*
 * Every account mode LiqLens knows, as a trader sees it in web mode: the app's core reads one
 * account per mode from a simulator through real ccxt (keys, a Hyperliquid address, a position typed
 * in by hand), and each test looks at one account's header, rows, chart legend and what-if note.
 * `LIQLENS_README_SCREENSHOTS=1` also writes one picture per mode into docs/screenshots/modes/.
 */

/** What a mode's liquidation cell shows: LiqLens's check of the venue's price, the venue's figure with the reason, no line with the reason, or no position at all. */
type LiquidationShown = 'checked' | 'venue' | 'none' | 'own' | 'no positions';

interface ModeCase {
  readonly mode: AccountModeId;
  /** The simulator's account, or null for the account typed in by hand. */
  readonly simAccountId: string | null;
  /** The header's mode line: the venue, its source (every case reads the simulator), the mode. */
  readonly heading: string;
  readonly liquidation: LiquidationShown;
  readonly gauge: string | null;
  /** The what-if note, or null when the what-if is exact (no note). */
  readonly whatIf: RegExp | null;
}

const cases: readonly ModeCase[] = [
  {
    mode: 'binance-single-asset',
    simAccountId: 'bn-single',
    heading: 'Binance · simulator · single-asset',
    liquidation: 'checked',
    gauge: null,
    whatIf: null,
  },
  {
    mode: 'binance-multi-assets',
    simAccountId: 'bn-multi',
    heading: 'Binance · simulator · multi-assets',
    liquidation: 'checked',
    gauge: 'accountMarginRatio',
    whatIf: null,
  },
  {
    mode: 'binance-portfolio',
    simAccountId: 'bn-pm',
    heading: 'Binance · simulator · portfolio margin',
    liquidation: 'venue',
    gauge: 'uniMMR',
    whatIf: /^What-if off: portfolio margin weighs every wallet's collateral/,
  },
  {
    mode: 'bybit-unified-isolated',
    simAccountId: 'by-isolated',
    heading: 'Bybit · simulator · unified · isolated',
    liquidation: 'checked',
    gauge: null,
    whatIf: null,
  },
  {
    mode: 'bybit-unified-cross',
    simAccountId: 'by-cross',
    heading: 'Bybit · simulator · unified · cross',
    liquidation: 'checked',
    gauge: 'accountMMRate',
    whatIf: null,
  },
  {
    mode: 'bybit-portfolio',
    simAccountId: 'by-pm',
    heading: 'Bybit · simulator · unified · portfolio margin',
    liquidation: 'none',
    gauge: 'accountMMRate',
    whatIf: /^What-if off: portfolio margin is set by Bybit's stress-test scenarios/,
  },
  {
    mode: 'okx-spot',
    simAccountId: 'okx-spot',
    heading: 'OKX · simulator · spot mode',
    liquidation: 'no positions',
    gauge: null,
    whatIf: /^What-if off: OKX spot mode holds no perpetual positions/,
  },
  {
    mode: 'okx-futures',
    simAccountId: 'okx-futures',
    heading: 'OKX · simulator · futures mode',
    liquidation: 'checked',
    gauge: null,
    whatIf: null,
  },
  {
    mode: 'okx-multi-currency',
    simAccountId: 'okx-mcm',
    heading: 'OKX · simulator · multi-currency margin',
    liquidation: 'venue',
    gauge: 'mgnRatio',
    whatIf: /^What-if approximate: cross positions against OKX's adjusted equity/,
  },
  {
    mode: 'okx-portfolio',
    simAccountId: 'okx-pm',
    heading: 'OKX · simulator · portfolio margin',
    liquidation: 'venue',
    gauge: 'mgnRatio',
    whatIf: /^What-if off: portfolio margin is set by OKX's scenario stress tests/,
  },
  {
    mode: 'hyperliquid-standard',
    simAccountId: 'hl-standard',
    heading: 'Hyperliquid · simulator · standard',
    liquidation: 'checked',
    gauge: null,
    whatIf: null,
  },
  {
    mode: 'hyperliquid-unified',
    simAccountId: 'hl-unified',
    heading: 'Hyperliquid · simulator · unified',
    liquidation: 'checked',
    gauge: null,
    whatIf: null,
  },
  {
    mode: 'hyperliquid-portfolio',
    simAccountId: 'hl-portfolio',
    heading: 'Hyperliquid · simulator · portfolio margin',
    liquidation: 'venue',
    gauge: null,
    whatIf: /^What-if off: Hyperliquid's portfolio margin formula is not documented/,
  },
  {
    mode: 'manual',
    simAccountId: null,
    heading: 'Bybit · simulator · manual',
    liquidation: 'own',
    gauge: null,
    whatIf: null,
  },
];

const labelOf = (mode: AccountModeId): string => `Sim ${mode}`;

/** The account to add for a case: the simulator account's read-only key or address, or a position typed in by hand. */
function accountFor(sim: Simulator, modeCase: ModeCase): AccountAdd {
  const label = labelOf(modeCase.mode);
  if (modeCase.simAccountId === null) {
    const mark = sim.market.ticker('BTCUSDT').markPrice;
    const position = {
      symbol: 'BTCUSDT',
      side: 'long',
      sizeBase: 0.2,
      entryPrice: mark,
      leverage: 10,
      marginMode: 'isolated',
    } as const;
    return {
      kind: 'manual',
      venue: 'bybit-linear',
      label,
      walletBalance: 0,
      positions: [position],
      baseUrl: sim.baseUrl('bybit-linear'),
    };
  }
  return simAccountAdd(sim, modeCase.simAccountId, label);
}

// A day of history behind each mode's chart; the clock stands still, so every figure holds while a test reads it.
const running = useSimWebApp(
  { seed: 3, scenario: 'calm', speed: 0, historyDays: 1, traderCount: 600, accounts: modeAccountSpecs() },
  (sim) => cases.map((modeCase) => accountFor(sim, modeCase)),
);

test('covers every account mode the app knows', () => {
  expect(cases.map((c) => c.mode).sort()).toEqual([...accountModeIds].sort());
});

for (const modeCase of cases) {
  test(`${modeCase.mode}: the header, the liquidation figures and the what-if say what LiqLens can do in this mode`, async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open(running().webApp.url);
    const group = new AccountGroup(page, labelOf(modeCase.mode));
    await expect(group.header).toContainText('Live');
    await expect(group.mode).toHaveText(modeCase.heading);
    if (modeCase.gauge === null) await expect(group.gauge).toHaveCount(0);
    else await expect(group.gauge).toContainText(`Venue gauge: ${modeCase.gauge} `);
    if (modeCase.whatIf === null) await expect(group.whatIfMode).toHaveCount(0);
    else await expect(group.whatIfMode).toHaveText(modeCase.whatIf);

    if (modeCase.liquidation === 'no positions') {
      await expect(group.root).toContainText('No open positions.');
      await group.header.scrollIntoViewIfNeeded();
    } else {
      await expect(group.rows.first()).toBeVisible();
      const count = await group.rows.count();
      for (let index = 0; index < count; index += 1) await expectLiquidationCell(group, index, modeCase.liquidation);
      await group.rows.first().click();
      await expectChartLegend(page, group, modeCase.liquidation);
      // Where the mode turns the what-if off, the panel gives the reason instead of live controls.
      const whatIfOff = modeCase.whatIf?.source.startsWith('^What-if off') ?? false;
      if (whatIfOff)
        await expect(page.getByTestId('whatif-empty')).toContainText('What-if is off in this account mode');
      else await expect(page.getByTestId('whatif-panel')).toBeVisible();
      // Where the what-if is an approximation, its live figure is a price marked as such, with the
      // venue's own figure beside it, never "none".
      const whatIfApproximate = modeCase.whatIf?.source.startsWith('^What-if approximate') ?? false;
      if (whatIfApproximate) {
        await expect(page.getByTestId('whatif-liq-current')).toHaveText(/^≈ \d/);
        await expect(page.getByTestId('whatif-approximation')).toContainText(/^Approximate \(/);
      } else if (!whatIfOff) await expect(page.getByTestId('whatif-approximation')).toHaveCount(0);
    }
    await saveScreenshot(page, `${modeCase.mode}.png`);
  });
}

/** One row's liquidation cell: a price LiqLens matched, the venue's price with the reason, or no line with the reason. */
async function expectLiquidationCell(group: AccountGroup, index: number, shown: LiquidationShown): Promise<void> {
  const cell = group.liquidationPrices.nth(index);
  if (shown === 'checked') {
    await expect(cell).toContainText(/\d/);
    await expect(cell.getByTestId('self-check')).toHaveText('✓ matches');
  } else if (shown === 'venue') {
    await expect(cell).toContainText(/^\d[\d,.]*/);
    await expect(cell.getByTestId('self-check')).toHaveText(
      /^venue's figure; LiqLens cannot recompute it in this mode \(/,
    );
  } else if (shown === 'none') {
    await expect(cell).toHaveText(/^No liquidation line: /);
  } else {
    // Typed in by hand: LiqLens's own price, with nothing from the venue to check it against.
    await expect(cell).toContainText(/^\d[\d,.]* n\/a$/);
  }
}

/** The chart follows the selected row: its legend shows the row's liquidation price, or none. */
async function expectChartLegend(page: Page, group: AccountGroup, shown: LiquidationShown): Promise<void> {
  const legend = page.getByTestId('chart-liquidation');
  await expect(page.getByTestId('chart-source')).toContainText('simulator');
  if (shown === 'none') {
    await expect(legend).toContainText('Liq —');
    // No figure was checked, so no tick that reads as an all-clear.
    await expect(page.getByTestId('chart-self-check')).toHaveCount(0);
    return;
  }
  // Both follow the account's polls: compare them as they stand at the same moment.
  const priceOf = async (): Promise<string> =>
    ((await group.liquidationPrices.first().textContent()) ?? '').split(' ')[0] ?? '';
  await expect
    .poll(async () => {
      const price = await priceOf();
      return /\d/.test(price) && ((await legend.textContent()) ?? '').startsWith(`Liq ${price}`);
    })
    .toBe(true);
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync(join('docs', 'screenshots', 'modes'), { recursive: true });
    await page.screenshot({ path: join('docs', 'screenshots', 'modes', name) });
  }
}
