import { solveLiquidationPrice } from './liquidation-price';
import { createPriceHeap } from './price-heap';
import type { Random } from './prng';
import { maxNotionalForLeverage } from './tiers';
import type { SimTruthLevel, SimVenueRules } from './types';

/** One entry of the leverage mix: a leverage (x) and its relative weight. */
export interface LeverageWeight {
  readonly leverage: number;
  readonly weight: number;
}

/** The default mix over 3x…100x (a prior; the cluster model calibrates its own). */
export const defaultLeverageMix: readonly LeverageWeight[] = [
  { leverage: 3, weight: 0.06 },
  { leverage: 5, weight: 0.12 },
  { leverage: 10, weight: 0.27 },
  { leverage: 20, weight: 0.2 },
  { leverage: 25, weight: 0.15 },
  { leverage: 50, weight: 0.13 },
  { leverage: 100, weight: 0.07 },
];

/** What the traders did in one step: taker volume (base units) and signed taker notional (quote, + = buying). */
export interface TraderFlow {
  buyVolume: number;
  sellVolume: number;
  signedNotional: number;
  trades: number;
}

/** What shapes one step of trader behaviour. */
export interface TraderStepInput {
  readonly timeMs: number;
  readonly dtSeconds: number;
  readonly markPrice: number;
  readonly lastPrice: number;
  /** Share of new positions that are long, fraction. */
  readonly longShare: number;
  /** Multiplier of the opening rate. */
  readonly activity: number;
}

/** The simulated traders of one symbol. Each holds at most one isolated position at a time. */
export interface TraderPopulation {
  /** Sum of open position sizes, base units (long and short separately). */
  readonly longSize: number;
  readonly shortSize: number;
  /** Gives each trader a position opened before `timeMs` around `price`, as if the market had been running. */
  warmStart(price: number, timeMs: number, random: Random): void;
  /** Liquidates at the mark, then closes and opens positions at the last price; adds their taker flow to `flow`. */
  step(
    input: TraderStepInput,
    random: Random,
    flow: TraderFlow,
    onLiquidation: (side: 'long' | 'short', price: number, size: number) => void,
  ): void;
  /** Every open position with its liquidation price: the ground truth. */
  truth(symbol: string): SimTruthLevel[];
}

/** Population parameters (rates per trader). */
export interface TraderPopulationOptions {
  readonly count: number;
  readonly rules: SimVenueRules;
  readonly stepSize: number;
  readonly medianNotional: number;
  readonly leverageMix: readonly LeverageWeight[];
  /** Mean time a flat trader waits before opening, ms. */
  readonly meanFlatMs?: number;
  /** Mean time a position of up to 10x is held unless liquidated, ms; higher leverage holds shorter (∝ 10/leverage). */
  readonly meanHoldMs?: number;
  /**
   * Whether a position at a loss is closed like any other (default). When false a losing position is
   * held until it is back in profit or liquidated (the disposition effect: Shefrin & Statman 1985,
   * "The disposition to sell winners too early and ride losers too long"), so levels keep
   * approaching the price as it moves against them.
   */
  readonly closesLosers?: boolean;
  /** Index of the first trader in the truth (`trader`), so that two populations of one symbol name different traders. Default 0. */
  readonly firstTrader?: number;
  /** Cross-margin accounts whose margin also carries the PnL of other holdings (none when absent: isolated positions). */
  readonly otherHoldings?: OtherHoldings;
}

/**
 * The other holdings of a cross-margin account: a part that moves with this market (held on the
 * position's side, as a long of this coin is usually long other coins too) and a random walk of
 * its own per account (no drift, independent of the other accounts). Their PnL enters the equity
 * that backs the position, so the account's liquidation price moves, and an account near it is
 * liquidated, while this market's mark stands still: what liquidates real accounts in hours whose
 * price barely moved (electron/cli/scorecard/README.md, "The simulator beside the real sets").
 * Valued at the account's revaluations only (in between, frozen at their last marks, as a venue's
 * liquidation price freezes the other positions). Ignores funding, whose hourly payment is below
 * 0.1 % of a 50x position's margin.
 */
