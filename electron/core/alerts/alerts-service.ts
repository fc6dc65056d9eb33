import { join } from 'node:path';
import {
  alertConfigSchema,
  alertEngineStateSchema,
  createAlertEngine,
  createParsedAlertEngine,
  defaultAlertConfig,
  observationsFromRisk,
  parseAlertConfig,
  type AlertConfig,
  type AlertConfigInput,
  type AlertEngineState,
  type AlertEvent,
  type PositionObservation,
  type PositionRef,
  type VenueReport,
} from '../../../shared/alerts';
import type { ForceClose } from '../../../shared/domain/force-close';
import { lastUpdateMs } from '../../../shared/domain/freshness';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { RiskPosition } from '../../../shared/domain/risk-position';
import type { MarkTick } from '../../../shared/domain/stream-state';
import { marketKeyId, type MarketKey } from '../../../shared/domain/market-source';
import type { AlertsView } from '../../../shared/ipc/views/alerts';
import type { AccountPositions, PositionView } from '../../../shared/ipc/views/positions';
import { evaluateAccount, type RiskResult } from '../../../shared/risk';
import type { MarketSource } from '../accounts/accounts-service';
import type { Clock, Logger, Notifier } from '../ports';
import type { MarketContext } from '../market/market-context';
import { GatewayError } from '../exchange/gateway-error';
import { saveFailure } from '../storage/disk-io';
import type { DiskWatch } from '../storage/disk-watch';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';
import { openAlertHistory } from './alert-history';
import { toNotifications } from './notifications';
import { readPendingJudgements, writePendingJudgements } from './pending-judgements';
import { createVanishedPositions } from './vanished-positions';

/** Everything the alerts runtime needs. */
export interface AlertsServiceDeps {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly notifier: Notifier;
  readonly config?: AlertConfigInput;
  /** Every event as it is emitted, with when the tick behind it arrived (local ms) and when it left. */
  readonly onEvent: (
    event: AlertEvent,
    timing: { readonly receivedAtMs: number; readonly emittedAtMs: number },
  ) => void;
  readonly onChanged: (view: AlertsView) => void;
  /** A problem to tell the user once (a damaged alert state or settings file was moved aside). */
  readonly onProblem?: (message: string) => void;
  /** Hears of failed and succeeded writes (a full disk is a state: alerts keep running). */
  readonly disk?: DiskWatch;
  /**
   * The cluster model of a position's market (clusters, imbalance, realized liquidations), for the
   * cluster, imbalance and cascade rules; those rules keep their level while it is not ready.
   */
  readonly marketContext?: (market: MarketKey) => MarketContext;
  /** The label the user gave an account ("Main HL"), named in every alert; undefined when unknown (the id stands in). */
  readonly accountLabel?: (accountId: string) => string | undefined;
  /**
   * The account's force-close records since a venue time (Unix ms), to tell a liquidation from a
   * user close; rejects with a `GatewayError` of kind `unsupported` where there are none to read.
   * Absent: price alone decides.
   */
  readonly forceCloses?: (accountId: string, sinceMs: number) => Promise<readonly ForceClose[]>;
  /**
   * Where mark ticks come from: the market service's streams (one per market, shared with the chart
   * and the cluster model). Returns the release.
   */
  readonly subscribeMarks: (market: MarketKey, onTick: (tick: MarkTick) => void) => () => void;
}

/** The alert runtime: evaluates on every mark tick and position update, keeps a history, notifies. */
export interface AlertsService {
  /** A new snapshot of an account's positions (from the accounts service). */
  onPositions(entry: AccountPositions, source: MarketSource | undefined): void;
  /** An account was removed: its positions close, their alerts clear. */
  onAccountRemoved(accountId: string): void;
  view(): AlertsView;
  /** The alert settings in force (defaults filled in). */
  config(): AlertConfig;
  /**
   * Replaces the settings, saved at once; active levels carry over and clear where the new levels say
   * so. Throws ("Disk full: could not save the alert settings; nothing changed…") and applies nothing
   * when the save fails.
   */
  setConfig(input: AlertConfigInput): AlertConfig;
  /**
   * Snoozes a position's alerts until `untilMs` (Unix ms, at most `snoozeMaxMs` ahead; null ends the
   * snooze); saved with the alert state. Throws a user-facing Error for a position without alerts or
   * a time out of range.
   */
  snooze(position: PositionRef, untilMs: number | null): AlertsView;
  /** Acknowledges a position's alerts at their level (saved); throws a user-facing Error when it has none. */
  acknowledge(position: PositionRef): AlertsView;
  /**
   * Whether a position of the account holds a level or reads within its warning levels, as of the
   * last mark tick or snapshot (the engine's `nearWarning`): its account is then read at the fast cadence.
   */
  nearWarning(accountId: string): boolean;
  stop(): Promise<void>;
}

