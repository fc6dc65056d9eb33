import { createHistoryStore, type HistoryStore } from './history-store';
import {
  defaultTraderCount,
  venueRulesOf,
  type CrossTraderSpec,
  type SimSymbolSpec,
  type SmallTraderSpec,
} from './instruments';
import { createRandom, deriveSeed } from './prng';
import type { RegimeClock } from './regime-clock';
import { createTraderPopulation, type LeverageWeight, type TraderFlow } from './traders';
import type { SimBar, SimLiquidation, SimTicker, SimTruthLevel } from './types';

/** How strongly each symbol follows the market-wide shock (crypto majors move together). */
const marketCorrelation = 0.8;
/** Share of a taker flow's price impact that stays; the rest fades with `transientHalfLifeS`. */
const permanentImpactShare = 0.6;
const transientHalfLifeS = 90;
/** The mark closes this share of its gap to the last price per second, so it is smoother than last and lags it a little. */
const markFollowPerSecond = 0.5;
/** Weak pull back to the initial price (half-life 5 days) so long runs stay near realistic levels. */
const homePullPerSecond = Math.LN2 / (5 * 86_400);

/** The market-wide inputs of one second. */
export interface SymbolStepInput {
  /** End of the step, epoch ms. */
  readonly timeMs: number;
  /** Length of the step, seconds (1 live; longer while history is generated). */
  readonly dtSeconds: number;
  readonly regime: RegimeClock;
  /** Market-wide standard normal shock. */
  readonly commonShock: number;
  /** Market-wide jump during the step, log-return at volatility scale 1. */
  readonly jump: number;
}

/** One symbol's simulated market: price process, traders, bars, history. */
export interface SymbolSim {
  readonly spec: SimSymbolSpec;
  readonly history: HistoryStore;
  readonly markPrice: number;
  /** The index the mark stands at a premium to (mark / (1 + premium)), quote units. */
  readonly indexPrice: number;
  readonly lastPrice: number;
  readonly openInterest: number;
  /** Advances one step; returns the bar it closed (last and mark), if the step ended a minute. */
  step(
    input: SymbolStepInput,
    onLiquidation: (liquidation: SimLiquidation) => void,
  ): { bar: SimBar; markBar: SimBar } | undefined;
  /** Adds a forced order from outside the trader population (a user's liquidation) to the next second's flow. */
  addForcedOrder(side: 'long' | 'short', size: number): void;
  ticker(timeMs: number, regime: RegimeClock): SimTicker;
  truth(): SimTruthLevel[];
}

/**
 * Creates one symbol's simulation, its traders warm-started at `startMs`, its history ring holding
 * `capacityBars` minutes; `impactScale` multiplies the price impact of orders (0 = no feedback).
 */
