import {
  adjustPosition,
  changeAccountMode,
  closeUserPosition,
  liquidateUnderwater,
  openAccount,
  snapshotAccount,
  type AccountBook,
  type AccountMarket,
  type SimAccountSpec,
} from './account';
import { demoAccountSpecs } from './demo-accounts';
import { defaultSymbols, defaultTraderCount, type SimSymbolSpec } from './instruments';
import { createMarketEmitter } from './market-events';
import { createRandom, deriveSeed } from './prng';
import { createRegimeClock } from './regime-clock';
import { scenarioDurationMs } from './scenarios';
import { createSymbolSim, type SymbolSim } from './symbol-sim';
import { defaultLeverageMix, type LeverageWeight } from './traders';
import type { SimAccount, SimLiquidation, SimMarketModel, SimScenarioName } from './types';

/** Options of `createSimMarket`. */
export interface SimMarketOptions {
  readonly seed: number;
  readonly scenario: SimScenarioName;
  /** When the scenario starts and the history ends, epoch ms (floored to the second). Default 2026-01-05T00:00Z. */
  readonly startTimeMs?: number;
  /** Default: BTCUSDT (~60,000) and ETHUSDT (~3,000), see `defaultSymbols`. */
  readonly symbols?: readonly SimSymbolSpec[];
  /** Weights over the traders' leverages. Default `defaultLeverageMix` (3x…100x). */
  readonly leverageMix?: readonly LeverageWeight[];
  /** Simulated traders per symbol. Default 1500. */
  readonly traderCount?: number;
  /** Days of one-minute history simulated before `startTimeMs`. Default 3. */
  readonly historyDays?: number;
  /** The user's accounts. Default: the Demo accounts (`demoAccountSpecs`). */
  readonly accounts?: readonly SimAccountSpec[];
  /** Scales the price impact of forced and trader orders; 0 switches the feedback off (for comparison). Default 1. */
  readonly impactScale?: number;
  /** Minutes of bars kept beyond the history, per symbol (memory bound). Default 30 days. */
  readonly retentionMinutes?: number;
}

const secondMs = 1000;
/**
 * History is generated with 5-second steps (the same model, rates scaled by dt): no ticker is
 * emitted there and it makes 30 days of two symbols several times faster. Live steps are 1 s.
 */
const historyStepMs = 5000;
const dayMs = 86_400_000;

/**
 * Creates a deterministic simulated market: simulates `historyDays` of one-minute history before
 * `startTimeMs` (no events), then opens the user accounts at the marks of that moment. Everything
 * after is driven by `advance`. Throws with a one-line reason on invalid options.
 */
