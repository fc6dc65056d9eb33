import { describe, expect, it } from 'vitest';
import { createPriceGrid, type MapBin } from '../../../../shared/clusters';
import { findMapBin } from './bin-lookup';
import { breakEvenPrice } from './break-even';
import { candlesForSeries } from './candles-for-series';
import { heatIndex, heatPalette, heatRamps, heatScaleMax } from './heat-colors';
import { imbalanceText, ratioText } from './imbalance-text';
import { priceLineSpecs } from './price-line-specs';
import { profileFromWire } from './profile-from-wire';
import { realizedMarkers } from './realized-markers';
import { logicalOfTime } from './time-to-logical';
import { binRangeText, binTooltipLines, leverageMixText } from './tooltip-text';
import { formatUsdCompact } from './usd-compact';
import type { PositionView } from '../../../../shared/ipc/views/positions';

const candle = (openTimeMs: number, close = 100) => ({
  openTimeMs,
  open: 100,
  high: Math.max(100, close),
  low: Math.min(100, close),
  close,
  volume: 0,
  takerBuyVolume: null,
});

describe('formatUsdCompact', () => {
  it.each([
    [412e6, '$412M'],
    [2.6e9, '$2.6B'],
    [23e9, '$23B'],
    [980_000, '$980k'],
    [740, '$740'],
    [1e9, '$1B'],
    [9.96e6, '$10M'],
    [-3.1e6, '−$3.1M'],
  ])('%d → %s', (amount, text) => {
    expect(formatUsdCompact(amount)).toBe(text);
  });
});

describe('tooltip text', () => {
  const bin: MapBin = {
    low: 58_200,
    high: 58_300,
    longUsd: 412e6,
    shortUsd: 0,
    longByLeverage: [0, 0.12, 0.41, 0.33, 0.14].map((x) => x * 412e6),
    shortByLeverage: [0, 0, 0, 0, 0],
    byVenue: [],
    provenance: [],
  };
  it('reads the bin like a trader says it', () => {
    expect(binTooltipLines(bin, [5, 10, 25, 50, 100], 0.1)).toEqual([
      '$412M of long liquidations at 58,200–58,300; 25x 41 %, 50x 33 %, 100x 14 %…',
    ]);
  });
  it('lists the larger side first and skips an empty one', () => {
    const both = { ...bin, shortUsd: 500e6, shortByLeverage: [500e6, 0, 0, 0, 0] };
    expect(binTooltipLines(both, [5, 10, 25, 50, 100], 0.1)[0]).toBe(
      '$500M of short liquidations at 58,200–58,300; 5x 100 %',
    );
  });
  it("names the model's near-price band (no leverage) as one part of the mix", () => {
    const near = {
      ...bin,
      longUsd: 100e6,
      longByLeverage: [0, 0, 20e6, 0, 0],
      nearPrice: { longUsd: 80e6, shortUsd: 0 },
    };
    expect(binTooltipLines(near, [5, 10, 25, 50, 100], 0.1)).toEqual([
      '$100M of long liquidations at 58,200–58,300; near price 80 %, 25x 20 %',
    ]);
  });
  it('resolves a bin at the precision its width needs', () => {
    expect(binRangeText({ low: 3001.234, high: 3004.237 }, 0.01)).toBe('3,001.2–3,004.2');
    expect(leverageMixText([0, 0], [10, 20], 0)).toBe('');
  });
});

describe('imbalance text', () => {
  it('quotes shorts above against longs below', () => {
    expect(imbalanceText({ shortAboveUsd: 23e9, longBelowUsd: 2.6e9, ratio: 23 / 2.6, upTo: 0, downTo: 0 })).toBe(
      '$23B shorts above vs $2.6B longs below: 8.8:1',
    );
  });
  it('puts the larger side first and handles empty sides', () => {
    expect(ratioText({ shortAboveUsd: 1e6, longBelowUsd: 3.2e6, ratio: 1 / 3.2, upTo: 0, downTo: 0 })).toBe('1:3.2');
    expect(ratioText({ shortAboveUsd: 1e6, longBelowUsd: 0, ratio: null, upTo: 0, downTo: 0 })).toBe('shorts only');
    expect(ratioText({ shortAboveUsd: 0, longBelowUsd: 0, ratio: null, upTo: 0, downTo: 0 })).toBe('—');
  });
});

describe('heat colours', () => {
  it('builds a palette that starts transparent', () => {
    const palette = heatPalette(heatRamps.dark, 16);
    expect(palette).toHaveLength(16);
    expect(palette[0]).toMatch(/,0\.000\)$/);
    expect(palette[15]).toBe('rgba(255,236,140,0.850)');
  });
  it('maps values to indices monotonically, 0 for nothing', () => {
    expect(heatIndex(0, 10, 64)).toBe(0);
    expect(heatIndex(10, 10, 64)).toBe(63);
    expect(heatIndex(100, 10, 64)).toBe(63);
    expect(heatIndex(1, 10, 64)).toBeLessThan(heatIndex(5, 10, 64));
  });
  it('scales by a high quantile, not one freak cell', () => {
    const column = { long: Array.from({ length: 1000 }, (_, i) => (i === 0 ? 1e9 : 1)), short: [] };
    expect(heatScaleMax([column])).toBe(1);
    expect(heatScaleMax([{ long: [0], short: [0] }])).toBe(0);
  });
});