export function createSymbolSim(
  spec: SimSymbolSpec,
  seed: number,
  traderCount: number,
  leverageMix: readonly LeverageWeight[],
  startMs: number,
  capacityBars: number,
  impactScale = 1,
): SymbolSim {
  const symbol = spec.instrument.symbol;
  const random = createRandom(deriveSeed(seed, `symbol:${symbol}`));
  const history = createHistoryStore(symbol, capacityBars);
  const traders = createTraderPopulation({
    count: traderCount,
    rules: venueRulesOf(spec.instrument, 'binance-usdm'),
    stepSize: spec.instrument.stepSize,
    medianNotional: spec.medianPositionNotional,
    leverageMix,
  });
  traders.warmStart(spec.initialPrice, startMs, random);
  // Each further crowd draws from its own stream, so the main population's draws stay as they were.
  const crowd = (label: string, extra: SmallTraderSpec | CrossTraderSpec | undefined, firstTrader: number) => {
    if (!extra) return undefined;
    const crowdRandom = createRandom(deriveSeed(seed, `${label}:${symbol}`));
    // Scaled with the main population's count; named after the traders before them.
    const count = Math.round((extra.count * traderCount) / defaultTraderCount);
    const population = createTraderPopulation({
      count,
      rules: venueRulesOf(spec.instrument, 'binance-usdm'),
      stepSize: spec.instrument.stepSize,
      medianNotional: extra.medianPositionNotional,
      leverageMix: extra.leverageMix,
      meanFlatMs: extra.meanFlatMs,
      meanHoldMs: extra.meanHoldMs,
      closesLosers: extra.closesLosers,
      firstTrader,
      ...('otherHoldings' in extra ? { otherHoldings: extra.otherHoldings } : {}),
    });
    population.warmStart(spec.initialPrice, startMs, crowdRandom);
    return { population, random: crowdRandom, count };
  };
  const small = crowd('small', spec.smallTraders, traderCount);
  const cross = crowd('cross', spec.crossTraders, traderCount + (small?.count ?? 0));
  const crowds = [small, cross].filter((item) => item !== undefined);
  const tick = spec.instrument.tickSize;
  const home = Math.log(spec.initialPrice);
  const idiosyncratic = Math.sqrt(1 - marketCorrelation * marketCorrelation);
  const averageTradeSize = spec.backgroundVolumePerSecond / 40;
  let logPrice = home,
    transient = 0,
    anchor = home,
    anchorEpoch = -1;
  let last = Math.round(spec.initialPrice / tick) * tick,
    mark = last;
  let premium = 0.0001,
    premiumAverage = 0.0001;
  let decayDt = Number.NaN,
    transientDecay = 1,
    markFollow = markFollowPerSecond;
  const flow: TraderFlow = { buyVolume: 0, sellVolume: 0, signedNotional: 0, trades: 0 };
  const bar = {
    open: last,
    high: last,
    low: last,
    close: last,
    volume: 0,
    quoteVolume: 0,
    takerBuyVolume: 0,
    takerBuyQuoteVolume: 0,
    trades: 0,
    markOpen: mark,
    markHigh: mark,
    markLow: mark,
    markClose: mark,
    openInterest: 0,
    longShare: 0.5,
  };
  // Reused every second: the step runs millions of times while history is generated, so it allocates nothing.
  const traderInput = { timeMs: 0, dtSeconds: 1, markPrice: mark, lastPrice: last, longShare: 0.5, activity: 1 };
  let liquidationSink: (liquidation: SimLiquidation) => void = () => undefined;
  const reportLiquidation = (side: 'long' | 'short', price: number, size: number): void =>
    liquidationSink({ symbol, timeMs: traderInput.timeMs, side, price, size });
  const longSize = (): number => crowds.reduce((sum, item) => sum + item.population.longSize, traders.longSize);
  const shortSize = (): number => crowds.reduce((sum, item) => sum + item.population.shortSize, traders.shortSize);
  const backgroundOpenInterest = (spec.backgroundOpenInterest * traderCount) / defaultTraderCount;
  const openInterest = (): number => backgroundOpenInterest + longSize() + shortSize();
  const fundingRate = (): number => premiumAverage + Math.min(0.0005, Math.max(-0.0005, 0.0001 - premiumAverage));

  return {
    spec,
    history,
    get markPrice() {
      return mark;
    },
    get indexPrice() {
      return mark / (1 + premium);
    },
    get lastPrice() {
      return last;
    },
    get openInterest() {
      return openInterest();
    },
    step(input, onLiquidation) {
      const params = input.regime.params,
        phase = input.regime.phase;
      if (input.regime.epoch !== anchorEpoch) {
        anchor = logPrice;
        anchorEpoch = input.regime.epoch;
      }
      const dt = input.dtSeconds;
      if (dt !== decayDt) {
        decayDt = dt;
        transientDecay = Math.exp((-Math.LN2 * dt) / transientHalfLifeS);
        markFollow = 1 - (1 - markFollowPerSecond) ** dt;
      }
      // Volatility of this step, log units: scales with √dt.
      const volatility =
        (params.volatilityPerSqrtHour * phase.volatilityScale * spec.volatilityScale * Math.sqrt(dt)) / 60;
      const shock = marketCorrelation * input.commonShock + idiosyncratic * random.normal();
      const move =
        ((params.driftPerHour * dt) / 3600 + input.jump) * spec.volatilityScale +
        volatility * shock -
        ((params.meanReversionPerHour * dt) / 3600) * (logPrice - anchor) -
        homePullPerSecond * dt * (logPrice - home);
      logPrice += move;
      transient *= transientDecay;
      last = Math.max(tick, Math.round(Math.exp(logPrice + transient) / tick) * tick);
      mark += markFollow * (last - mark);

      traderInput.timeMs = input.timeMs;
      traderInput.dtSeconds = dt;
      traderInput.markPrice = mark;
      traderInput.lastPrice = last;
      traderInput.longShare = Math.min(0.95, Math.max(0.05, params.longShare + phase.longBias));
      traderInput.activity = params.activity * phase.activityScale;
      liquidationSink = onLiquidation;
      traders.step(traderInput, random, flow, reportLiquidation);
      for (const item of crowds) item.population.step(traderInput, item.random, flow, reportLiquidation);
      // Price impact of the traders' net taker notional: depthPerPercent moves the price by 1 %.
      const impact = ((impactScale * flow.signedNotional) / spec.depthPerPercent) * 0.01;
      logPrice += permanentImpactShare * impact;
      transient += (1 - permanentImpactShare) * impact;

      // Everyone else's taker flow: busier when price moves, leaning with the move.
      const background =
        spec.backgroundVolumePerSecond *
        dt *
        params.activity *
        (0.4 + 0.8 * Math.min(20, Math.abs(move) / volatility)) *
        (0.5 + random.next());
      const buyShare = 0.5 + 0.3 * Math.tanh(move / (2 * volatility));
      const volume = background + flow.buyVolume + flow.sellVolume;
      const buyVolume = background * buyShare + flow.buyVolume;
      bar.high = Math.max(bar.high, last);
      bar.low = Math.min(bar.low, last);
      bar.close = last;
      bar.markHigh = Math.max(bar.markHigh, mark);
      bar.markLow = Math.min(bar.markLow, mark);
      bar.markClose = mark;
      bar.volume += volume;
      bar.quoteVolume += volume * last;
      bar.takerBuyVolume += buyVolume;
      bar.takerBuyQuoteVolume += buyVolume * last;
      bar.trades += Math.round(background / averageTradeSize) + flow.trades;
      flow.buyVolume = 0;
      flow.sellVolume = 0;
      flow.signedNotional = 0;
      flow.trades = 0;

      // Premium of the perpetual over the index leans with the crowd; funding follows its average (Binance's form: P + clamp(0.01 % − P, ±0.05 %)).
      const longs = longSize(),
        shorts = shortSize();
      const crowd = (longs - shorts) / (longs + shorts + 1e-9);
      premium += ((0.0001 + 0.0008 * crowd - premium) * dt) / 300 + 0.000035 * Math.sqrt(dt) * (random.next() - 0.5);
      premiumAverage += ((premium - premiumAverage) * dt) / 14_400;

      if (input.timeMs % 60_000 !== 0) return undefined;
      bar.openInterest = openInterest();
      bar.longShare = longSize() / (longSize() + shortSize() || 1);
      const openTimeMs = input.timeMs - 60_000;
      history.append(openTimeMs, bar);
      const closed = {
        bar: {
          openTimeMs,
          open: bar.open,
          high: bar.high,
          low: bar.low,
          close: bar.close,
          volume: bar.volume,
          quoteVolume: bar.quoteVolume,
          takerBuyVolume: bar.takerBuyVolume,
          takerBuyQuoteVolume: bar.takerBuyQuoteVolume,
          trades: bar.trades,
        },
        markBar: {
          openTimeMs,
          open: bar.markOpen,
          high: bar.markHigh,
          low: bar.markLow,
          close: bar.markClose,
          volume: 0,
          quoteVolume: 0,
          takerBuyVolume: 0,
          takerBuyQuoteVolume: 0,
          trades: 0,
        },
      };
      Object.assign(bar, {
        open: last,
        high: last,
        low: last,
        close: last,
        volume: 0,
        quoteVolume: 0,
        takerBuyVolume: 0,
        takerBuyQuoteVolume: 0,
        trades: 0,
        markOpen: mark,
        markHigh: mark,
        markLow: mark,
        markClose: mark,
      });
      return closed;
    },
    addForcedOrder(side, size) {
      const sign = side === 'long' ? 1 : -1;
      if (sign > 0) flow.sellVolume += size;
      else flow.buyVolume += size;
      flow.signedNotional -= sign * size * last;
      flow.trades += 1;
    },
    ticker(timeMs, regime) {
      return {
        symbol,
        timeMs,
        markPrice: mark,
        indexPrice: mark / (1 + premium),
        lastPrice: last,
        fundingRate: fundingRate(),
        nextFundingTimeMs: (Math.floor(timeMs / 28_800_000) + 1) * 28_800_000,
        openInterest: openInterest(),
        regime: regime.regime,
      };
    },
    truth: () => [traders, ...crowds.map((item) => item.population)].flatMap((population) => population.truth(symbol)),
  };
}
