import { describe, expect, it } from 'vitest';
import { defaultSymbols, venueRulesOf, type SimSymbolSpec } from './instruments';
import { createSimMarket } from './market';
import { createRandom } from './prng';
import { createTraderPopulation, defaultLeverageMix, type TraderFlow } from './traders';
import type { SimTier, SimTruthLevel } from './types';

const btc = defaultSymbols()[0]!.instrument;
/** The default BTCUSDT without its cross-margin crowd: the main traders alone. */
function mainTradersOnly(): SimSymbolSpec {
  const { crossTraders: _crossTraders, ...spec } = defaultSymbols()[0]!;
  return spec;
}

// Binance's rule written out again here, so the check does not reuse the code it checks:
// MM = N·mmr − cum with the bracket of N = size·price.
function binanceMaintenance(tiers: readonly SimTier[], size: number, price: number): number {
  const notional = size * price;
  const tier = tiers.find((t) => notional < t.notionalCap) ?? tiers[tiers.length - 1]!;
  return notional * tier.maintenanceMarginRate - tier.maintenanceAmount;
}

describe('trader population', () => {
  it('raises open interest and taker volume as traders open, and lowers it by exactly what is liquidated', () => {
    const population = createTraderPopulation({
      count: 300,
      rules: venueRulesOf(btc, 'binance-usdm'),
      stepSize: btc.stepSize,
      medianNotional: 100_000,
      leverageMix: defaultLeverageMix,
      meanHoldMs: 1e15,
    });
    const random = createRandom(5);
    const flow: TraderFlow = { buyVolume: 0, sellVolume: 0, signedNotional: 0, trades: 0 };
    const liquidated: number[] = [];
    const input = { timeMs: 0, dtSeconds: 1, markPrice: 60_000, lastPrice: 60_000, longShare: 0.5, activity: 30 };
    for (let i = 0; i < 60; i++) population.step({ ...input, timeMs: i * 1000 }, random, flow, () => undefined);
    expect(population.longSize).toBeGreaterThan(0);
    expect(population.shortSize).toBeGreaterThan(0);
    expect(flow.buyVolume).toBeCloseTo(population.longSize, 6);
    expect(flow.sellVolume).toBeCloseTo(population.shortSize, 6);

    const longsBefore = population.longSize,
      shortsBefore = population.shortSize;
    const crash: TraderFlow = { buyVolume: 0, sellVolume: 0, signedNotional: 0, trades: 0 };
    population.step(
      { ...input, timeMs: 61_000, markPrice: 30_000, lastPrice: 30_000, activity: 0 },
      random,
      crash,
      (side, _price, size) => {
        expect(side).toBe('long');
        liquidated.push(size);
      },
    );
    expect(liquidated.reduce((a, b) => a + b, 0)).toBeCloseTo(longsBefore, 6);
    expect(population.longSize).toBeCloseTo(0, 9);
    expect(population.shortSize).toBeCloseTo(shortsBefore, 9);
    expect(crash.sellVolume).toBeCloseTo(longsBefore, 6);
  });

  it('holds losing positions until they recover or are liquidated when told to, and still closes winners', () => {
    const population = createTraderPopulation({
      count: 400,
      rules: venueRulesOf(btc, 'binance-usdm'),
      stepSize: btc.stepSize,
      medianNotional: 5_000,
      leverageMix: [{ leverage: 5, weight: 1 }],
      meanHoldMs: 600_000,
      closesLosers: false,
    });
    const random = createRandom(9);
    const flow: TraderFlow = { buyVolume: 0, sellVolume: 0, signedNotional: 0, trades: 0 };
    const input = { timeMs: 0, dtSeconds: 1, markPrice: 60_000, lastPrice: 60_000, longShare: 0.5, activity: 30 };
    for (let i = 0; i < 30; i++) population.step({ ...input, timeMs: i * 1000 }, random, flow, () => undefined);
    const longs = population.longSize,
      shorts = population.shortSize;
    expect(longs).toBeGreaterThan(0);
    // 1 % lower for an hour (six mean holds), nobody opening, nobody liquidated at 5x: the longs
    // are at a loss and all stay; the shorts are in profit and close.
    const lower = { ...input, markPrice: 59_400, lastPrice: 59_400, activity: 0 };
    for (let i = 0; i < 3600; i++)
      population.step({ ...lower, timeMs: (30 + i) * 1000 }, random, flow, () => expect.fail('no liquidation'));
    expect(population.longSize).toBeCloseTo(longs, 9);
    expect(population.shortSize).toBeLessThan(shorts * 0.05);
  });
});

