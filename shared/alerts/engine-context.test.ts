import { describe, expect, it } from 'vitest';
import type { RealizedLiquidation } from '../domain/liquidation';
import { createAlertEngine } from './engine';
import type { ClusterBin, ImbalanceInput, PositionObservation } from './inputs';
import { observation, summary } from './testing/support';

const onlyContext = {
  rules: {
    marginRatio: { enabled: false },
    distance: { enabled: false },
    stale: { enabled: false },
    imbalance: { enabled: true },
  },
};

describe('stale data while at risk (15 s, margin ratio ≥ 50 % by default)', () => {
  it('fires exactly when the last data is 15 s old, and clears when data flows again', () => {
    const engine = createAlertEngine({ rules: { marginRatio: { enabled: false } } });
    engine.evaluate({ positions: [observation({ marginRatio: 0.6, tickTimeMs: 0, receivedAtMs: 0 })] }, 0);
    expect(engine.nextCheckMs()).toBe(15_000);
    expect(engine.evaluate({}, 14_999)).toEqual([]);
    const [event, ...rest] = engine.evaluate({}, 15_000);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      rule: 'stale',
      level: 'danger',
      value: 15_000,
      threshold: 15_000,
      tickTimeMs: 0,
      cleared: false,
    });
    expect(event?.message).toBe(
      'main · Binance USDⓈ-M · BTC/USDT long: no market data for 15 s while margin ratio is 60 %: danger',
    );
    expect(engine.evaluate({}, 30_000)).toEqual([]);
    expect(
      summary(engine.evaluate({ positions: [observation({ marginRatio: 0.6, tickTimeMs: 31_000 })] }, 31_000)),
    ).toEqual(['stale:danger:cleared']);
  });

  it.each([
    { name: 'a safe margin ratio', marginRatio: 0.3, receivedAtMs: 0, firesAt: null },
    { name: 'a ratio at the level', marginRatio: 0.5, receivedAtMs: 0, firesAt: 15_000 },
    { name: 'a null ratio (balance gone)', marginRatio: null, receivedAtMs: 0, firesAt: 15_000 },
    { name: 'receipt 5 s after a skewed tick time', marginRatio: 0.7, receivedAtMs: 5_000, firesAt: 20_000 },
  ])('$name: fires at $firesAt', ({ marginRatio, receivedAtMs, firesAt }) => {
    const engine = createAlertEngine({ rules: { marginRatio: { enabled: false } } });
    engine.evaluate({ positions: [observation({ marginRatio, tickTimeMs: 0, receivedAtMs })] }, receivedAtMs);
    const firstFire = Array.from({ length: 600 }, (_, k) => k * 1_000).find(
      (nowMs) => nowMs > receivedAtMs && engine.evaluate({}, nowMs).some((event) => event.rule === 'stale'),
    );
    expect(firstFire ?? null).toBe(firesAt);
  });
});

function liquidations(
  count: number,
  each: { price?: number; usd?: number; side?: 'long' | 'short'; ageMs?: number } = {},
): RealizedLiquidation[] {
  return Array.from({ length: count }, (_, k) => ({
    symbol: 'BTCUSDT',
    side: each.side ?? 'long',
    price: each.price ?? 48_500,
    size: 1,
    notionalUsd: each.usd ?? 120_000,
    timeMs: 100_000 - (each.ageMs ?? 0) - k * 1_000,
  }));
}
const cascadeAt = (list: RealizedLiquidation[]): PositionObservation =>
  observation({ liquidationPrice: 48_000, tickTimeMs: 100_000, liquidations: list });

describe('cascade: a burst of liquidations on the position side near its liquidation price', () => {
  it.each([
    { name: '5 × $120k within 60 s, 1 % from it', list: liquidations(5), expected: ['cascade:danger'] },
    { name: 'only 4', list: liquidations(4), expected: [] },
    { name: '5 but only $400k', list: liquidations(5, { usd: 80_000 }), expected: [] },
    { name: 'short liquidations', list: liquidations(5, { side: 'short' }), expected: [] },
    { name: '8 % from the liquidation price', list: liquidations(5, { price: 51_840 }), expected: [] },
    { name: 'older than the window', list: liquidations(5, { ageMs: 57_000 }), expected: [] },
  ])('$name → $expected', ({ list, expected }) => {
    const events = createAlertEngine(onlyContext).evaluate({ positions: [cascadeAt(list)] }, 100_000);
    expect(summary(events)).toEqual(expected);
    if (expected.length > 0)
      expect(events[0]?.message).toBe(
        'main · Binance USDⓈ-M · BTC/USDT long: cascade in progress: 5 long liquidations ($600k) within 60 s near your liquidation price: danger',
      );
  });

  it('holds while the burst stays above half its thresholds, then clears', () => {
    const engine = createAlertEngine(onlyContext);
    const step = (list: RealizedLiquidation[]): string[] =>
      summary(engine.evaluate({ positions: [cascadeAt(list)] }, 100_000));
    expect(step(liquidations(5))).toEqual(['cascade:danger']);
    expect(step(liquidations(3))).toEqual([]);
    expect(step(liquidations(2))).toEqual(['cascade:danger:cleared']);
  });
});

const bin = (priceLow: number, priceHigh: number, usd = 2e6, side: 'long' | 'short' = 'long'): ClusterBin => ({
  priceLow,
  priceHigh,
  usd,
  side,
});
const inCluster = (clusters: ClusterBin[], patch: Partial<PositionObservation> = {}): PositionObservation =>
  observation({ distance: 0.1, clusters, ...patch });

