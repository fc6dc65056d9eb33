import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { RiskPosition } from '../../../shared/domain/risk-position';
import type { Tier } from '../../../shared/domain/tier';
import { applyWhatIf, continuousDeductions } from '../../../shared/risk';
import { quantile, round } from './stats';

/** Five Binance-style tiers with deductions built the venue's way (continuous at every boundary). */
function fiveTiers(): Tier[] {
  const rows = [
    { floor: 0, cap: 50_000, maintenanceMarginRate: 0.004, maxLeverage: 125 },
    { floor: 50_000, cap: 250_000, maintenanceMarginRate: 0.005, maxLeverage: 100 },
    { floor: 250_000, cap: 1_000_000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
    { floor: 1_000_000, cap: 10_000_000, maintenanceMarginRate: 0.025, maxLeverage: 20 },
    { floor: 10_000_000, cap: null, maintenanceMarginRate: 0.05, maxLeverage: 10 },
  ];
  const deductions = continuousDeductions(
    rows.map((row) => ({ floor: row.floor, maintenanceMarginRate: row.maintenanceMarginRate })),
  );
  return rows.map((row, index) => ({ ...row, deduction: deductions[index] ?? 0 }));
}

/** A Binance cross account with 20 positions of 5 tiers each, long and short, small to large. */
export function crossAccount20(): RiskAccount {
  const tiers = fiveTiers();
  const positions: RiskPosition[] = Array.from({ length: 20 }, (_unused, index) => {
    const price = 100 * (index + 1);
    return {
      symbol: `SYM${index}USDT`,
      side: index % 2 === 0 ? 'long' : 'short',
      marginMode: 'cross',
      size: (2_000 * (index + 1)) / price,
      contractSize: 1,
      entryPrice: price,
      markPrice: price * (index % 3 === 0 ? 1.01 : 0.99),
      leverage: 10,
      isolatedMargin: 0,
      maxLeverage: 125,
      tiers,
    };
  });
  return { venue: 'binance-usdm', positionMode: 'oneway', walletBalance: 250_000, takerFeeRate: 0.0005, positions };
}

/**
 * What-if recompute for a cross account of 20 positions × 5 tiers: one slider step (a mark move
 * on one symbol and a partial close of another) through `applyWhatIf`, which re-solves every
 * liquidation price of the shared cross pool. Median and p99 milliseconds over `runs`.
 */
export function measureWhatIfCross20(runs = 2000): { cross20Ms: number; cross20P99Ms: number } {
  const account = crossAccount20();
  const samples: number[] = [];
  for (let i = 0; i < runs + 200; i += 1) {
    const start = performance.now();
    const result = applyWhatIf(account, [
      { op: 'price', symbol: 'SYM3USDT', change: ((i % 21) - 10) / 1000 },
      { op: 'close', symbol: 'SYM5USDT', fraction: 0.25 },
    ]);
    const elapsed = performance.now() - start;
    if (result.positions.length !== 20) throw new Error('what-if lost a position');
    if (i >= 200) samples.push(elapsed);
  }
  return { cross20Ms: round(quantile(samples, 0.5), 4), cross20P99Ms: round(quantile(samples, 0.99), 4) };
}