describe('break-even', () => {
  it('adds the fee to close in the direction of profit', () => {
    expect(breakEvenPrice('long', 100, 0.0005)).toBeCloseTo(100 / 0.9995, 10);
    expect(breakEvenPrice('short', 100, 0.0005)).toBeCloseTo(100 / 1.0005, 10);
    expect(breakEvenPrice('long', 100, null)).toBeNull();
  });
});

describe('candles for the series', () => {
  it('converts to seconds and drops out-of-order bars, keeping the newer revision of a repeated one', () => {
    const bars = candlesForSeries([
      candle(60_000),
      candle(120_000, 101),
      candle(120_000, 102),
      candle(60_000),
      candle(180_000),
    ]);
    expect(bars.map((b) => [b.time, b.close])).toEqual([
      [60, 100],
      [120, 102],
      [180, 100],
    ]);
  });
});

describe('profile from wire', () => {
  it('pads sides and zeroes bad values', () => {
    const profile = profileFromWire(
      { firstBin: 5, long: [1, -2, Number.NaN], short: [3] },
      { kind: 'absolute', step: 10 },
    );
    expect(Array.from(profile.long)).toEqual([1, 0, 0]);
    expect(Array.from(profile.short)).toEqual([3, 0, 0]);
    expect(profile.grid.low(profile.firstBin)).toBe(50);
  });
});

describe('bin lookup', () => {
  const grid = createPriceGrid({ kind: 'absolute', step: 100 });
  const bins = [5, 6, 9].map((i) => ({
    low: grid.low(i),
    high: grid.high(i),
    longUsd: i,
    shortUsd: 0,
    longByLeverage: [],
    shortByLeverage: [],
    byVenue: [],
    provenance: [],
  }));
  it('finds the bin holding a price, or none in a gap', () => {
    expect(findMapBin(bins, 650)?.longUsd).toBe(6);
    expect(findMapBin(bins, 600)?.longUsd).toBe(6);
    expect(findMapBin(bins, 750)).toBeNull();
    expect(findMapBin([], 1)).toBeNull();
  });
});

describe('time to logical index', () => {
  const times = [0, 60, 120, 300];
  it('interpolates inside, extrapolates outside, crosses gaps at the bar length', () => {
    expect(logicalOfTime(times, 4, 90, 60)).toBe(1.5);
    expect(logicalOfTime(times, 4, 420, 60)).toBe(5);
    expect(logicalOfTime(times, 4, -60, 60)).toBe(-1);
    expect(logicalOfTime(times, 4, 150, 60)).toBe(2.5);
    expect(logicalOfTime(times, 0, 1, 60)).toBeNaN();
  });
});

describe('realized markers', () => {
  it('groups per bar and side, sorts by time and labels the largest', () => {
    const markers = realizedMarkers(
      [
        { timeMs: 61_000, price: 1, side: 'long', usd: 1e6 },
        { timeMs: 65_000, price: 1, side: 'long', usd: 2e6 },
        { timeMs: 10_000, price: 1, side: 'short', usd: 5e5 },
      ],
      60_000,
      { long: 'teal', short: 'orange' },
    );
    expect(markers.map((m) => [m.time, m.position, m.color])).toEqual([
      [0, 'aboveBar', 'orange'],
      [60, 'belowBar', 'teal'],
    ]);
    expect(markers[1]).toMatchObject({ text: '$3M', size: 2.5 });
  });
});

describe('price line specs', () => {
  const colors = {
    entry: 'e',
    breakEven: 'b',
    liquidation: 'l',
    ghost: 'g',
    warning: 'w',
    danger: 'd',
    critical: 'c',
    stop: 's',
  };
  const position = {
    side: 'long',
    entryPrice: 100,
    exchangeLiquidationPrice: 90,
    computedLiquidationPrice: 90.01,
    tickSize: 0.1,
  } as PositionView;
  it('draws entry, break-even, liquidation, ghost and thresholds', () => {
    const specs = priceLineSpecs(
      {
        position,
        closeFeeRate: 0.0005,
        ghostLiquidationPrice: 85,
        thresholdLines: [{ price: 93, level: 'danger', rule: 'distance', title: '5 % away' }],
      },
      colors,
    );
    expect(specs.map((s) => [s.id, s.title])).toEqual([
      ['entry', 'Entry'],
      ['break-even', 'BE'],
      ['liquidation', 'Liq'],
      ['ghost', 'What-if liq'],
      ['threshold-distance-danger', '5 % away'],
    ]);
  });
  it('falls back to the app value, titled so, and hides a ghost on the real line', () => {
    const specs = priceLineSpecs(
      {
        position: { ...position, exchangeLiquidationPrice: null },
        closeFeeRate: null,
        ghostLiquidationPrice: 90.01,
        thresholdLines: [],
      },
      colors,
    );
    expect(specs.map((s) => s.title)).toEqual(['Entry', 'Liq (app)']);
  });
});
