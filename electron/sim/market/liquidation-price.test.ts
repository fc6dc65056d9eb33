import { describe, expect, it } from 'vitest';
import { solveLiquidationPrice, type LiquidationProblem } from './liquidation-price';
import { findRoot } from './root-search';
import { buildContractTiers, buildHyperliquidTiers, buildTiers } from './tiers';
import type { SimVenueRules } from './types';

// Worked cases from the venues' documents (expected values as the research vectors give them).
const binance3: SimVenueRules = {
  venue: 'binance-usdm',
  contractValue: 1,
  takerFeeRate: 0.0005,
  tiers: buildTiers([
    [50_000, 0.004, 125],
    [250_000, 0.005, 100],
    [1_000_000, 0.01, 50],
  ]),
};
const cases: { name: string; problem: LiquidationProblem; expected: number }[] = [
  {
    // Binance API doc positionRisk example, hedge isolated LONG: isolatedWallet 13,200.70726908 -> 5,930.78.
    name: 'binance isolated long (API doc)',
    problem: {
      rules: binance3,
      marginMode: 'isolated',
      legs: [{ sign: 1, size: 20, entryPrice: 6563.665 }],
      fixedEquity: 13_200.70726908,
      fixedRequirement: 0,
      markPrice: 6563.665,
    },
    expected: 5930.78,
  },
  {
    // OKX cross, 100 contracts x 0.01 BTC @ 50,000, balance 10,000, mmr 0.4 %, fee 0.05 % -> 40,180.81.
    name: 'okx cross long with fee term',
    problem: {
      rules: {
        venue: 'okx-swap',
        contractValue: 0.01,
        takerFeeRate: 0.0005,
        tiers: [],
        contractTiers: buildContractTiers([[2000, 0.004, 100]]),
      },
      marginMode: 'cross',
      legs: [{ sign: 1, size: 1, entryPrice: 50_000 }],
      fixedEquity: 10_000,
      fixedRequirement: 0,
      markPrice: 50_000,
    },
    expected: 40_180.81,
  },
  {
    // Bybit unified cross, 1 BTC @ 20,000, wallet 1,000, mmr 0.5 %, fee to close 0.055 % -> 19,106.04.
    name: 'bybit cross long with fee to close',
    problem: {
      rules: {
        venue: 'bybit-linear',
        contractValue: 1,
        takerFeeRate: 0.00055,
        tiers: buildTiers([[2_000_000, 0.005, 100]]),
      },
      marginMode: 'cross',
      legs: [{ sign: 1, size: 1, entryPrice: 20_000 }],
      fixedEquity: 1000,
      fixedRequirement: 0,
      markPrice: 20_000,
    },
    expected: 19_106.04,
  },
  {
    // Hyperliquid real sample: ETH isolated, maxLeverage 50, szi 0.2259 @ 2213.9, margin 24.88097 -> 2,125.0086.
    name: 'hyperliquid isolated long (ccxt sample)',
    problem: {
      rules: {
        venue: 'hyperliquid',
        contractValue: 1,
        takerFeeRate: 0.00045,
        tiers: buildHyperliquidTiers([[Infinity, 50]]),
      },
      marginMode: 'isolated',
      legs: [{ sign: 1, size: 0.2259, entryPrice: 2213.9 }],
      fixedEquity: 0.2259 * 2213.9 - 475.23904,
      fixedRequirement: 0,
      markPrice: 2213.9,
    },
    expected: 2125.0086,
  },
];

describe('solveLiquidationPrice', () => {
  it.each(cases)('reproduces $name', ({ problem, expected }) => {
    expect(solveLiquidationPrice(problem)).toBeCloseTo(expected, 2);
  });

  it('finds a short above the mark and returns null when a long cannot be liquidated', () => {
    const short = solveLiquidationPrice({
      rules: binance3,
      marginMode: 'isolated',
      legs: [{ sign: -1, size: 1, entryPrice: 60_000 }],
      fixedEquity: 6000,
      fixedRequirement: 0,
      markPrice: 60_000,
    });
    expect(short).toBeGreaterThan(60_000);
    expect(
      solveLiquidationPrice({
        rules: binance3,
        marginMode: 'isolated',
        legs: [{ sign: 1, size: 1, entryPrice: 60_000 }],
        fixedEquity: 61_000,
        fixedRequirement: 0,
        markPrice: 60_000,
      }),
    ).toBeNull();
  });

  it('picks the tier at the liquidation price (Binance: recalculate at the LP level)', () => {
    // 1x short of 4.5 BTC @ 50,000: notional 225,000 at entry (tier 2) but ~448,000 at the LP (tier 3).
    const lp =
      solveLiquidationPrice({
        rules: binance3,
        marginMode: 'isolated',
        legs: [{ sign: -1, size: 4.5, entryPrice: 50_000 }],
        fixedEquity: 225_000,
        fixedRequirement: 0,
        markPrice: 50_000,
      }) ?? 0;
    expect(4.5 * lp).toBeGreaterThan(250_000);
    expect(225_000 - 4.5 * (lp - 50_000)).toBeCloseTo(4.5 * lp * 0.01 - 1300, 4);
  });
});

describe('findRoot', () => {
  it('converges on a kinked function and reports a bracket that does not change sign', () => {
    const f = (x: number): number => (x < 3 ? 2 * (x - 3) : 0.1 * (x - 3)) + 0.05;
    expect(f(findRoot(f, 0, 10, 1e-12))).toBeCloseTo(0, 10);
    expect(findRoot((x) => x * x + 1, -1, 1, 1e-9)).toBeNaN();
  });
});
