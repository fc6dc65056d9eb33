import { describe, expect, it } from 'vitest';
import { createSimMarket } from './market';
import type { SimBar } from './types';

const minuteMs = 60_000;

describe('createSimMarket: determinism', () => {
  const run = (seed: number) => {
    const market = createSimMarket({ seed, scenario: 'long-squeeze-crash', historyDays: 1 });
    market.advance(4 * 3_600_000);
    return {
      bars: market.bars('BTCUSDT', 'last', 0, Infinity, 1e9),
      markBars: market.bars('ETHUSDT', 'mark', 0, Infinity, 1e9),
      liquidations: market.liquidations('BTCUSDT', 0, Infinity),
      truth: market.truth('ETHUSDT'),
      accounts: market.accounts(),
    };
  };

  it('gives identical bars, liquidations, truth and accounts for the same seed, and different ones for another', () => {
    const a = run(11),
      b = run(11),
      c = run(12);
    expect(b).toEqual(a);
    expect(a.liquidations.length).toBeGreaterThan(0);
    expect(c.bars).not.toEqual(a.bars);
    expect(c.liquidations).not.toEqual(a.liquidations);
  });
});

describe('createSimMarket: history, queries and events', () => {
  const market = createSimMarket({ seed: 3, scenario: 'calm', historyDays: 2 });

  it('pre-generates whole one-minute bars up to the start, with coherent fields', () => {
    expect(market.now()).toBe(market.startTimeMs);
    const bars = market.bars('BTCUSDT', 'last', 0, Infinity, 1e9);
    expect(bars.length).toBe(2 * 1440);
    expect(bars[0]?.openTimeMs).toBe(market.historyStartMs);
    expect(bars.at(-1)?.openTimeMs).toBe(market.startTimeMs - minuteMs);
    for (const bar of bars) {
      expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
      expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
      expect(bar.takerBuyVolume).toBeLessThanOrEqual(bar.volume + 1e-9);
      expect(bar.volume).toBeGreaterThan(0);
    }
    const price = bars.at(-1)?.close ?? 0;
    expect(price).toBeGreaterThan(40_000);
    expect(price).toBeLessThan(80_000);
  });

  it('answers [start, end) windows with a limit, mark bars without volume, OI at minute boundaries', () => {
    const start = market.startTimeMs - 10 * minuteMs;
    const bars = market.bars('ETHUSDT', 'last', start, market.startTimeMs, 3);
    expect(bars.map((bar) => bar.openTimeMs)).toEqual([start, start + minuteMs, start + 2 * minuteMs]);
    const markBars = market.bars('ETHUSDT', 'mark', start, market.startTimeMs, 100);
    expect(markBars.length).toBe(10);
    expect(markBars.every((bar) => bar.volume === 0)).toBe(true);
    const oi = market.openInterestHistory('ETHUSDT', start, market.startTimeMs);
    expect(oi.map((point) => point.timeMs)).toEqual(Array.from({ length: 10 }, (_, i) => start + i * minuteMs));
    expect(() => market.bars('XRPUSDT', 'last', 0, 1, 1)).toThrow(/Unknown simulated symbol/);
  });

  it('emits a ticker per symbol per simulated second, each closed bar, and every liquidation', () => {
    const tickers: string[] = [];
    const bars: { symbol: string; bar: SimBar }[] = [];
    let liquidations = 0;
    const offs = [
      market.on('ticker', (t) => tickers.push(t.symbol)),
      market.on('bar', (b) => bars.push(b)),
      market.on('liquidation', () => liquidations++),
    ];
    const from = market.now();
    market.advance(1500);
    market.advance(500);
    expect(tickers.length).toBe(4);
    market.advance(5 * minuteMs - 2000);
    offs.forEach((off) => off());
    expect(tickers.length).toBe(2 * 300);
    expect(bars.filter((b) => b.symbol === 'BTCUSDT').map((b) => b.bar)).toEqual(
      market.bars('BTCUSDT', 'last', from, market.now(), 100),
    );
    expect(liquidations).toBe(
      market.liquidations('BTCUSDT', from, Infinity).length + market.liquidations('ETHUSDT', from, Infinity).length,
    );
    market.advance(1000);
    expect(tickers.length).toBe(600);
  });

  it('exposes the scenario length and a ticker with a sane funding time', () => {
    expect(market.scenarioDurationMs).toBe(8 * 3_600_000);
    const ticker = market.ticker('BTCUSDT');
    expect(ticker.nextFundingTimeMs).toBeGreaterThan(ticker.timeMs);
    expect(ticker.nextFundingTimeMs % (8 * 3_600_000)).toBe(0);
    expect(Math.abs(ticker.markPrice / ticker.lastPrice - 1)).toBeLessThan(0.01);
  });
});

describe('createSimMarket: memory', () => {
  it('holds 30 days of two symbols in well under 100 MB', () => {
    const before = process.memoryUsage();
    const market = createSimMarket({ seed: 1, scenario: 'calm', historyDays: 30 });
    const after = process.memoryUsage();
    const grownMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
    expect(market.bars('BTCUSDT', 'last', 0, Infinity, 1e9).length).toBe(30 * 1440);
    expect(grownMb).toBeLessThan(100);
  });
});
