import { describe, expect, it } from 'vitest';
import type { RealizedLiquidation } from '../domain/liquidation';
import {
  calibrateLeverageMix,
  consumptionAgreement,
  createLedger,
  defaultLedgerParams,
  replay,
  type LeverageWeight,
  type VenueMarket,
} from './index';
import { wanderingBars } from './testing/bars';

const market: VenueMarket = {
  venue: 'binance-usdm',
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.005, deduction: 0, maxLeverage: 125 }],
  takerFeeRate: 0.0005,
  contractSize: 1,
};
const bars = [{ venue: 'binance-usdm' as const, bars: wanderingBars(2 * 1440) }];
const trueMix: LeverageWeight[] = [
  { leverage: 5, weight: 0.05 },
  { leverage: 25, weight: 0.15 },
  { leverage: 100, weight: 0.8 },
];

/** Liquidations as a ledger with the true mix would see them. */
function realizedFrom(mix: readonly LeverageWeight[]): RealizedLiquidation[] {
  const out: RealizedLiquidation[] = [];
  const ledger = createLedger({
    markets: [market],
    params: { ...defaultLedgerParams, leverageMix: mix },
    onConsume: (event) =>
      out.push({
        symbol: 'X',
        side: event.side,
        price: ledger.grid.mid(event.bin),
        size: event.usd / ledger.grid.mid(event.bin),
        notionalUsd: event.usd,
        timeMs: event.timeMs,
      }),
  });
  replay(ledger, bars);
  return out;
}

describe('calibrateLeverageMix', () => {
  const realized = realizedFrom(trueMix);
  const prior: LeverageWeight[] = [
    { leverage: 5, weight: 0.6 },
    { leverage: 25, weight: 0.3 },
    { leverage: 100, weight: 0.1 },
  ];
  const input = {
    markets: [market],
    bars,
    realized,
    params: { ...defaultLedgerParams, leverageMix: prior },
    rounds: 3,
  };

  it('scores the mix that produced the liquidations at 1', () => {
    expect(consumptionAgreement(input, trueMix)).toBeCloseTo(1, 9);
  });

  it('improves the score (never lowers it) and moves the weights toward the truth', () => {
    const result = calibrateLeverageMix(input);
    expect(result.score).toBeGreaterThanOrEqual(result.initialScore);
    expect(result.improvement).toBeGreaterThan(0.01);
    expect(result.improvement).toBeCloseTo(result.score - result.initialScore, 12);
    const weight = (leverage: number): number =>
      result.leverageMix.find((item) => item.leverage === leverage)?.weight ?? 0;
    expect(weight(100)).toBeGreaterThan(0.1);
    expect(result.leverageMix.reduce((s, item) => s + item.weight, 0)).toBeCloseTo(1, 12);
  });

  it('keeps the score when there is nothing to fit', () => {
    const result = calibrateLeverageMix({ ...input, realized: [], rounds: 1 });
    expect(result.score).toBe(0);
    expect(result.improvement).toBe(0);
  });
});