describe('cluster entry on the position liquidation side (≥ $1M, within 15 % of liquidation)', () => {
  it.each([
    {
      name: 'the mark inside a $2M long bin',
      clusters: [bin(59_900, 60_100)],
      patch: {},
      expected: ['cluster:warning'],
    },
    { name: 'a $500k bin', clusters: [bin(59_900, 60_100, 5e5)], patch: {}, expected: [] },
    { name: 'a short bin', clusters: [bin(59_900, 60_100, 2e6, 'short')], patch: {}, expected: [] },
    {
      name: 'the mark outside the bins',
      clusters: [bin(58_000, 59_000), bin(61_000, 62_000)],
      patch: {},
      expected: [],
    },
    {
      name: 'a position 30 % from liquidation',
      clusters: [bin(59_900, 60_100)],
      patch: { distance: 0.3 },
      expected: [],
    },
    {
      name: 'a short inside a short bin',
      clusters: [bin(59_900, 60_100, 3e6, 'short')],
      patch: { side: 'short' as const },
      expected: ['cluster:warning'],
    },
  ])('$name → $expected', ({ clusters, patch, expected }) => {
    const events = createAlertEngine(onlyContext).evaluate({ positions: [inCluster(clusters, patch)] }, 1_000);
    expect(summary(events)).toEqual(expected);
  });

  it('leaving a bin clears only beyond the 0.1 % band', () => {
    const engine = createAlertEngine(onlyContext);
    const at = (markPrice: number): string[] =>
      summary(engine.evaluate({ positions: [inCluster([bin(59_900, 60_100)], { markPrice })] }, 1_000));
    expect(at(60_000)).toEqual(['cluster:warning']);
    expect(at(60_150)).toEqual([]);
    expect(at(60_090)).toEqual([]);
    expect(at(60_170)).toEqual(['cluster:warning:cleared']);
  });
});

describe('imbalance toward the position side (2:1 by default)', () => {
  const at = (imbalance: ImbalanceInput, patch: Partial<PositionObservation> = {}): PositionObservation =>
    observation({ distance: 0.1, imbalance, ...patch });
  it.each([
    {
      name: '3:1 toward longs, a long',
      input: at({ longUsd: 3e9, shortUsd: 1e9 }),
      value: 3,
      expected: ['imbalance:warning'],
    },
    { name: '1.5:1 toward longs, a long', input: at({ longUsd: 1.5e9, shortUsd: 1e9 }), value: null, expected: [] },
    {
      name: '3:1 toward longs, a short',
      input: at({ longUsd: 3e9, shortUsd: 1e9 }, { side: 'short' }),
      value: null,
      expected: [],
    },
    {
      name: 'no short liquidations at all, a long',
      input: at({ longUsd: 1e9, shortUsd: 0 }),
      value: null,
      expected: ['imbalance:warning'],
    },
  ])('$name → $expected', ({ input, value, expected }) => {
    const events = createAlertEngine(onlyContext).evaluate({ positions: [input] }, 1_000);
    expect(summary(events)).toEqual(expected);
    if (expected.length > 0) expect(events[0]?.value).toBe(value);
  });

  it('minRatio 1 alerts when the dominant side flips to the position side, with a band against flapping', () => {
    const engine = createAlertEngine({ rules: { ...onlyContext.rules, imbalance: { enabled: true, minRatio: 1 } } });
    const step = (longUsd: number): string[] =>
      summary(engine.evaluate({ positions: [at({ longUsd, shortUsd: 1e9 })] }, 1_000));
    // Held down to 1 / (1 + 0.1) ≈ 0.91:1.
    expect([0.8e9, 1.05e9, 0.95e9, 1.1e9, 0.92e9, 0.9e9].map(step)).toEqual([
      [],
      ['imbalance:warning'],
      [],
      [],
      [],
      ['imbalance:warning:cleared'],
    ]);
  });
});

describe('the venue margin call', () => {
  it('fires critical once per episode and clears 5 min after the last one', () => {
    const engine = createAlertEngine();
    const call = (
      timeMs: number,
    ): {
      marginCalls: {
        accountId: string;
        venue: 'binance-usdm';
        symbol: string;
        side: 'long';
        timeMs: number;
        marginRatio: number;
      }[];
    } => ({
      marginCalls: [
        { accountId: 'main', venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', timeMs, marginRatio: 0.88 },
      ],
    });
    const [event] = engine.evaluate(call(1_000), 1_000);
    expect(event).toMatchObject({
      rule: 'marginCall',
      level: 'critical',
      value: 0.88,
      threshold: null,
      tickTimeMs: 1_000,
      cleared: false,
    });
    expect(event?.message).toBe(
      'main · Binance USDⓈ-M · BTCUSDT long: Binance USDⓈ-M sent a margin call (margin ratio 88 %): critical',
    );
    expect(engine.worstLevel()).toBe('critical');
    expect(engine.evaluate(call(100_000), 100_000)).toEqual([]);
    expect(engine.nextCheckMs()).toBe(400_000);
    expect(engine.evaluate({}, 399_999)).toEqual([]);
    expect(summary(engine.evaluate({}, 400_000))).toEqual(['marginCall:critical:cleared']);
  });
});

describe('a closed position', () => {
  it('clears its levels in one event, and is forgotten', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [observation({ marginRatio: 0.75, distance: 0.3 })] }, 1_000);
    const events = engine.evaluate({ closed: [{ accountId: 'main', symbol: 'BTCUSDT', side: 'long' }] }, 2_000);
    expect(summary(events)).toEqual(['marginRatio:danger:cleared']);
    expect(events[0]?.message).toBe(
      'main · Binance USDⓈ-M · BTC/USDT long: position closed, margin ratio danger cleared',
    );
    expect(engine.exportState().positions).toEqual([]);
    expect(engine.evaluate({}, 100_000)).toEqual([]);
  });
});
