import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import { createFloat32Slab, takeSnapshot } from './heatmap';
import { createRatioTable, type RatioTable } from './liquidation-ratio';
import type { HeatmapSnapshot, LedgerView } from './ledger-view';
import { defaultLedgerParams, type LedgerParams } from './params';
import { createPriceGrid } from './price-grid';
import { createProfileScratch } from './profile';
import { createSideBook, type SideBook } from './side-book';
import type { LedgerBar, VenueMarket } from './types';

/** One consumed cell: levels the mark traded through (for calibration and validation). */
export interface ConsumeEvent {
  readonly venue: Venue;
  readonly side: Side;
  readonly leverage: number;
  /** Grid bin of the levels. */
  readonly bin: number;
  readonly usd: number;
  /** Open time of the bar that consumed them, Unix ms. */
  readonly timeMs: number;
}

/** Options of `createLedger`. */
export interface LedgerOptions {
  /** One entry per venue the ledger holds (the same symbol on each). */
  readonly markets: readonly VenueMarket[];
  /** Defaults to `defaultLedgerParams`. */
  readonly params?: LedgerParams;
  /** Hears every consumed cell. */
  readonly onConsume?: (event: ConsumeEvent) => void;
}

/** The OI-delta position ledger of one symbol across venues: a `LedgerView` that takes bars. */
export interface Ledger extends LedgerView {
  /**
   * Applies one closed bar of `venue` (bars of one venue in time order; venues interleaved by time).
   * A bar with a non-positive or non-finite price is ignored. Deterministic.
   */
  update(venue: Venue, bar: LedgerBar): void;
}

interface VenueState {
  readonly books: readonly [SideBook, SideBook];
  readonly ratios: RatioTable;
  lastOiUsd: number | null;
  samples: number;
  /** Close time of the previous OI sample, ms (turnover runs on the time between samples). */
  lastSampleMs: number;
  // Since the previous OI sample: taker flow, the mark's range, typical prices, what was consumed.
  buyUsd: number;
  sellUsd: number;
  low: number;
  high: number;
  typicalSum: number;
  bars: number;
  consumedUsd: number;
}

// Entry points over the window's range: low, typical price, high, with triangular weights.
const entryWeights = [0.25, 0.5, 0.25] as const;

/**
 * Creates an empty ledger (docs/research/liquidation-maps.md §5.1: A's OI-delta structure, B's taker-flow
 * split, the venues' exact tiered liquidation formulas). Per bar: (1) levels the mark traded through
 * are consumed; (2) everything decays by 2^(−Δt / half-life); (3) at each OI sample, a rise becomes
 * new positions split long/short by the taker buy share, spread over the leverage mix and over the
 * window's range; a fall trims the side taker flow says is closing (selling closes longs), pro rata.
 * The USD consumed since the previous sample is added back to the OI change (`liquidationOiOffset`),
 * because forced closes lower OI without being voluntary closes.
 */