/** The venue's own report of each position (`symbol|side`), for the ADL-front and venue-cut rules. */
function reportsOf(positions: readonly PositionView[]): Map<string, VenueReport> {
  return new Map(
    positions.map((position) => [
      `${position.symbol}|${position.side}`,
      {
        adlRank: position.adlRank,
        unrealizedPnl: position.unrealizedPnl,
        leverage: position.leverage,
        riskLimitLoweredAtMs: position.riskLimitLoweredAtMs,
        leverageLoweredAtMs: position.leverageLoweredAtMs,
      },
    ]),
  );
}

/**
 * `positions` with `symbol`'s marks set to `markPrice`: the same array when none of them moves (a
 * repeated mark), else a new one that shares every position of the other symbols.
 */
function withMark(positions: readonly RiskPosition[], symbol: string, markPrice: number): readonly RiskPosition[] {
  let marked: RiskPosition[] | undefined;
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index] as RiskPosition;
    if (position.symbol !== symbol || position.markPrice === markPrice) continue;
    marked ??= positions.slice();
    marked[index] = { ...position, markPrice };
  }
  return marked ?? positions;
}

/** The longest snooze, ms: two days, so a forgotten snooze cannot silence a position for good. */
export const snoozeMaxMs = 2 * 24 * 3600_000;

interface Watched {
  risk: RiskAccount;
  source: MarketSource | undefined;
  displaySymbols: ReadonlyMap<string, string>;
  /**
   * When data last really arrived for each symbol (local ms): the account's last live snapshot, or a
   * later mark tick of that symbol. The stale rule measures from here, so only fresh data of the
   * position's own market ends a stale alert: a tick of another symbol or an old snapshot sent again
   * does not.
   */
  dataAtMs: Map<string, number>;
  /** The symbols the positions are on: a tick of another symbol changes nothing here. */
  readonly symbols: ReadonlySet<string>;
  /** Each symbol's market key, built once per snapshot, for the cluster model's lookup on every tick. */
  readonly markets: ReadonlyMap<string, MarketKey>;
  /** Each symbol's stream key (`streamKey(source, symbol)`), built once per snapshot, not once per tick. */
  readonly streamKeys: ReadonlyMap<string, string>;
  /**
   * The engine's figures for `risk` as last evaluated, or null once a mark moved since: a tick that
   * brings the same mark again reuses them (the engine is pure, so they are the same numbers).
   */
  evaluated: RiskResult | null;
}

/**
 * Creates the alerts runtime. Mark prices arrive per market (venue, the account's source, symbol) through
 * `subscribeMarks`; each tick re-evaluates the accounts holding that symbol with shared/risk and feeds the
 * alert engine, so a warning never waits for the next account poll. A one-second timer runs the
 * time-driven rules (stale data). State and history live under `<dataDir>/alerts/`.
 */
