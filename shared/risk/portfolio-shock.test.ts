import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Venue } from '../domain/venue';
import { betaToReference } from './beta';
import { portfolioShock } from './portfolio-shock';
import { coinOfSymbol } from './shock-coins';

const mmr = 0.004;
const tiers = [{ floor: 0, cap: null, maintenanceMarginRate: mmr, deduction: 0, maxLeverage: 125 }];
const position = (patch: Partial<RiskPosition>): RiskPosition => ({
  symbol: 'BTCUSDT',
  side: 'long',
  marginMode: 'isolated',
  size: 1,
  contractSize: 1,
  entryPrice: 60000,
  markPrice: 60000,
  leverage: 10,
  isolatedMargin: 6000,
  maxLeverage: null,
  tiers,
  ...patch,
});
const account = (venue: Venue, positions: RiskPosition[], walletBalance = 10000): RiskAccount => ({
  venue,
  positionMode: 'hedge',
  walletBalance,
  takerFeeRate: 0,
  positions,
});
/** Isolated long, one tier, no deduction, no fee: margin + q(P − E) = q·P·mmr solved by hand. */
const isolatedLongLp = (margin: number, size: number, entry: number): number =>
  (margin - size * entry) / (size * (mmr - 1));

describe('portfolioShock', () => {
  it('liquidates an isolated long exactly where its own liquidation price lies on the path, and keeps the rest', () => {
    const lp = isolatedLongLp(6000, 1, 60000);
    const result = portfolioShock([{ id: 'a', label: 'Main', account: account('binance-usdm', [position({})]) }], {
      BTC: -0.2,
    });
    const [liquidation] = result.liquidations;
    expect(result.liquidations).toHaveLength(1);
    expect(liquidation?.markPrice).toBeCloseTo(lp, 2);
    expect(liquidation?.coinMove).toBeCloseTo(lp / 60000 - 1, 8);
    expect(liquidation?.pathShare).toBeCloseTo((lp / 60000 - 1) / -0.2, 8);
    // Binance's insurance fund keeps what the isolated margin still held: only the free wallet is left.
    expect(result.accounts[0]).toMatchObject({ kind: 'exact', equityBefore: 16000, liquidated: 1, positions: 1 });
    expect(result.accounts[0]?.equityAfter).toBeCloseTo(10000, 6);
  });

  it('leaves a position the shock does not reach with its PnL at the shocked mark', () => {
    const result = portfolioShock(
      [{ id: 'a', label: 'Main', account: account('binance-usdm', [position({ isolatedMargin: 30000 })]) }],
      { BTC: -0.1 },
    );
    expect(result.liquidations).toEqual([]);
    expect(result.accounts[0]?.equityAfter).toBeCloseTo(10000 + 30000 - 6000, 6);
  });

  it('orders liquidations across accounts and venues by how far the shock goes, and moves alts by their own move', () => {
    const btcLong = account('bybit-linear', [position({ isolatedMargin: 12000, leverage: 5 })]);
    const ethLong = account('binance-usdm', [
      position({ symbol: 'ETH-USDT-SWAP', entryPrice: 3000, markPrice: 3000, size: 10, isolatedMargin: 1500 }),
    ]);
    const result = portfolioShock(
      [
        { id: 'btc', label: 'Bybit', account: btcLong },
        { id: 'eth', label: 'Binance', account: ethLong },
      ],
      { BTC: -0.3, ETH: -0.45 },
    );
    expect(result.liquidations.map((entry) => entry.accountId)).toEqual(['eth', 'btc']);
    const eth = result.liquidations[0];
    expect(eth?.coin).toBe('ETH');
    expect(eth?.markPrice).toBeCloseTo(isolatedLongLp(1500, 10, 3000), 2);
    expect(result.liquidations[0]!.pathShare).toBeLessThan(result.liquidations[1]!.pathShare);
  });

  it('liquidates every cross position with the pool, and Hyperliquid returns the margin left while Binance does not', () => {
    const positions = [
      position({ marginMode: 'cross', isolatedMargin: 0, size: 2 }),
      position({
        symbol: 'ETHUSDT',
        marginMode: 'cross',
        isolatedMargin: 0,
        entryPrice: 3000,
        markPrice: 3000,
        size: 10,
      }),
    ];
    const shock = (venue: Venue) =>
      portfolioShock([{ id: venue, label: venue, account: account(venue, positions, 20000) }], {
        BTC: -0.2,
        ETH: -0.2,
      });
    const binance = shock('binance-usdm');
    expect(binance.liquidations.map((entry) => entry.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(binance.liquidations[0]?.pathShare).toBe(binance.liquidations[1]?.pathShare);
    expect(binance.accounts[0]?.equityAfter).toBeCloseTo(0, 6);
    const hyperliquid = shock('hyperliquid');
    const kept = hyperliquid.liquidations[0]?.marginLost ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(hyperliquid.accounts[0]?.equityAfter).toBeCloseTo(kept, 6);
  });

  it('says per account where the mode keeps LiqLens from recomputing, instead of guessing', () => {
    const portfolio = { ...account('binance-usdm', [position({})]), accountMode: 'binance-portfolio' as const };
    const result = portfolioShock([{ id: 'pm', label: 'PM', account: portfolio }], { BTC: -0.5 });
    expect(result.liquidations).toEqual([]);
    expect(result.accounts[0]).toMatchObject({ kind: 'off', equityAfter: null });
    expect(result.accounts[0]?.note).toMatch(/portfolio margin/);
  });

  it('reports a position already past liquidation at the start of the path', () => {
    const result = portfolioShock(
      [{ id: 'a', label: 'Main', account: account('binance-usdm', [position({ markPrice: 50000 })]) }],
      { BTC: -0.1 },
    );
    expect(result.liquidations[0]?.pathShare).toBe(0);
  });
});

describe('coinOfSymbol', () => {
  it.each([
    ['BTCUSDT', 'BTC'],
    ['BTC-USDT-SWAP', 'BTC'],
    ['BTCUSD_PERP', 'BTC'],
    ['ETH/USDT:USDT', 'ETH'],
    ['BTC', 'BTC'],
    ['1000PEPEUSDC', '1000PEPE'],
    ['SOLUSD', 'SOL'],
  ])('%s trades %s', (symbol, coin) => expect(coinOfSymbol(symbol)).toBe(coin));
});

describe('betaToReference', () => {
  const bars = (returns: readonly number[]) => {
    let close = 100;
    return [
      { openTimeMs: 0, close },
      ...returns.map((r, index) => ({ openTimeMs: (index + 1) * 60_000, close: (close *= Math.exp(r)) })),
    ];
  };
  const reference = Array.from({ length: 40 }, (_, index) => 0.01 * Math.sin(index * 1.7));

  it('finds the slope of the coin on the reference', () => {
    const coin = reference.map((r, index) => 1.5 * r + (index % 2 === 0 ? 0.0001 : -0.0001));
    expect(betaToReference(bars(coin), bars(reference))).toBeCloseTo(1.5, 2);
  });

  it('pairs bars by time and refuses too few pairs', () => {
    const coin = bars(reference).filter((_, index) => index % 3 === 0);
    expect(betaToReference(coin, bars(reference))).toMatch(/paired returns/);
  });
});
