import type { ActiveAlert, AlertEvent } from './alert-event';
import type { AlertConfig, AlertConfigInput } from './config-schema';
import { parseAlertConfig } from './config-schema';
import { activeOf, isNearWarning, nextCheckOf } from './engine-queries';
import type { AlertEngineState, PositionState } from './engine-state';
import type { AlertInput, PositionRef } from './inputs';
import type { Transition } from './ladder';
import { idleRule } from './ladder';
import type { Level, RankOrNone } from './levels';
import { worseLevel } from './levels';
import type { EmitContext } from './position-rules';
import { clearAll, runObservedRules, runTimedRules } from './position-rules';
import { endByLiquidation } from './liquidated';
import { runVenueReportRules } from './venue-report-rules';
import { createSilencer } from './quiet-hours';
import { createRuleResolver } from './resolve-rules';
import type { Tracked, TrackedIndex } from './tracked';
import { allTracked, insert, lookup, remove, stateOf, trackedFrom } from './tracked';

/** The alert engine of one configuration; see `createAlertEngine`. */
export interface AlertEngine {
  /**
   * Feeds what changed and returns the events it caused, in order: per listed position its rules
   * (margin ratio, distance, cluster, imbalance, cascade; ADL front and venue cuts when it carries the
   * venue's report), then margin calls, closed positions (their
   * levels clear) and liquidated ones (one `liquidated` event each, ending their levels), then the clock-driven rules of every known position (stale, margin-call expiry, deferred fires).
   * `nowMs`: Unix ms of the local clock. Cost: O(listed positions × their bins and liquidations + known positions).
   */
  evaluate(input: AlertInput, nowMs: number): AlertEvent[];
  /** Every position holding a level now (hysteresis-held, including fires a cooldown defers), worst first. */
  activeAlerts(): ActiveAlert[];
  /** The worst level held by any position, or null when all are safe (for the tray and the title). */
  worstLevel(): Level | null;
  /** The earliest `nowMs` at which `evaluate({}, nowMs)` could emit without new input, or null: schedule the next timer call here. */
  nextCheckMs(): number | null;
  /**
   * Whether any tracked position of `accountId` holds a level or reads within its warning levels
   * (`isNearWarning`): its account is then read at the fast cadence. False for an unknown account.
   */
  nearWarning(accountId: string): boolean;
  /** The state as plain JSON-safe data, for `createAlertEngine(config, state)` after a restart. */
  exportState(): AlertEngineState;
  /**
   * Snoozes a known position until `untilMs` (Unix ms; null ends the snooze): its events are still
   * returned and recorded but `silent` (`silencedBy: 'snoozed'`), except a liquidation. Returns false,
   * changing nothing, when the engine does not track the position.
   */
  snooze(ref: PositionRef, untilMs: number | null): boolean;
  /**
   * Acknowledges the worst level a position's alerts have fired: further fires up to that level are
   * silent (`silencedBy: 'acknowledged'`) until a higher level fires, which rings and ends it. Returns
   * false, changing nothing, when the position holds no fired level.
   */
  acknowledge(ref: PositionRef): boolean;
}