export interface OtherHoldings {
  /** Notional that moves with this market, multiple of the position's notional at entry, on the position's side. */
  readonly withMarket: number;
  /** Standard deviation of the own walk's PnL per √hour, fraction of the position's notional at entry. */
  readonly volatilityPerSqrtHour: number;
  /** Mean time between two revaluations of one account (a compound Poisson walk with the same variance), ms. */
  readonly meanRevalueMs: number;
}

/**
 * Creates a population of `count` traders margined by `rules` (isolated, one-way). A trader's
 * liquidation price comes from the same numeric root search of equity = maintenance margin that
 * prices the user's accounts, so the truth and the user's numbers share one rule.
 */
export function createTraderPopulation(options: TraderPopulationOptions): TraderPopulation {
  const n = options.count;
  const side = new Int8Array(n);
  const size = new Float64Array(n);
  const entry = new Float64Array(n);
  const leverage = new Float64Array(n);
  const liquidation = new Float64Array(n);
  const opened = new Float64Array(n);
  const margin = new Float64Array(n);
  // The mark at an account's last revaluation of its other holdings (cross accounts only).
  const revaluedAt = new Float64Array(options.otherHoldings ? n : 0);
  const version = new Uint32Array(n);
  // Flat and holding traders as swap-remove lists, so a random pick is O(1).
  const flat = new Int32Array(n),
    holding = new Int32Array(n),
    slot = new Int32Array(n);
  let flatCount = n,
    holdingCount = 0;
  for (let i = 0; i < n; i++) {
    flat[i] = i;
    slot[i] = i;
  }
  const longs = createPriceHeap('max'),
    shorts = createPriceHeap('min');
  const totalWeight = options.leverageMix.reduce((sum, item) => sum + item.weight, 0);
  const maxLeverage = Math.max(...options.rules.tiers.map((tier) => tier.maxLeverage));
  const openRate = 1 / ((options.meanFlatMs ?? 4 * 3_600_000) / 1000);
  const closeRate = 1 / ((options.meanHoldMs ?? 8 * 3_600_000) / 1000);
  // Close hazard multiplier by leverage: high-leverage traders cannot sit through the swings low-leverage ones can.
  const holdScale = (lev: number): number => Math.max(1, lev / 10);
  const maxHoldScale = Math.max(
    1,
    ...options.leverageMix.map((item) => holdScale(Math.min(item.leverage, maxLeverage))),
  );
  const decimals = Math.max(0, Math.round(-Math.log10(options.stepSize)));
  const firstTrader = options.firstTrader ?? 0;
  const closesLosers = options.closesLosers ?? true;
  const others = options.otherHoldings;
  const marginMode = others ? 'cross' : 'isolated';
  const revalueRate = others ? 1000 / others.meanRevalueMs : 0;
  // A revaluation's PnL change, fraction of notional: the walk's variance per hour spread over the revaluations in an hour.
  const revalueStd = others ? others.volatilityPerSqrtHour * Math.sqrt(others.meanRevalueMs / 3_600_000) : 0;
  let longSize = 0,
    shortSize = 0;

  const move = (from: Int32Array, fromCount: number, to: Int32Array, toCount: number, trader: number): void => {
    const at = slot[trader] ?? 0;
    const last = from[fromCount - 1] ?? 0;
    from[at] = last;
    slot[last] = at;
    to[toCount] = trader;
    slot[trader] = toCount;
  };
  const drawLeverage = (random: Random): number => {
    let u = random.next() * totalWeight;
    for (const item of options.leverageMix) if ((u -= item.weight) < 0) return Math.min(item.leverage, maxLeverage);
    return Math.min(options.leverageMix[0]?.leverage ?? 10, maxLeverage);
  };
  /** The liquidation price of one position backed by `equity` (isolated, or cross with other holdings), null when none. */
  const liquidationPriceOf = (
    sign: 1 | -1,
    qty: number,
    entryPrice: number,
    equity: number,
    markPrice: number,
  ): number | null =>
    solveLiquidationPrice({
      rules: options.rules,
      marginMode,
      legs: [{ sign, size: qty, entryPrice }],
      fixedEquity: equity,
      fixedRequirement: 0,
      markPrice,
    });
  /** Keeps a trader's liquidation price and files it in its side's heap under the current version. */
  const file = (trader: number, sign: 1 | -1, lp: number | null): void => {
    liquidation[trader] = lp ?? Number.NaN;
    if (lp !== null) (sign > 0 ? longs : shorts).push(trader, version[trader] ?? 0, lp);
  };
  /** Opens a position for flat trader `trader`; false if it would be liquidated at once (it stays flat). */
  const open = (
    trader: number,
    sign: 1 | -1,
    price: number,
    markPrice: number,
    timeMs: number,
    random: Random,
  ): boolean => {
    const lev = drawLeverage(random);
    const notional = Math.min(
      options.medianNotional * Math.exp(1.0 * random.normal()),
      maxNotionalForLeverage(options.rules.tiers, lev),
    );
    const qty = Number(
      Math.max(options.stepSize, Math.round(notional / price / options.stepSize) * options.stepSize).toFixed(decimals),
    );
    // The trader funds notional/leverage; the opening taker fee comes out of it (Binance: isolatedWallet = IM − fee).
    const funded = (qty * price) / lev - qty * price * options.rules.takerFeeRate;
    const lp = liquidationPriceOf(sign, qty, price, funded, markPrice);
    if (lp !== null && sign * (markPrice - lp) <= 0) return false;
    side[trader] = sign;
    size[trader] = qty;
    entry[trader] = price;
    leverage[trader] = lev;
    opened[trader] = timeMs;
    margin[trader] = funded;
    if (revaluedAt.length > 0) revaluedAt[trader] = markPrice;
    file(trader, sign, lp);
    move(flat, flatCount--, holding, holdingCount++, trader);
    if (sign > 0) longSize += qty;
    else shortSize += qty;
    return true;
  };
  const close = (trader: number): void => {
    if ((side[trader] ?? 0) > 0) longSize -= size[trader] ?? 0;
    else shortSize -= size[trader] ?? 0;
    side[trader] = 0;
    version[trader] = ((version[trader] ?? 0) + 1) >>> 0;
    move(holding, holdingCount--, flat, flatCount++, trader);
  };
  const live = (id: number, ver: number): boolean => side[id] !== 0 && version[id] === ver;
  /**
   * Revalues the other holdings of a few accounts (compound Poisson: each at its own random times)
   * and moves their liquidation prices with the equity; a price at or past the mark (the solver
   * gives the mark itself) is liquidated by the step's next pass over the heaps.
   */
  const revalueOtherHoldings = (input: TraderStepInput, random: Random): void => {
    const revalues = random.poisson(holdingCount * revalueRate * input.dtSeconds);
    for (let k = 0; k < revalues && holdingCount > 0; k++) {
      const trader = holding[random.int(holdingCount)] ?? 0;
      const sign = side[trader] === 1 ? 1 : -1;
      const qty = size[trader] ?? 0;
      const entryPrice = entry[trader] ?? 0;
      const withMarket =
        sign * (others?.withMarket ?? 0) * (input.markPrice / (revaluedAt[trader] ?? input.markPrice) - 1);
      const equity = (margin[trader] ?? 0) + qty * entryPrice * (withMarket + revalueStd * random.normal());
      margin[trader] = equity;
      revaluedAt[trader] = input.markPrice;
      // The old heap entry dies with the version; the account is re-filed at its new price.
      version[trader] = ((version[trader] ?? 0) + 1) >>> 0;
      file(trader, sign, liquidationPriceOf(sign, qty, entryPrice, equity, input.markPrice));
    }
  };
  const liquidateSide = (
    heap: ReturnType<typeof createPriceHeap>,
    sign: 1 | -1,
    input: TraderStepInput,
    flow: TraderFlow,
    onLiquidation: (side: 'long' | 'short', price: number, size: number) => void,
  ): void => {
    for (;;) {
      const id = heap.topId();
      if (id === undefined || sign * (input.markPrice - heap.topPrice()) > 0) return;
      const ver = heap.topVersion();
      heap.pop();
      if (!live(id, ver)) continue;
      const qty = size[id] ?? 0;
      // The forced order is a market order against the position: a long is sold.
      if (sign > 0) flow.sellVolume += qty;
      else flow.buyVolume += qty;
      flow.signedNotional -= sign * qty * input.lastPrice;
      flow.trades += 1;
      onLiquidation(sign > 0 ? 'long' : 'short', input.lastPrice, qty);
      close(id);
    }
  };

  return {
    get longSize() {
      return longSize;
    },
    get shortSize() {
      return shortSize;
    },
    warmStart(price, timeMs, random) {
      for (let i = 0; i < n; i++) {
        if (random.next() > 0.65) continue;
        const sign: 1 | -1 = random.next() < 0.5 ? 1 : -1;
        open(
          i,
          sign,
          price * Math.exp(0.02 * random.normal()),
          price,
          timeMs - random.exponential(options.meanHoldMs ?? 8 * 3_600_000),
          random,
        );
      }
    },
    step(input, random, flow, onLiquidation) {
      if (others) revalueOtherHoldings(input, random);
      liquidateSide(longs, 1, input, flow, onLiquidation);
      liquidateSide(shorts, -1, input, flow, onLiquidation);
      // Thinning: draw candidates at the highest hazard, keep each with its own hazard's share.
      const candidates = random.poisson(holdingCount * closeRate * maxHoldScale * input.dtSeconds);
      for (let k = 0; k < candidates && holdingCount > 0; k++) {
        const trader = holding[random.int(holdingCount)] ?? 0;
        if (random.next() * maxHoldScale >= holdScale(leverage[trader] ?? 1)) continue;
        if (!closesLosers && (side[trader] ?? 0) * (input.lastPrice - (entry[trader] ?? 0)) < 0) continue;
        const qty = size[trader] ?? 0;
        if ((side[trader] ?? 0) > 0) flow.sellVolume += qty;
        else flow.buyVolume += qty;
        flow.signedNotional -= (side[trader] ?? 0) * qty * input.lastPrice;
        flow.trades += 1;
        close(trader);
      }
      const opens = Math.min(flatCount, random.poisson(flatCount * openRate * input.activity * input.dtSeconds));
      for (let k = 0; k < opens; k++) {
        const trader = flat[random.int(flatCount)] ?? 0;
        const sign: 1 | -1 = random.next() < input.longShare ? 1 : -1;
        if (!open(trader, sign, input.lastPrice, input.markPrice, input.timeMs, random)) continue;
        const qty = size[trader] ?? 0;
        if (sign > 0) flow.buyVolume += qty;
        else flow.sellVolume += qty;
        flow.signedNotional += sign * qty * input.lastPrice;
        flow.trades += 1;
      }
      if (longs.size + shorts.size > 4 * n + 1024) {
        longs.compact(live);
        shorts.compact(live);
      }
    },
    truth(symbol) {
      const levels: SimTruthLevel[] = [];
      for (let k = 0; k < holdingCount; k++) {
        const i = holding[k] ?? 0;
        const lp = liquidation[i] ?? Number.NaN;
        if (Number.isNaN(lp)) continue;
        levels.push({
          symbol,
          side: (side[i] ?? 0) > 0 ? 'long' : 'short',
          liquidationPrice: lp,
          size: size[i] ?? 0,
          leverage: leverage[i] ?? 0,
          openedAtMs: opened[i] ?? 0,
          entryPrice: entry[i] ?? 0,
          isolatedMargin: margin[i] ?? 0,
          trader: firstTrader + i,
        });
      }
      return levels;
    },
  };
}
