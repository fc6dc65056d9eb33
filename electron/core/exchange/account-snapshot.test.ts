import { describe, expect, it } from 'vitest';
import type { CollateralAsset } from '../../../shared/domain/collateral';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { Tier } from '../../../shared/domain/tier';
import { evaluateAccount } from '../../../shared/risk';
import { buildAccountSnapshot, type ModeFigures, type SymbolFacts } from './account-snapshot';
import type { MappedPosition } from './map-ccxt';

/*
 * A Bybit unified cross account holding a BTC long and an ETH short beside BTC collateral. The venue
 * prices it at its own unrounded entry and mark prices and publishes them rounded to the tick, with
 * the PnL to 8 decimals. LiqLens reads only what is published, and must still land within a tick of
 * the venue's liquidation price for each symbol.
 */

const tiers = (mmr: number): Tier[] => [
  { floor: 0, cap: 2_000_000, maintenanceMarginRate: mmr, deduction: 0, maxLeverage: 100 },
];
const facts = new Map<string, SymbolFacts>([
  ['BTCUSDT', { tiers: tiers(0.005), maxLeverage: 100, tickSize: 0.1, takerFeeRate: 0.00055 }],
  ['ETHUSDT', { tiers: tiers(0.005), maxLeverage: 100, tickSize: 0.01, takerFeeRate: 0.00055 }],
]);
const collateral: CollateralAsset[] = [
  {
    asset: 'USDT',
    amount: 400,
    indexPriceUsd: 1,
    valuation: { kind: 'tiered', tiers: [{ floor: 0, cap: null, ratio: 1 }] },
  },
  {
    asset: 'BTC',
    amount: 0.05,
    indexPriceUsd: 60_012.3456,
    valuation: { kind: 'tiered', tiers: [{ floor: 0, cap: null, ratio: 0.95 }] },
  },
];
const modeFigures: ModeFigures = {
  mode: 'bybit-unified-cross',
  gauge: null,
  spotQuoteTotal: null,
  adlScale: null,
  collateral,
};

/** The venue's own position, before it rounds anything. */
interface VenuePosition {
  readonly symbol: 'BTCUSDT' | 'ETHUSDT';
  readonly side: 'long' | 'short';
  readonly size: number;
  readonly entry: number;
  readonly mark: number;
}

const roundTo = (value: number, step: number): number => Math.round(value / step) * step;
const sign = (position: VenuePosition): number => (position.side === 'long' ? 1 : -1);

/** What the venue's position list shows: prices at the tick, the PnL from its unrounded prices. */
function published(position: VenuePosition): MappedPosition {
  const tick = facts.get(position.symbol)?.tickSize ?? 0;
  return {
    symbol: position.symbol,
    unifiedSymbol: `${position.symbol.replace('USDT', '')}/USDT:USDT`,
    side: position.side,
    marginMode: 'cross',
    size: position.size,
    contractSize: 1,
    entryPrice: roundTo(position.entry, tick),
    markPrice: roundTo(position.mark, tick),
    leverage: 10,
    isolatedMargin: 0,
    unrealizedPnl: Number((sign(position) * position.size * (position.mark - position.entry)).toFixed(8)),
    exchangeLiquidationPrice: null,
    hedgeLeg: false,
    adl: null,
    riskLimitLoweredAtMs: null,
    leverageLoweredAtMs: null,
    isolatedOnly: false,
    settleAsset: 'USDT',
  };
}

/** The venue's liquidation price per symbol: the same rules on its unrounded prices. */
function venueLiquidation(positions: readonly VenuePosition[]): (number | null)[] {
  const account: RiskAccount = {
    venue: 'bybit-linear',
    positionMode: 'oneway',
    walletBalance: 400,
    takerFeeRate: 0.00055,
    accountMode: 'bybit-unified-cross',
    collateral,
    positions: positions.map((position) => ({
      symbol: position.symbol,
      side: position.side,
      marginMode: 'cross',
      size: position.size,
      contractSize: 1,
      entryPrice: position.entry,
      markPrice: position.mark,
      leverage: 10,
      isolatedMargin: 0,
      maxLeverage: 100,
      tiers: facts.get(position.symbol)?.tiers ?? [],
      settleAsset: 'USDT',
    })),
  };
  return evaluateAccount(account).positions.map((position) => position.liquidationPrice);
}

describe('a multi-asset cross pool read from rounded prices', () => {
  // Every price sits close to half a tick off the tick, each rounding adding to the pool's equity.
  const positions: VenuePosition[] = [
    { symbol: 'BTCUSDT', side: 'long', size: 0.5, entry: 59_800.0499, mark: 60_012.3501 },
    { symbol: 'ETHUSDT', side: 'short', size: 4, entry: 3_149.99501, mark: 3_001.23501 },
  ];

  it("prices each symbol within a tick of the venue's liquidation price", () => {
    const venue = venueLiquidation(positions);
    const snapshot = buildAccountSnapshot('bybit-linear', positions.map(published), facts, 400, 0, modeFigures);
    snapshot.positions.forEach((position, index) => {
      const tick = position.tickSize ?? 0;
      expect(position.computedLiquidationPrice, position.symbol).not.toBeNull();
      expect(Math.abs((position.computedLiquidationPrice ?? 0) - (venue[index] ?? 0)), position.symbol).toBeLessThan(
        tick,
      );
    });
  });

  it('would miss the ETH price by more than a tick priced from the rounded entries alone', () => {
    const venue = venueLiquidation(positions);
    const rounded = positions.map((position) => ({
      ...position,
      entry: published(position).entryPrice,
      mark: published(position).markPrice,
    }));
    const fromRounded = venueLiquidation(rounded);
    expect(Math.abs((fromRounded[1] ?? 0) - (venue[1] ?? 0))).toBeGreaterThan(0.01);
  });

  it('keeps the published entry when the PnL is on another basis than the published prices', () => {
    const [btc] = positions.map(published);
    const off = { ...btc!, unrealizedPnl: btc!.unrealizedPnl + 50 };
    const snapshot = buildAccountSnapshot('bybit-linear', [off], facts, 400, 0, modeFigures);
    expect(snapshot.risk.positions[0]?.entryPrice).toBe(btc!.entryPrice);
  });
});