describe('small traders beside the main population', () => {
  const base = mainTradersOnly();
  const small = {
    count: 600,
    medianPositionNotional: 2_000,
    leverageMix: [{ leverage: 50, weight: 1 }],
    meanFlatMs: 3_600_000,
    meanHoldMs: 4 * 3_600_000,
    closesLosers: true,
  };
  const market = createSimMarket({
    seed: 4,
    scenario: 'calm',
    historyDays: 0.1,
    traderCount: 300,
    accounts: [],
    symbols: [{ ...base, smallTraders: small }],
  });

  it('names them after the main traders, scaled with the trader count, and counts them in open interest', () => {
    const levels = market.truth('BTCUSDT');
    const smallOnes = levels.filter((level) => (level.trader ?? 0) >= 300);
    const main = levels.filter((level) => (level.trader ?? 0) < 300);
    expect(main.length).toBeGreaterThan(0);
    expect(smallOnes.length).toBeGreaterThan(0);
    // 600 at the default 1,500 traders: 120 at 300.
    expect(Math.max(...smallOnes.map((level) => level.trader ?? 0))).toBeLessThan(300 + 120);
    expect(smallOnes.every((level) => level.leverage === 50)).toBe(true);
    const total = levels.reduce((sum, level) => sum + level.size, 0);
    // The open interest outside the traders is given at 1,500 traders: a fifth of it at 300.
    expect(market.ticker('BTCUSDT').openInterest - base.backgroundOpenInterest / 5).toBeCloseTo(total, 6);
  });
});

describe('cross-margin accounts with other holdings', () => {
  const rules = venueRulesOf(btc, 'binance-usdm');
  const input = { timeMs: 0, dtSeconds: 1, markPrice: 60_000, lastPrice: 60_000, longShare: 0.5, activity: 0 };
  // 300 accounts at 50x opened at 60,000 and held (no closes), with or without other holdings.
  const opened = (otherHoldings?: { withMarket: number; volatilityPerSqrtHour: number; meanRevalueMs: number }) => {
    const population = createTraderPopulation({
      count: 300,
      rules,
      stepSize: btc.stepSize,
      medianNotional: 5_000,
      leverageMix: [{ leverage: 50, weight: 1 }],
      meanFlatMs: 1_000,
      meanHoldMs: 1e15,
      ...(otherHoldings ? { otherHoldings } : {}),
    });
    const random = createRandom(12);
    const flow: TraderFlow = { buyVolume: 0, sellVolume: 0, signedNotional: 0, trades: 0 };
    for (let i = 0; i < 20; i++)
      population.step({ ...input, activity: 1, timeMs: i * 1000 }, random, flow, () => undefined);
    return { population, random, flow };
  };
  const hold = (
    { population, random, flow }: ReturnType<typeof opened>,
    seconds: number,
    markPrice = 60_000,
  ): number[] => {
    const prices: number[] = [];
    for (let i = 0; i < seconds; i++)
      population.step(
        { ...input, markPrice, lastPrice: markPrice, timeMs: (20 + i) * 1000 },
        random,
        flow,
        (_s, price) => prices.push(price),
      );
    return prices;
  };

  it('liquidates accounts whose other holdings lose while the mark stands still, and the truth shows the prices moved', () => {
    const still = opened();
    expect(still.population.truth('BTCUSDT').length).toBeGreaterThan(250);
    expect(hold(still, 3600)).toEqual([]);

    const crowd = opened({ withMarket: 0, volatilityPerSqrtHour: 0.05, meanRevalueMs: 60_000 });
    const before = new Map(crowd.population.truth('BTCUSDT').map((level) => [level.trader, level]));
    const prices = hold(crowd, 3600);
    expect(prices.length).toBeGreaterThan(20);
    expect(prices.every((price) => price === 60_000)).toBe(true);
    const after = crowd.population.truth('BTCUSDT');
    expect(after.length).toBe(before.size - prices.length);
    let moved = 0;
    for (const level of after) {
      const sign = level.side === 'long' ? 1 : -1;
      const was = before.get(level.trader);
      if (was && Math.abs(was.liquidationPrice - level.liquidationPrice) > 1) moved++;
      // The price read now: equity (margin with the other holdings' PnL) = maintenance there, on the safe side of the mark.
      const equity =
        (level.isolatedMargin ?? Number.NaN) + sign * level.size * (level.liquidationPrice - (level.entryPrice ?? 0));
      const maintenance = binanceMaintenance(btc.tiers, level.size, level.liquidationPrice);
      expect(Math.abs(equity - maintenance)).toBeLessThan(1e-7 * level.size * level.liquidationPrice);
      expect(sign * (60_000 - level.liquidationPrice)).toBeGreaterThan(0);
    }
    expect(moved).toBeGreaterThan(after.length * 0.9);
  });

  it('counts the holdings that move with the market: a 1 % fall liquidates 50x longs holding five times as much before their own price', () => {
    const alone = opened({ withMarket: 0, volatilityPerSqrtHour: 0, meanRevalueMs: 60_000 });
    const longs = alone.population.truth('BTCUSDT').filter((level) => level.side === 'long');
    // On their own the longs sit about 1.5 % below the entry: 59,400 reaches none.
    expect(Math.max(...longs.map((level) => level.liquidationPrice))).toBeLessThan(59_400);
    expect(hold(alone, 1800, 59_400)).toEqual([]);

    const exposed = opened({ withMarket: 5, volatilityPerSqrtHour: 0, meanRevalueMs: 60_000 });
    const exposedLongs = exposed.population.truth('BTCUSDT').filter((level) => level.side === 'long').length;
    expect(exposedLongs).toBe(longs.length);
    expect(hold(exposed, 1800, 59_400).length).toBe(exposedLongs);
    expect(exposed.population.longSize).toBeCloseTo(0, 9);
  });
});