export function createSimMarket(options: SimMarketOptions): SimMarketModel {
  const startTimeMs = Math.floor((options.startTimeMs ?? Date.UTC(2026, 0, 5)) / secondMs) * secondMs;
  const historyDays = options.historyDays ?? 3;
  const traderCount = options.traderCount ?? defaultTraderCount;
  if (!(historyDays >= 0) || !Number.isInteger(traderCount) || traderCount < 0)
    throw new Error('historyDays must be >= 0 and traderCount a non-negative integer');
  const leverageMix = options.leverageMix ?? defaultLeverageMix;
  if (
    leverageMix.some((item) => !(item.leverage >= 1) || !(item.weight >= 0)) ||
    !leverageMix.some((item) => item.weight > 0)
  ) {
    throw new Error('leverageMix needs leverages >= 1 and non-negative weights, at least one positive');
  }
  const specs = options.symbols ?? defaultSymbols();
  if (specs.length === 0) throw new Error('The simulated market needs at least one symbol');
  // History starts on a minute boundary so every bar is a whole minute.
  const historyStartMs = Math.floor((startTimeMs - historyDays * dayMs) / 60_000) * 60_000;
  const capacityBars = Math.ceil((startTimeMs - historyStartMs) / 60_000) + (options.retentionMinutes ?? 30 * 1440);
  const marketRandom = createRandom(deriveSeed(options.seed, 'market'));
  const regime = createRegimeClock(options.scenario, startTimeMs, marketRandom);
  const symbols = new Map<string, SymbolSim>();
  for (const spec of specs) {
    symbols.set(
      spec.instrument.symbol,
      createSymbolSim(
        spec,
        options.seed,
        traderCount,
        leverageMix,
        historyStartMs,
        capacityBars,
        options.impactScale ?? 1,
      ),
    );
  }
  const sim = (symbol: string): SymbolSim => {
    const found = symbols.get(symbol);
    if (!found) throw new Error(`Unknown simulated symbol ${symbol}`);
    return found;
  };
  const emitter = createMarketEmitter();
  const accountMarket: AccountMarket = {
    instrument: (symbol) => sim(symbol).spec.instrument,
    mark: (symbol) => sim(symbol).markPrice,
    index: (symbol) => sim(symbol).indexPrice,
    last: (symbol) => sim(symbol).lastPrice,
  };
  let books: AccountBook[] = [];
  // Account snapshots (root searches included) are built on demand and dropped whenever state changes.
  let snapshots: SimAccount[] | undefined;
  let emitting = false;
  let steppedMs = historyStartMs;
  let nowMs = historyStartMs;

  const record = (liquidation: SimLiquidation): void => {
    sim(liquidation.symbol).history.addLiquidation(liquidation);
    if (emitting) emitter.emit('liquidation', liquidation);
  };
  const input = { timeMs: 0, dtSeconds: 1, regime, commonShock: 0, jump: 0 };
  const step = (timeMs: number, dtSeconds = 1): void => {
    steppedMs = timeMs;
    snapshots = undefined;
    regime.update(timeMs);
    const params = regime.params,
      phase = regime.phase;
    input.timeMs = timeMs;
    input.dtSeconds = dtSeconds;
    input.commonShock = marketRandom.normal();
    input.jump = 0;
    for (let k = marketRandom.poisson((params.jumpsPerHour * phase.jumpScale * dtSeconds) / 3600); k > 0; k--)
      input.jump += params.jumpMean + params.jumpStd * marketRandom.normal();
    for (const symbolSim of symbols.values()) {
      const closed = symbolSim.step(input, record);
      if (emitting && closed && emitter.has('bar'))
        emitter.emit('bar', { symbol: symbolSim.spec.instrument.symbol, ...closed });
    }
    for (const book of books) {
      for (const liquidation of liquidateUnderwater(book, accountMarket, timeMs)) {
        sim(liquidation.symbol).addForcedOrder(liquidation.side, liquidation.size);
        snapshots = undefined;
        record(liquidation);
      }
    }
    if (emitting && emitter.has('ticker'))
      for (const symbolSim of symbols.values()) emitter.emit('ticker', symbolSim.ticker(timeMs, regime));
  };

  for (let t = historyStartMs; t < startTimeMs;) {
    const next = Math.min(t + historyStepMs, startTimeMs);
    step(next, (next - t) / secondMs);
    t = next;
  }
  nowMs = startTimeMs;
  books = (options.accounts ?? demoAccountSpecs()).map((spec) => openAccount(spec, accountMarket));
  const currentAccounts = (): SimAccount[] => (snapshots ??= books.map((book) => snapshotAccount(book, accountMarket)));

  let scenario = options.scenario;
  return {
    seed: options.seed,
    get scenario() {
      return scenario;
    },
    instruments: specs.map((spec) => spec.instrument),
    startTimeMs,
    historyStartMs,
    get scenarioDurationMs() {
      return scenarioDurationMs(scenario);
    },
    setScenario(name) {
      scenario = name;
      regime.restart(name, nowMs);
    },
    now: () => nowMs,
    ticker: (symbol) => sim(symbol).ticker(steppedMs, regime),
    bars: (symbol, kind, startMs, endMs, limit) => sim(symbol).history.bars(kind, startMs, endMs, limit),
    openInterestHistory: (symbol, startMs, endMs) => sim(symbol).history.openInterest(startMs, endMs),
    longShareHistory: (symbol, startMs, endMs) => sim(symbol).history.longShare(startMs, endMs),
    liquidations: (symbol, startMs, endMs) => sim(symbol).history.liquidations(startMs, endMs),
    truth: (symbol) => sim(symbol).truth(),
    account: (id) =>
      currentAccounts().find(
        (account) =>
          account.id === id || (account.address !== undefined && account.address.toLowerCase() === id.toLowerCase()),
      ),
    accounts: () => currentAccounts(),
    advance(ms) {
      if (!(ms > 0)) return;
      const targetMs = nowMs + ms;
      emitting = true;
      try {
        for (let t = steppedMs + secondMs; t <= targetMs; t += secondMs) step(t);
      } finally {
        emitting = false;
      }
      nowMs = targetMs;
    },
    on: (event, listener) => emitter.on(event, listener),
    adjustPosition(accountId, symbol, change) {
      const book = books.find((candidate) => candidate.id === accountId);
      if (!book) throw new Error(`No simulated account ${accountId}`);
      adjustPosition(book, symbol, change, nowMs);
      snapshots = undefined;
    },
    changeAccountMode(accountId, mode) {
      const book = books.find((candidate) => candidate.id === accountId);
      if (!book) throw new Error(`No simulated account ${accountId}`);
      changeAccountMode(book, mode);
      snapshots = undefined;
    },
    closePosition(accountId, symbol, side) {
      const book = books.find((b) => b.id === accountId);
      const closed = book !== undefined && closeUserPosition(book, accountMarket, symbol, side);
      if (closed) snapshots = undefined;
      return closed;
    },
  };
}