export function createAlertsService(deps: AlertsServiceDeps): AlertsService {
  const { clock, logger } = deps;
  const folder = join(deps.dataDir, 'alerts');
  const statePath = join(folder, 'state.json');
  const saved = readJsonFile<AlertEngineState | null>(
    statePath,
    alertEngineStateSchema.nullable(),
    null,
    clock.now(),
    'alert state',
  );
  if (saved.problem) {
    logger.warn('alert state reset', { message: saved.problem.message });
    deps.onProblem?.(saved.problem.message);
  }
  const configPath = join(folder, 'config.json');
  const savedConfig = readJsonFile<AlertConfigInput | null>(
    configPath,
    alertConfigSchema.nullable(),
    null,
    clock.now(),
    'alert settings',
  );
  if (savedConfig.problem) {
    logger.warn('alert settings reset', { message: savedConfig.problem.message });
    deps.onProblem?.(savedConfig.problem.message);
  }
  // Parsed once per change: `config()` and a save never validate the same settings twice.
  const firstConfig = parseAlertConfig(savedConfig.value ?? deps.config ?? {});
  let config: AlertConfig = firstConfig.ok ? firstConfig.config : defaultAlertConfig();
  let engine = createAlertEngine(savedConfig.value ?? deps.config, saved.value ?? undefined);
  const history = openAlertHistory(join(folder, 'history.jsonl'), deps.disk);
  const accounts = new Map<string, Watched>();
  const streams = new Map<string, () => void>();
  let lastSignature = '';
  let stopped = false;
  // Positions that vanished just before the last stop wait for their verdict again.
  const pendingPath = join(folder, 'pending-liquidations.json');
  const savedPending = readPendingJudgements(pendingPath, clock.now());
  if (savedPending.problem !== null) {
    logger.warn('pending liquidation checks reset', { message: savedPending.problem });
    deps.onProblem?.(savedPending.problem);
  }
  const vanishing = createVanishedPositions(
    deps.forceCloses ??
      (() => Promise.reject(new GatewayError('unsupported', 'No force-close records are read here.'))),
    savedPending.pending,
  );
  let savedPendingText = JSON.stringify(savedPending.pending);
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saves the engine state; a failed write (a full disk) is reported, never thrown: alerts keep running. */
  const persist = (): boolean => {
    // History lines a full disk refused go first: they were shown and notified, they must not be lost.
    history.append([]);
    try {
      writeJsonFileAtomic(statePath, engine.exportState());
      const pending = vanishing.exportPending();
      const text = JSON.stringify(pending);
      if (text !== savedPendingText) {
        writePendingJudgements(pendingPath, pending);
        savedPendingText = text;
      }
      return true;
    } catch (error) {
      if (deps.disk) deps.disk.failed('alert state', error);
      else logger.error('alert state not saved', { error: String(error) });
      return false;
    }
  };
  /** Engine state is saved (atomically, with fsync) at most once a second, off the tick path; retried until it is. */
  const persistSoon = (): void => {
    persistTimer ??= setTimeout(() => {
      persistTimer = undefined;
      if (!persist() && !stopped) persistSoon();
    }, 1000);
  };

  const view = (): AlertsView => ({
    active: engine.activeAlerts(),
    worstLevel: engine.worstLevel(),
    history: history.list(),
  });

  /** A snooze or an acknowledgement changed the view: saved with the state, shown at once. */
  const changedByUser = (): AlertsView => {
    persistSoon();
    const next = view();
    deps.onChanged(next);
    return next;
  };

  // Events emitted but not yet written, notified and shown: one tick can raise events in several
  // accounts, and each account's events leave at once; the flushed history write (milliseconds on
  // a busy disk) comes after the last of them, once for all.
  let unsaved: AlertEvent[] = [];
  let batching = false;
  const run = (input: Parameters<typeof engine.evaluate>[0], receivedAtMs: number): void => {
    const events = engine.evaluate(input, clock.now());
    if (events.length === 0) return;
    const emittedAtMs = clock.now();
    for (const event of events) deps.onEvent(event, { receivedAtMs, emittedAtMs });
    unsaved.push(...events);
    if (!batching) record();
  };
  /** Writes (flushed), notifies and shows the events emitted since the last call. */
  const record = (): void => {
    if (unsaved.length === 0) return;
    const events = unsaved;
    unsaved = [];
    history.append(events);
    persistSoon();
    for (const notification of toNotifications(events)) deps.notifier.notify(notification);
    const signature = JSON.stringify(engine.activeAlerts().map((a) => [a.accountId, a.symbol, a.side, a.level]));
    if (signature !== lastSignature) {
      lastSignature = signature;
      deps.onChanged(view());
    }
  };
  /** Runs `evaluate` with every event it emits recorded at its end, in the same turn. */
  const inBatch = (evaluate: () => void): void => {
    if (batching) return evaluate();
    batching = true;
    try {
      evaluate();
    } finally {
      batching = false;
      record();
    }
  };

  /**
   * `arrivedAtMs`: when the data reached us (each symbol's data time, the stale rule's clock, is in
   * `watched.dataAtMs`); `ticked`: the symbols whose marks moved (null for a snapshot); `reports`: the
   * venue's own report per position (`symbol|side`), only from an account snapshot (ADL rank and cut
   * stamps do not change on a mark tick).
   */
  const evaluateAccountAt = (
    accountId: string,
    watched: Watched,
    tickTimeMs: number,
    arrivedAtMs: number,
    ticked: ReadonlySet<string> | null = null,
    reports?: ReadonlyMap<string, VenueReport>,
  ): void => {
    const source = watched.source;
    const accountLabel = deps.accountLabel?.(accountId) ?? accountId;
    const evaluated = watched.evaluated ?? evaluateAccount(watched.risk);
    watched.evaluated = evaluated;
    // Each observation is built as one literal of one shape (an absent input is undefined, which the
    // engine reads as absent): this runs on every mark tick, and copies by spread cost more than the rules.
    const observations = observationsFromRisk(accountId, watched.risk, evaluated, tickTimeMs).map(
      (observation): PositionObservation => {
        const key = watched.markets.get(observation.symbol);
        const context = key === undefined ? undefined : deps.marketContext?.(key);
        const ready = context?.state === 'ready' ? context : undefined;
        return {
          accountId: observation.accountId,
          venue: observation.venue,
          symbol: observation.symbol,
          side: observation.side,
          displaySymbol: watched.displaySymbols.get(observation.symbol) ?? observation.symbol,
          accountLabel,
          markPrice: observation.markPrice,
          liquidationPrice: observation.liquidationPrice,
          marginRatio: observation.marginRatio,
          measure: observation.measure,
          distance: observation.distance,
          tickTimeMs: observation.tickTimeMs,
          // Nothing arrived yet for a symbol: its numbers are as old as the snapshot they came from.
          receivedAtMs: watched.dataAtMs.get(observation.symbol) ?? tickTimeMs,
          clusters: ready?.clusters,
          imbalance: ready?.imbalance,
          liquidations: ready?.liquidations,
          venueReport: reports?.get(`${observation.symbol}|${observation.side}`),
        };
      },
    );
    if (source)
      vanishing.observe(
        accountId,
        watched.risk,
        ticked === null ? observations : observations.filter((o) => ticked.has(o.symbol)),
        (symbol) => watched.streamKeys.get(symbol) ?? streamKey(source, symbol),
        ticked === null ? tickTimeMs : null,
      );
    run({ positions: observations }, arrivedAtMs);
  };

  /**
   * Accounts whose marks moved since their last evaluation: the earliest arrival (the latency counts
   * from it), the newest tick time, and the symbols that moved. Ticks that reach the core in one turn
   * (a venue pushes its symbols' marks together, and the socket hands them over in one read) are
   * evaluated once per account, on the latest marks, in a microtask queued behind them: nothing waits
   * for the rest of the event loop's turn (other sockets' reads), and cross margin still sees every
   * symbol's move. A second mark of a symbol already waiting evaluates the account on the first one
   * before it is applied, so every mark that arrives is judged.
   */
  type Moved = { receivedAtMs: number; tickTimeMs: number; readonly symbols: Set<string> };
  const due = new Map<string, Moved>();
  let flushing = false;
  const evaluateMoved = (accountId: string, moved: Moved): void => {
    due.delete(accountId);
    const watched = accounts.get(accountId);
    if (watched !== undefined)
      evaluateAccountAt(accountId, watched, moved.tickTimeMs, moved.receivedAtMs, moved.symbols);
  };
  const evaluateDue = (): void => {
    flushing = false;
    if (stopped) return;
    inBatch(() => {
      for (const [accountId, moved] of due) evaluateMoved(accountId, moved);
    });
  };

  /** `key`: the stream's own key (`streamKey(source, symbol)`), built once when the stream opened. */
  const onTick = (source: MarketSource, symbol: string, key: string, markPrice: number, tickTimeMs: number): void => {
    const receivedAtMs = clock.now();
    vanishing.tick(key, markPrice, receivedAtMs);
    // Every account holding the symbol is evaluated on this tick; the latency counts from its arrival.
    for (const [accountId, watched] of accounts) {
      // Only the accounts reading this very source: another source's tick is another market's price.
      if (watched.source?.venue !== source.venue || watched.source.source !== source.source) continue;
      if (!watched.symbols.has(symbol)) continue;
      const waiting = due.get(accountId);
      if (waiting?.symbols.has(symbol) === true) inBatch(() => evaluateMoved(accountId, waiting));
      // The same mark again moves no figure: the risk (and its evaluation) stays, only the data is fresher.
      const marked = withMark(watched.risk.positions, symbol, markPrice);
      if (marked !== watched.risk.positions) {
        watched.risk = { ...watched.risk, positions: marked };
        watched.evaluated = null;
      }
      watched.dataAtMs.set(symbol, receivedAtMs);
      const moved = due.get(accountId);
      if (moved === undefined) due.set(accountId, { receivedAtMs, tickTimeMs, symbols: new Set([symbol]) });
      else {
        moved.tickTimeMs = Math.max(moved.tickTimeMs, tickTimeMs);
        moved.symbols.add(symbol);
      }
    }
    if (due.size > 0 && !flushing) {
      flushing = true;
      queueMicrotask(evaluateDue);
    }
  };

  const streamKey = (source: MarketSource, symbol: string): string => marketKeyId({ ...source, symbol });
  /** Stops the streams no account holds a position on any more. */
  const pruneStreams = (): void => {
    // A vanished position waiting for its verdict keeps its mark stream: a fresh mark decides it.
    const held = new Set<string>(vanishing.pendingStreams());
    for (const watched of accounts.values()) {
      const source = watched.source;
      if (source) for (const position of watched.risk.positions) held.add(streamKey(source, position.symbol));
    }
    for (const [key, release] of streams) {
      if (held.has(key)) continue;
      release();
      streams.delete(key);
    }
  };
  const ensureStream = (source: MarketSource, symbol: string): void => {
    const key = streamKey(source, symbol);
    if (streams.has(key)) return;
    streams.set(
      key,
      deps.subscribeMarks({ ...source, symbol }, (tick) => onTick(source, symbol, key, tick.markPrice, tick.timeMs)),
    );
  };

  const judging = new Set<string>();
  /** Judges an account's vanished positions, one judgement per account at a time (the next poll retries). */
  const judge = (accountId: string): void => {
    if (judging.has(accountId)) return;
    judging.add(accountId);
    vanishing
      .judge(accountId, clock.now())
      .then((verdicts) => {
        if (stopped || (verdicts.liquidated.length === 0 && verdicts.closed.length === 0)) return;
        run({ liquidated: verdicts.liquidated, closed: verdicts.closed }, clock.now());
        pruneStreams();
        // A verdict without events (a position that held no alert) still leaves the saved list.
        persistSoon();
      })
      .catch((error: unknown) => logger.warn('liquidation check failed', { accountId, error: String(error) }))
      .finally(() => judging.delete(accountId));
  };

  const stopTimer = clock.every(1000, () => run({}, clock.now()));

  return {
    onPositions(entry, source) {
      const risk = entry.risk;
      const previous = accounts.get(entry.accountId);
      if (!risk) return;
      const closed: PositionRef[] = (previous?.risk.positions ?? [])
        .filter((old) => !risk.positions.some((now) => now.symbol === old.symbol && now.side === old.side))
        .map((old) => ({ accountId: entry.accountId, symbol: old.symbol, side: old.side }));
      const arrivedAtMs = clock.now();
      // The account's freshness is the one truth of when its data last arrived: a stale account
      // sending its old snapshot again brings nothing new.
      const freshness = entry.positions[0]?.freshness;
      const snapshotAtMs = freshness === undefined ? arrivedAtMs : (lastUpdateMs(freshness) ?? arrivedAtMs);
      const dataAtMs = new Map<string, number>();
      for (const position of risk.positions) {
        const before = previous?.dataAtMs.get(position.symbol);
        dataAtMs.set(position.symbol, before === undefined ? snapshotAtMs : Math.max(before, snapshotAtMs));
      }
      const symbols = new Set(risk.positions.map((position) => position.symbol));
      const watched: Watched = {
        risk,
        source,
        displaySymbols: new Map(entry.positions.map((p) => [p.symbol, p.displaySymbol])),
        dataAtMs,
        symbols,
        markets: new Map(source === undefined ? [] : [...symbols].map((symbol) => [symbol, { ...source, symbol }])),
        streamKeys: new Map(
          source === undefined ? [] : [...symbols].map((symbol) => [symbol, streamKey(source, symbol)]),
        ),
        evaluated: null,
      };
      accounts.set(entry.accountId, watched);
      // The snapshot's marks replace the ticks' (it is evaluated below): a tick waiting for this account has nothing newer.
      due.delete(entry.accountId);
      inBatch(() => {
        // A vanished position is judged (liquidated or closed) once the venue's records are read.
        const unknown = vanishing.vanish(entry.accountId, closed, clock.now());
        if (unknown.length > 0) run({ closed: unknown }, clock.now());
        // The snapshot's alerts leave first; opening and releasing streams (market sessions) can wait for them.
        evaluateAccountAt(entry.accountId, watched, snapshotAtMs, arrivedAtMs, null, reportsOf(entry.positions));
        // Streams only for the symbols the positions name (the venue's own), on the account's own source;
        // and for positions still waiting for a verdict (saved before a restart): a fresh mark decides them.
        if (source) {
          for (const position of risk.positions)
            if (watched.displaySymbols.has(position.symbol)) ensureStream(source, position.symbol);
          for (const symbol of vanishing.pendingSymbols(entry.accountId)) ensureStream(source, symbol);
        }
        if (closed.length > 0) pruneStreams();
      });
      if (vanishing.hasPending(entry.accountId)) judge(entry.accountId);
      // Saved (at most once a second, only when changed) so a restart judges them instead of forgetting them.
      if (closed.length > 0 || vanishing.hasPending(entry.accountId)) persistSoon();
    },
    onAccountRemoved(accountId) {
      const watched = accounts.get(accountId);
      if (!watched) return;
      accounts.delete(accountId);
      due.delete(accountId);
      const waiting = vanishing.forget(accountId);
      pruneStreams();
      persistSoon();
      const held = watched.risk.positions.map((p) => ({ accountId, symbol: p.symbol, side: p.side }));
      run({ closed: [...held, ...waiting] }, clock.now());
    },
    view,
    config: () => config,
    setConfig(input) {
      const parsed = parseAlertConfig(input);
      if (!parsed.ok) throw new Error(`Alert settings not saved: ${parsed.errors.join('; ')}`);
      // Saved first: settings that could not be saved are not in force either (they would revert at the next start).
      try {
        writeJsonFileAtomic(configPath, input);
      } catch (error) {
        throw saveFailure('the alert settings', error);
      }
      engine = createParsedAlertEngine(parsed.config, engine.exportState());
      config = parsed.config;
      run({}, clock.now());
      return parsed.config;
    },
    snooze(position, untilMs) {
      const nowMs = clock.now();
      if (untilMs !== null && (untilMs <= nowMs || untilMs > nowMs + snoozeMaxMs))
        throw new Error('A snooze ends between now and two days from now.');
      if (!engine.snooze(position, untilMs)) throw new Error('This position has no alerts to snooze.');
      return changedByUser();
    },
    acknowledge(position) {
      if (!engine.acknowledge(position)) throw new Error('This position has no alert to acknowledge.');
      return changedByUser();
    },
    nearWarning: (accountId) => engine.nearWarning(accountId),
    async stop() {
      stopped = true;
      stopTimer();
      due.clear();
      if (persistTimer) {
        clearTimeout(persistTimer);
        persistTimer = undefined;
        persist();
      }
      for (const release of streams.values()) release();
      streams.clear();
    },
  };
}