describe('cross-margin accounts in a market', () => {
  it('draw from their own stream: with the price fixed, the main traders are the same with or without them', () => {
    const base = mainTradersOnly();
    const options = {
      seed: 6,
      scenario: 'calm',
      historyDays: 0.2,
      traderCount: 300,
      accounts: [],
      impactScale: 0,
    } as const;
    const without = createSimMarket({ ...options, symbols: [base] }).truth('BTCUSDT');
    const withCross = createSimMarket({ ...options, symbols: [defaultSymbols()[0]!] }).truth('BTCUSDT');
    expect(withCross.filter((level) => (level.trader ?? 0) < 300)).toEqual(without);
    const accounts = withCross.filter((level) => (level.trader ?? 0) >= 300);
    expect(accounts.length).toBeGreaterThan(0);
    // 200 at the default 1,500 traders: 40 at 300.
    expect(Math.max(...accounts.map((level) => level.trader ?? 0))).toBeLessThan(340);
  });
});

describe('truth', () => {
  const market = createSimMarket({ seed: 8, scenario: 'chop', historyDays: 1, accounts: [] });
  market.advance(2 * 3_600_000);

  it('gives every open position a liquidation price on the losing side of entry where equity = maintenance', () => {
    for (const instrument of market.instruments) {
      const levels: SimTruthLevel[] = [...market.truth(instrument.symbol)];
      expect(levels.length).toBeGreaterThan(500);
      const mark = market.ticker(instrument.symbol).markPrice;
      for (const level of levels) {
        const entry = level.entryPrice ?? Number.NaN,
          margin = level.isolatedMargin ?? Number.NaN;
        const sign = level.side === 'long' ? 1 : -1;
        expect(sign * (entry - level.liquidationPrice)).toBeGreaterThan(0);
        expect(sign * (mark - level.liquidationPrice)).toBeGreaterThan(0);
        const equity = margin + sign * level.size * (level.liquidationPrice - entry);
        const maintenance = binanceMaintenance(instrument.tiers, level.size, level.liquidationPrice);
        expect(Math.abs(equity - maintenance)).toBeLessThan(1e-7 * level.size * level.liquidationPrice);
      }
    }
  });

  it('accounts for the whole of the traders’ open interest', () => {
    const spec = defaultSymbols()[1]!;
    const total = market.truth('ETHUSDT').reduce((sum, level) => sum + level.size, 0);
    expect(market.ticker('ETHUSDT').openInterest - spec.backgroundOpenInterest).toBeCloseTo(total, 6);
  });

  it('open interest falls in the minutes where liquidations cluster', () => {
    const crash = createSimMarket({ seed: 2, scenario: 'long-squeeze-crash', historyDays: 1, accounts: [] });
    crash.advance(crash.scenarioDurationMs);
    const oi = crash.openInterestHistory('BTCUSDT', crash.startTimeMs, Infinity);
    const liquidations = crash.liquidations('BTCUSDT', crash.startTimeMs, Infinity);
    let clusteredDelta = 0,
      clusteredMinutes = 0;
    for (let i = 1; i < oi.length; i++) {
      const end = oi[i]!.timeMs;
      const inMinute = liquidations.filter((l) => l.timeMs > end - 60_000 && l.timeMs <= end);
      if (inMinute.length < 10) continue;
      clusteredMinutes++;
      clusteredDelta += oi[i]!.openInterest - oi[i - 1]!.openInterest;
    }
    expect(clusteredMinutes).toBeGreaterThan(3);
    expect(clusteredDelta).toBeLessThan(0);
  });
});