/** The highest level any rule of a position has fired (and not cleared); 0 when none. */
function notifiedRank(entry: Tracked): RankOrNone {
  let rank: RankOrNone = 0;
  for (const state of Object.values(entry.states)) if (state.notified > rank) rank = state.notified;
  return rank;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Creates an engine. `config` is the stored configuration (defaults fill what is missing); it is
 * validated once and throws an Error listing the problems when invalid (call `parseAlertConfig`
 * first to show them instead). `state` (from `exportState`, parsed with `parseAlertEngineState`)
 * restores the active levels, cooldowns and last observations. To change the configuration, create
 * a new engine with the old one's state: levels a new config no longer reaches clear on the next call.
 */
export function createAlertEngine(config: AlertConfigInput = {}, state?: AlertEngineState): AlertEngine {
  const parsed = parseAlertConfig(config);
  if (!parsed.ok) throw new Error(`invalid alert settings: ${parsed.errors.join('; ')}`);
  return createParsedAlertEngine(parsed.config, state);
}

/**
 * `createAlertEngine` for a configuration `parseAlertConfig` already accepted (saving settings parses
 * them once, not once per use).
 */
export function createParsedAlertEngine(config: AlertConfig, state?: AlertEngineState): AlertEngine {
  const { rules, overrides, quietHours } = config;
  const tracked: TrackedIndex = new Map();
  let sequence = state?.sequence ?? 0;
  const silent = createSilencer(quietHours);
  const transitions: Transition[] = [];
  const resolver = createRuleResolver(rules, overrides);
  const track = (position: PositionState): Tracked =>
    trackedFrom(position, resolver.rules(position.accountId, position.symbol, position.side));
  for (const position of state?.positions ?? []) insert(tracked, track(position));
  const context = (nowMs: number, out: AlertEvent[]): EmitContext => ({
    nowMs,
    out,
    silent,
    nextId: (timeMs) => `${timeMs}-${++sequence}`,
    scratch: transitions,
  });

  const find = (
    ref: PositionRef &
      Pick<PositionState, 'venue'> & { displaySymbol?: string | undefined; accountLabel?: string | undefined },
  ): Tracked => {
    let entry = lookup(tracked, ref.accountId, ref.symbol, ref.side);
    if (entry === undefined) {
      const { accountId, venue, symbol, side } = ref;
      entry = track({
        accountId,
        accountLabel: ref.accountLabel ?? accountId,
        venue,
        symbol,
        side,
        displaySymbol: ref.displaySymbol ?? symbol,
        last: null,
        rules: {},
      });
      insert(tracked, entry);
    }
    return entry;
  };

  return {
    evaluate(input, nowMs) {
      const out: AlertEvent[] = [];
      const emit = context(nowMs, out);
      for (const observation of input.positions ?? []) {
        const entry = find(observation);
        runObservedRules(entry, observation, emit);
        const report = observation.venueReport;
        if (report !== undefined) runVenueReportRules(entry, report, observation.tickTimeMs, emit);
      }
      for (const call of input.marginCalls ?? []) {
        const entry = find(call);
        const before = entry.states.marginCall ?? idleRule;
        const signalMs = Math.max(before.signalMs ?? call.timeMs, call.timeMs);
        entry.states.marginCall = {
          ...before,
          signalMs,
          value: finiteOrNull(call.marginRatio ?? entry.last?.marginRatio ?? null),
        };
      }
      for (const ref of input.closed ?? []) {
        const entry = lookup(tracked, ref.accountId, ref.symbol, ref.side);
        if (entry === undefined) continue;
        clearAll(entry, emit);
        remove(tracked, ref.accountId, ref.symbol, ref.side);
      }
      for (const liquidation of input.liquidated ?? []) {
        endByLiquidation(find(liquidation), liquidation, emit);
        remove(tracked, liquidation.accountId, liquidation.symbol, liquidation.side);
      }
      for (const entry of allTracked(tracked)) runTimedRules(entry, emit);
      return out;
    },
    activeAlerts: () => activeOf(allTracked(tracked)),
    worstLevel: () =>
      activeOf(allTracked(tracked)).reduce<Level | null>((worst, alert) => worseLevel(worst, alert.level), null),
    nextCheckMs: () => nextCheckOf(allTracked(tracked)),
    nearWarning(accountId) {
      for (const sides of tracked.get(accountId)?.values() ?? [])
        if (
          (sides.long !== undefined && isNearWarning(sides.long)) ||
          (sides.short !== undefined && isNearWarning(sides.short))
        )
          return true;
      return false;
    },
    exportState: () => ({ version: 1, sequence, positions: [...allTracked(tracked)].map(stateOf) }),
    snooze(ref, untilMs) {
      const entry = lookup(tracked, ref.accountId, ref.symbol, ref.side);
      if (entry === undefined) return false;
      entry.snoozedUntilMs = untilMs;
      return true;
    },
    acknowledge(ref) {
      const entry = lookup(tracked, ref.accountId, ref.symbol, ref.side);
      const fired = entry === undefined ? 0 : notifiedRank(entry);
      if (entry === undefined || fired === 0) return false;
      entry.acknowledged = fired;
      return true;
    },
  };
}
