import { describe, expect, it } from 'vitest';
import { createSimMarket } from './market';
import { scenarioDurationMs } from './scenarios';
import type { SimLiquidation, SimMarketModel, SimScenarioName } from './types';

const hourMs = 3_600_000;
const minuteMs = 60_000;
const seeds = [1, 2, 3];
// The shock phase of the crash and squeeze scenarios: after a 3 h build-up, 50 minutes.
const shockStartMs = 3 * hourMs;
const shockEndMs = shockStartMs + 50 * minuteMs;

const notional = (list: readonly SimLiquidation[], side: 'long' | 'short'): number =>
  list.filter((l) => l.side === side).reduce((sum, l) => sum + l.size * l.price, 0);

function shock(seed: number, scenario: SimScenarioName, impactScale = 1) {
  const market = createSimMarket({ seed, scenario, historyDays: 1, accounts: [], impactScale });
  market.advance(shockStartMs);
  const startMark = market.ticker('BTCUSDT').markPrice;
  const truthBefore = market.truth('BTCUSDT');
  market.advance(shockEndMs - shockStartMs);
  const from = market.startTimeMs + shockStartMs;
  const to = market.startTimeMs + shockEndMs;
  const markBars = market.bars('BTCUSDT', 'mark', from, to, 1e9);
  const liquidations = market.liquidations('BTCUSDT', from, to);
  return {
    market,
    startMark,
    truthBefore,
    liquidations,
    minMark: Math.min(...markBars.map((b) => b.low)),
    maxMark: Math.max(...markBars.map((b) => b.high)),
    longUsd: notional(liquidations, 'long'),
    shortUsd: notional(liquidations, 'short'),
  };
}

function peakPerMinute(list: readonly SimLiquidation[]): number {
  const counts = new Map<number, number>();
  for (const l of list)
    counts.set(Math.floor(l.timeMs / minuteMs), (counts.get(Math.floor(l.timeMs / minuteMs)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

function wholeScenario(
  seed: number,
  scenario: SimScenarioName,
): { market: SimMarketModel; liquidations: readonly SimLiquidation[] } {
  const market = createSimMarket({ seed, scenario, historyDays: 1, accounts: [] });
  market.advance(market.scenarioDurationMs);
  return { market, liquidations: market.liquidations('BTCUSDT', market.startTimeMs, Infinity) };
}

describe('scenarios', () => {
  it('long-squeeze crash: price falls a lot and long liquidations dominate', () => {
    for (const seed of seeds) {
      const run = shock(seed, 'long-squeeze-crash');
      expect(run.minMark / run.startMark).toBeLessThan(0.95);
      expect(run.longUsd).toBeGreaterThan(5 * run.shortUsd);
    }
  });

  it('short squeeze: price rises a lot and short liquidations dominate', () => {
    for (const seed of seeds) {
      const run = shock(seed, 'short-squeeze');
      expect(run.maxMark / run.startMark).toBeGreaterThan(1.04);
      expect(run.shortUsd).toBeGreaterThan(5 * run.longUsd);
    }
  });

  it('calm: few liquidations and a small range; chop: both sides liquidated', () => {
    for (const seed of seeds) {
      const calm = wholeScenario(seed, 'calm');
      const crash = wholeScenario(seed, 'long-squeeze-crash');
      const chop = wholeScenario(seed, 'chop');
      const usd = (list: readonly SimLiquidation[]): number => notional(list, 'long') + notional(list, 'short');
      expect(usd(calm.liquidations)).toBeLessThan(0.15 * usd(crash.liquidations));
      const calmBars = calm.market.bars('BTCUSDT', 'mark', calm.market.startTimeMs, Infinity, 1e9);
      const range = Math.max(...calmBars.map((b) => b.high)) / Math.min(...calmBars.map((b) => b.low)) - 1;
      expect(range).toBeLessThan(0.04);
      expect(notional(chop.liquidations, 'long')).toBeGreaterThan(0);
      expect(notional(chop.liquidations, 'short')).toBeGreaterThan(0);
      expect(usd(chop.liquidations)).toBeGreaterThan(usd(calm.liquidations));
    }
  });

  it('ends each scenario at its natural duration', () => {
    expect(scenarioDurationMs('long-squeeze-crash')).toBe(shockEndMs + 2 * hourMs);
    expect(scenarioDurationMs('calm')).toBeGreaterThan(0);
  });
});

describe('cascades', () => {
  it('liquidations cluster in time while the mark runs through the true liquidation levels', () => {
    for (const seed of seeds) {
      const run = shock(seed, 'long-squeeze-crash');
      const meanPerMinute = run.liquidations.length / 50;
      expect(peakPerMinute(run.liquidations)).toBeGreaterThan(10 * meanPerMinute);
      // Every long level the mark ran through is gone from the truth: liquidated (or closed before).
      const crossed = run.truthBefore.filter((level) => level.side === 'long' && level.liquidationPrice >= run.minMark);
      const key = (l: { openedAtMs: number; size: number; liquidationPrice: number }): string =>
        `${l.openedAtMs}:${l.size}:${l.liquidationPrice}`;
      const after = new Set(run.market.truth('BTCUSDT').map(key));
      expect(crossed.length).toBeGreaterThan(20);
      expect(crossed.filter((level) => after.has(key(level)))).toEqual([]);
      // Most of them went by liquidation, not by a voluntary close.
      const longCount = run.liquidations.filter((l) => l.side === 'long').length;
      expect(longCount).toBeGreaterThan(0.5 * crossed.length);
    }
  });

  it('forced orders feed back into price: with impact, more liquidations cluster than without', () => {
    let withImpact = 0,
      without = 0,
      peakWith = 0,
      peakWithout = 0;
    for (const seed of [1, 2, 3, 4]) {
      const a = shock(seed, 'long-squeeze-crash', 1);
      const b = shock(seed, 'long-squeeze-crash', 0);
      withImpact += a.longUsd;
      without += b.longUsd;
      peakWith += peakPerMinute(a.liquidations);
      peakWithout += peakPerMinute(b.liquidations);
    }
    expect(withImpact).toBeGreaterThan(without);
    expect(peakWith).toBeGreaterThan(peakWithout);
  });
});
