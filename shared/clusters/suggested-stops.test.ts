import { describe, expect, it } from 'vitest';
import { averageTrueRange, createPriceGrid, placeStops, suggestedStops, type Profile } from './index';

const grid = createPriceGrid({ kind: 'absolute', step: 100 });
const markPrice = 60_050;

/** A profile over 50,000–70,000 with USD placed at the given prices. */
function profileWith(long: Record<number, number>, short: Record<number, number>): Profile {
  const firstBin = grid.binOf(50_000);
  const size = grid.binOf(70_000) - firstBin + 1;
  const out = { long: new Float64Array(size), short: new Float64Array(size) };
  for (const [values, target] of [
    [long, out.long],
    [short, out.short],
  ] as const) {
    for (const [price, usd] of Object.entries(values)) target[grid.binOf(Number(price)) - firstBin] = usd;
  }
  return { grid, firstBin, ...out };
}

/** Bars whose true range is exactly `range` each (closes at the middle, no gaps). */
const flatBars = (count: number, range: number) =>
  Array.from({ length: count }, () => ({ high: markPrice + range / 2, low: markPrice - range / 2, close: markPrice }));

describe('average true range', () => {
  it('is the mean of the last period true ranges, a gap counting from the previous close', () => {
    const bars = [
      { high: 110, low: 100, close: 105 }, // 10 (first bar: high − low)
      { high: 108, low: 104, close: 107 }, // 4
      { high: 120, low: 115, close: 118 }, // gap up: 120 − 107 = 13
      { high: 117, low: 101, close: 102 }, // from the previous close 118 down to 101: 17
    ];
    expect(averageTrueRange(bars, 14)).toBeCloseTo((10 + 4 + 13 + 17) / 4, 12);
    expect(averageTrueRange(bars, 2)).toBeCloseTo((13 + 17) / 2, 12);
  });

  it('skips broken bars and is null without any', () => {
    expect(averageTrueRange([{ high: 1, low: 2, close: 1 }], 14)).toBeNull();
    expect(averageTrueRange([], 14)).toBeNull();
    expect(
      averageTrueRange(
        [
          { high: Number.NaN, low: 1, close: 1 },
          { high: 12, low: 10, close: 11 },
        ],
        14,
      ),
    ).toBe(2);
  });
});

describe('stops outside clusters', () => {
  const profile = profileWith(
    { 58_050: 4e6, 55_050: 9e6, 62_050: 7e6 /* above a long's mark: not on its way */ },
    { 61_550: 3e6, 65_050: 8e6 },
  );
  const bars = flatBars(20, 200);

  it('a long: beyond the far (lower) edge of the nearest long clusters by 1.5 ATR, nearest first', () => {
    const stops = suggestedStops({ side: 'long', markPrice, liquidationPrice: 50_500, profile, bars });
    expect(stops.map((s) => s.cluster.price)).toEqual([58_050, 55_050]);
    const [first] = stops;
    expect(first?.atr).toBe(200);
    expect(first?.atrMultiple).toBe(1.5);
    expect(first?.price).toBeCloseTo((first?.cluster.low ?? 0) - 300, 9);
    expect(first?.price).toBeLessThan(58_000);
    expect(first?.cluster.usd).toBe(4e6);
    expect(first?.distance).toBeCloseTo(((first?.price ?? 0) - markPrice) / markPrice, 12);
  });

  it('a short: above the far (upper) edge of the short clusters above the mark', () => {
    const stops = suggestedStops({ side: 'short', markPrice, liquidationPrice: 69_000, profile, bars });
    expect(stops.map((s) => s.cluster.price)).toEqual([61_550, 65_050]);
    expect(stops[0]?.price).toBeCloseTo((stops[0]?.cluster.high ?? 0) + 300, 9);
    expect(stops[0]?.price).toBeGreaterThan(61_600);
  });

  it('the buffer grows with volatility', () => {
    const calm = suggestedStops({ side: 'long', markPrice, liquidationPrice: null, profile, bars: flatBars(20, 100) });
    const wild = suggestedStops({ side: 'long', markPrice, liquidationPrice: null, profile, bars: flatBars(20, 800) });
    expect((calm[0]?.price ?? 0) - (wild[0]?.price ?? 0)).toBeCloseTo(1.5 * 700, 9);
  });

  it('drops a stop at or beyond the liquidation price: it would protect nothing', () => {
    const stops = suggestedStops({ side: 'long', markPrice, liquidationPrice: 56_000, profile, bars });
    expect(stops.map((s) => s.cluster.price)).toEqual([58_050]);
    expect(suggestedStops({ side: 'long', markPrice, liquidationPrice: 58_500, profile, bars })).toEqual([]);
  });

  it('nothing without bars for an ATR or without clusters on the way', () => {
    expect(suggestedStops({ side: 'long', markPrice, liquidationPrice: null, profile, bars: [] })).toEqual([]);
    const none = profileWith({ 62_050: 7e6 }, {});
    expect(suggestedStops({ side: 'long', markPrice, liquidationPrice: null, profile: none, bars })).toEqual([]);
  });

  it('keeps half an ATR between a stop and the liquidation: nearer, it is dropped and said to be too close', () => {
    const [first] = suggestedStops({ side: 'long', markPrice, liquidationPrice: null, profile, bars });
    const stopPrice = first?.price ?? 0;
    // 0.4 ATR (80) of room: the move that fills the stop would liquidate as well.
    const tight = placeStops({ side: 'long', markPrice, liquidationPrice: stopPrice - 80, profile, bars });
    expect(tight.stops).toEqual([]);
    expect(tight.dropped.map((d) => [d.cluster.price, d.reason])).toEqual([
      [58_050, 'too-close'],
      [55_050, 'beyond-liquidation'],
    ]);
    expect(tight.dropped[0]?.gapAtr).toBeCloseTo(0.4, 9);
    expect(tight.dropped[0]?.minGapAtr).toBe(0.5);
    expect(tight.dropped[0]?.price).toBeCloseTo(stopPrice, 9);
    // 0.6 ATR (120) of room is enough.
    const roomy = placeStops({ side: 'long', markPrice, liquidationPrice: stopPrice - 120, profile, bars });
    expect(roomy.stops.map((stop) => stop.cluster.price)).toEqual([58_050]);
    // A wider minimum drops it again.
    const strict = { minLiquidationGapAtr: 1 };
    expect(
      suggestedStops({ side: 'long', markPrice, liquidationPrice: stopPrice - 120, profile, bars }, strict),
    ).toEqual([]);
  });

  it('a short: too close when the stop sits less than half an ATR under its liquidation above', () => {
    const [first] = suggestedStops({ side: 'short', markPrice, liquidationPrice: null, profile, bars });
    const stopPrice = first?.price ?? 0;
    const tight = placeStops({ side: 'short', markPrice, liquidationPrice: stopPrice + 60, profile, bars });
    expect(tight.stops).toEqual([]);
    expect(tight.dropped[0]?.reason).toBe('too-close');
    expect(tight.dropped[0]?.gapAtr).toBeCloseTo(0.3, 9);
    expect(
      placeStops({ side: 'short', markPrice, liquidationPrice: stopPrice + 100, profile, bars }).stops,
    ).toHaveLength(1);
  });
});