export function createLedger(options: LedgerOptions): Ledger {
  const params = options.params ?? defaultLedgerParams;
  const grid = createPriceGrid(params.binSize);
  const mix = params.leverageMix.filter((item) => item.weight > 0);
  const leverages = mix.map((item) => item.leverage);
  const totalWeight = mix.reduce((sum, item) => sum + item.weight, 0);
  const weights = mix.map((item) => item.weight / totalWeight);
  const assumptions = { notionalUsd: params.positionNotionalUsd, openingFeeFromMargin: params.openingFeeFromMargin };
  const states = new Map<Venue, VenueState>();
  for (const market of options.markets) {
    states.set(market.venue, {
      books: [createSideBook(1, leverages.length), createSideBook(-1, leverages.length)],
      ratios: createRatioTable(market, leverages, assumptions),
      lastOiUsd: null,
      samples: 0,
      lastSampleMs: Number.NaN,
      buyUsd: 0,
      sellUsd: 0,
      low: Infinity,
      high: -Infinity,
      typicalSum: 0,
      bars: 0,
      consumedUsd: 0,
    });
  }
  const snapshots: HeatmapSnapshot[] = [];
  // Each snapshot is copied to float32 at once, so one set of arrays serves every build.
  const snapshotScratch = createProfileScratch(),
    snapshotSlab = createFloat32Slab();
  let originMs = Number.NaN,
    timeMs = Number.NaN,
    price = Number.NaN,
    snapshotPeriod = Number.NaN;
  // Bars and OI samples come at one cadence: the decay of the last bar length and the churn share of
  // the last sample interval are kept rather than recomputed.
  let decayDurationMs = Number.NaN,
    decay = 1,
    turnoverDays = Number.NaN,
    turnoverShare = 0;

  // The window's entry prices, their logs and tiers, reused by every `create` (no allocation per bar).
  const entryPrices = new Float64Array(3),
    entryLogs = new Float64Array(3),
    entryTiers = new Int32Array(3);
  const create = (state: VenueState, longUsd: number, shortUsd: number, birthMinute: number): void => {
    const typical = state.typicalSum / state.bars;
    const ratios = state.ratios;
    const count = state.high > state.low ? 3 : 1;
    if (count === 3) {
      entryPrices[0] = state.low;
      entryPrices[1] = typical;
      entryPrices[2] = state.high;
    } else entryPrices[0] = typical;
    for (let e = 0; e < count; e++) {
      const entry = entryPrices[e] ?? typical;
      entryLogs[e] = Math.log(entry);
      entryTiers[e] = ratios.tierOf(entry);
    }
    for (let s = 0; s < 2; s++) {
      const sideUsd = s === 0 ? longUsd : shortUsd;
      const book = state.books[s];
      if (!(sideUsd > 0) || book === undefined) continue;
      for (let k = 0; k < leverages.length; k++) {
        const levUsd = sideUsd * (weights[k] ?? 0);
        for (let e = 0; e < count; e++) {
          const entry = entryPrices[e] ?? typical;
          const slot = ratios.slot(entryTiers[e] ?? 0, s, k, entry);
          const ratio = ratios.ratios[slot] ?? Number.NaN;
          if (!(ratio > 0)) continue;
          const bin = grid.binOfProduct(entry, entryLogs[e] ?? 0, ratio, ratios.logRatios[slot] ?? Number.NaN);
          book.add(k, bin, count === 1 ? levUsd : levUsd * (entryWeights[e] ?? 0), birthMinute);
        }
      }
    }
  };
  const trimSide = (book: SideBook, closingUsd: number): void => {
    const total = book.total();
    if (total > 0) book.multiply(1 - Math.min(1, closingUsd / total));
  };
  const trim = (state: VenueState, usd: number, buyShare: number): void => {
    // Selling closes longs, buying closes shorts (docs/research/liquidation-maps.md §5.1 step 5).
    trimSide(state.books[0], usd * (1 - buyShare));
    trimSide(state.books[1], usd * buyShare);
  };
  // Positions close and reopen without changing OI (churn): each side gives up the share
  // 1 − e^(−turnover · Δt) of its levels, pro rata, and that USD reopens at the window's prices on the
  // same side, so levels the price traded through come back at the leverage distances from it.
  const churnShare = (state: VenueState, closeMs: number): number => {
    const elapsedDays = (closeMs - state.lastSampleMs) / 86_400_000;
    if (!(params.turnoverPerDay > 0) || !(elapsedDays > 0)) return 0;
    if (elapsedDays !== turnoverDays) {
      turnoverDays = elapsedDays;
      turnoverShare = 1 - Math.exp(-params.turnoverPerDay * elapsedDays);
    }
    return turnoverShare;
  };
  const applyOpenInterest = (state: VenueState, oiUsd: number, closeMs: number): void => {
    if (state.lastOiUsd !== null) {
      const change = oiUsd - state.lastOiUsd + params.liquidationOiOffset * state.consumedUsd;
      const flow = state.buyUsd + state.sellUsd;
      const buyShare = flow > 0 ? state.buyUsd / flow : 0.5;
      if (change < 0) trim(state, -change, buyShare);
      // New positions and the churn of the held ones open in the same window: one pass of `create`. Opening
      // the new USD first and then churning everything gives the same books (the new USD's churned share
      // reopens where it opened), so the churn is taken from what was held before the new USD.
      const [longs, shorts] = state.books;
      const share = churnShare(state, closeMs);
      const churnLongUsd = longs.total() * share,
        churnShortUsd = shorts.total() * share;
      if (churnLongUsd + churnShortUsd > 0) {
        longs.multiply(1 - share);
        shorts.multiply(1 - share);
      }
      const opened = Math.max(0, change);
      if (opened + churnLongUsd + churnShortUsd > 0)
        create(
          state,
          opened * buyShare + churnLongUsd,
          opened * (1 - buyShare) + churnShortUsd,
          (closeMs - originMs) / 60_000,
        );
    }
    state.lastOiUsd = oiUsd;
    state.samples += 1;
    state.lastSampleMs = closeMs;
    state.buyUsd = 0;
    state.sellUsd = 0;
    state.low = Infinity;
    state.high = -Infinity;
    state.typicalSum = 0;
    state.bars = 0;
    state.consumedUsd = 0;
  };

  const view: Ledger = {
    params,
    grid,
    leverages,
    venues: options.markets.map((market) => market.venue),
    get originMs() {
      return originMs;
    },
    get timeMs() {
      return timeMs;
    },
    get price() {
      return price;
    },
    openInterestUsd: (venue) => states.get(venue)?.lastOiUsd ?? 0,
    openInterestSamples: (venue) => states.get(venue)?.samples ?? 0,
    book: (venue, side) => states.get(venue)?.books[side === 'long' ? 0 : 1],
    snapshots: () => snapshots,
    update(venue, bar) {
      const state = states.get(venue);
      if (
        state === undefined ||
        !(bar.markLow > 0) ||
        !(bar.markHigh >= bar.markLow) ||
        !(bar.markClose > 0) ||
        !Number.isFinite(bar.markHigh)
      )
        return;
      if (Number.isNaN(originMs)) originMs = bar.timeMs;
      // A snapshot at each cadence boundary, before the first bar past it: every venue is then complete.
      const period = Math.floor(bar.timeMs / params.snapshotEveryMs);
      if (!Number.isNaN(price) && period !== snapshotPeriod) {
        snapshots.push(takeSnapshot(view, period * params.snapshotEveryMs, snapshotScratch, snapshotSlab));
        if (snapshots.length > params.maxSnapshots) snapshots.shift();
      }
      snapshotPeriod = period;
      const sink = options.onConsume;
      const [longs, shorts] = state.books;
      // Long bin i is taken once the low reaches consumeDepth into it from above: position(low) <= i + 1 − depth.
      state.consumedUsd += longs.consume(
        Math.ceil(grid.position(bar.markLow) - 1 + params.consumeDepth),
        sink &&
          ((k, bin, usd) => sink({ venue, side: 'long', leverage: leverages[k] ?? 0, bin, usd, timeMs: bar.timeMs })),
      );
      state.consumedUsd += shorts.consume(
        Math.floor(grid.position(bar.markHigh) - params.consumeDepth),
        sink &&
          ((k, bin, usd) => sink({ venue, side: 'short', leverage: leverages[k] ?? 0, bin, usd, timeMs: bar.timeMs })),
      );
      if (bar.durationMs !== decayDurationMs) {
        decayDurationMs = bar.durationMs;
        decay = 2 ** (-bar.durationMs / params.halfLifeMs);
      }
      longs.multiply(decay);
      shorts.multiply(decay);
      state.buyUsd += Math.max(0, bar.takerBuyUsd);
      state.sellUsd += Math.max(0, bar.takerSellUsd);
      state.low = Math.min(state.low, bar.markLow);
      state.high = Math.max(state.high, bar.markHigh);
      state.typicalSum += (bar.markHigh + bar.markLow + bar.markClose) / 3;
      state.bars += 1;
      const closeMs = bar.timeMs + bar.durationMs;
      if (bar.openInterestUsd !== null && Number.isFinite(bar.openInterestUsd))
        applyOpenInterest(state, bar.openInterestUsd, closeMs);
      timeMs = Number.isNaN(timeMs) ? closeMs : Math.max(timeMs, closeMs);
      price = bar.markClose;
    },
  };
  return view;
}
