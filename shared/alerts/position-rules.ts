import type { AlertEnd, AlertEvent } from './alert-event';
import type { LastObservation } from './engine-state';
import type { PositionObservation } from './inputs';
import type { RuleState, Transition } from './ladder';
import { fullLadder, idleRule, stepRule } from './ladder';
import type { Level, Rank } from './levels';
import { levelRank, rankLevel } from './levels';
import { alertMessage } from './message';
import type { Reading } from './readings';
import { cascadeReading, clusterReading, distanceReading, imbalanceReading, marginRatioReading } from './readings';
import type { RuleKind, RuleSet } from './rule-schemas';
import { cooldownMsOf, ruleKinds } from './rule-schemas';
import type { QuietCheck } from './silence';
import { silenceOf } from './silence';
import { positionOf, type Tracked } from './tracked';

/** What emitting needs: the clock, the output list, quiet hours and the id sequence. */
export interface EmitContext {
  readonly nowMs: number;
  readonly out: AlertEvent[];
  readonly silent: QuietCheck;
  readonly nextId: (nowMs: number) => string;
  /** Reused between calls, so a tick with no transition allocates nothing. */
  readonly scratch: Transition[];
}

/** The fields every event of a tracked position starts with: a new id, the time, and which position. */
export function eventHead(
  tracked: Tracked,
  context: EmitContext,
): Pick<AlertEvent, 'id' | 'timeMs' | 'accountId' | 'accountLabel' | 'venue' | 'symbol' | 'displaySymbol' | 'side'> {
  return { id: context.nextId(context.nowMs), timeMs: context.nowMs, ...positionOf(tracked) };
}

const singleRungs: Readonly<Record<Level, readonly Rank[]>> = { warning: [1], danger: [2], critical: [3] };

function ladderOf(rules: RuleSet, rule: RuleKind): readonly Rank[] {
  if (rule === 'marginRatio' || rule === 'distance') return fullLadder;
  return singleRungs[rules[rule].level];
}

function thresholdOf(tracked: Tracked, rule: RuleKind, level: Level): number | null {
  const rules = tracked.rules;
  switch (rule) {
    case 'marginRatio':
    case 'distance':
      return rules[rule].levels[level];
    case 'cluster':
    case 'cascade':
      return rules[rule].minUsd;
    case 'imbalance':
      return rules.imbalance.minRatio;
    case 'marginCall':
      return null;
    case 'stale':
      return rules.stale.afterMs;
    case 'adlFront':
      return tracked.facts?.adlRank?.max ?? null;
    case 'venueLowered':
      return null;
  }
}

/**
 * How an `adlFront` level that stops being held ends: it never clears, because leaving the front
 * (or closing, which may be the deleveraging itself) is no all-clear. Null for every other rule.
 */
function endOf(tracked: Tracked, rule: RuleKind, cleared: boolean, closed: boolean): AlertEnd | null {
  if (rule !== 'adlFront' || !cleared) return null;
  if (closed) return 'closed';
  return tracked.rules.adlFront.enabled ? 'left-front' : 'switched-off';
}

/** Steps one rule of a tracked position to `reading` and emits its transitions. Null reading: no change. */
export function applyReading(
  tracked: Tracked,
  rule: RuleKind,
  reading: Reading | null,
  tickTimeMs: number,
  context: EmitContext,
  closed = false,
): void {
  if (reading === null) return;
  const before: RuleState = tracked.states[rule] ?? idleRule;
  if (before === idleRule && reading.rank === 0) return;
  const transitions = context.scratch;
  transitions.length = 0;
  const after = stepRule(
    before,
    reading.rank,
    reading.value,
    ladderOf(tracked.rules, rule),
    cooldownMsOf(tracked.rules, rule),
    context.nowMs,
    transitions,
  );
  if (after === before) return;
  tracked.states[rule] = after;
  for (const [index, transition] of transitions.entries()) {
    // One event per rule and step. A jump past several levels (a position first seen deep in trouble,
    // a price gap) fires once, at the highest: the lower levels are held as notified with it, and a
    // trader reads one "Critical", not "Warning, Danger, Critical". A fall past several levels (clears
    // come worst first) clears once, at the highest (the one that fired), naming the lowest, whose
    // threshold the value is back past.
    const next = transitions[index + 1];
    if (!transition.cleared && next !== undefined && !next.cleared) continue;
    const previous = transitions[index - 1];
    if (transition.cleared && previous !== undefined && previous.cleared) continue;
    let low = transition.rank;
    for (let k = index + 1; transition.cleared && transitions[k]?.cleared === true; k++)
      low = Math.min(low, transitions[k]?.rank ?? low) as Rank;
    emitTransition(tracked, rule, reading, tickTimeMs, context, closed, transition, low);
  }
}

/** Emits the event of one (collapsed) transition; `low` is the lowest level a clear takes (else its own). */
function emitTransition(
  tracked: Tracked,
  rule: RuleKind,
  reading: Reading,
  tickTimeMs: number,
  context: EmitContext,
  closed: boolean,
  transition: Transition,
  low: Rank,
): void {
  const level = rankLevel(transition.rank) ?? 'warning';
  const lowest = rankLevel(low) ?? level;
  const end = endOf(tracked, rule, transition.cleared, closed);
  const cleared = transition.cleared && end === null;
  const adl =
    rule === 'adlFront'
      ? { rank: tracked.facts?.adlRank ?? null, unrealizedPnl: tracked.facts?.unrealizedPnl ?? null }
      : undefined;
  const facts = {
    accountLabel: tracked.accountLabel,
    venue: tracked.venue,
    displaySymbol: tracked.displaySymbol,
    side: tracked.side,
    rule,
    level,
    cleared,
    value: reading.value,
    threshold: thresholdOf(tracked, rule, lowest),
  };
  const extra = {
    count: reading.count,
    windowMs: tracked.rules.cascade.windowMs,
    marginRatio: rule === 'stale' ? (tracked.last?.marginRatio ?? null) : undefined,
    closed,
    end: end ?? undefined,
    adl,
    clearedTo: lowest === level ? undefined : lowest,
    measure: rule === 'marginRatio' ? (tracked.measure ?? undefined) : undefined,
  };
  // An end rings no more than a clear does.
  const silence = silenceOf(tracked, rule, level, transition.cleared, context.nowMs, context.silent);
  context.out.push({
    ...eventHead(tracked, context),
    rule,
    level,
    value: facts.value,
    threshold: facts.threshold,
    tickTimeMs,
    cleared,
    ...(lowest === level || !cleared ? {} : { clearedTo: lowest }),
    ...silence,
    message: alertMessage({ ...facts, ...extra }),
    ...(end === null ? {} : { end }),
    ...(adl === undefined ? {} : { adl }),
  });
}

/** Records the observation and runs the rules it feeds (margin ratio, distance, cluster, imbalance, cascade). */
export function runObservedRules(tracked: Tracked, observation: PositionObservation, context: EmitContext): void {
  const last: LastObservation = {
    markPrice: observation.markPrice,
    liquidationPrice: observation.liquidationPrice,
    marginRatio: observation.marginRatio,
    distance: observation.distance,
    tickTimeMs: observation.tickTimeMs,
    receivedAtMs: observation.receivedAtMs ?? observation.tickTimeMs,
  };
  tracked.last = last;
  if (observation.displaySymbol !== undefined) tracked.displaySymbol = observation.displaySymbol;
  if (observation.accountLabel !== undefined) tracked.accountLabel = observation.accountLabel;
  tracked.measure = observation.measure ?? null;
  const { rules, states } = tracked;
  const tick = observation.tickTimeMs;
  applyReading(
    tracked,
    'marginRatio',
    marginRatioReading(rules.marginRatio, observation.marginRatio, states.marginRatio?.rank ?? 0),
    tick,
    context,
  );
  applyReading(
    tracked,
    'distance',
    distanceReading(rules.distance, observation.distance, states.distance?.rank ?? 0),
    tick,
    context,
  );
  if (observation.clusters !== undefined)
    applyReading(
      tracked,
      'cluster',
      clusterReading(rules.cluster, observation, observation.clusters, states.cluster?.rank ?? 0),
      tick,
      context,
    );
  if (observation.imbalance !== undefined) {
    applyReading(
      tracked,
      'imbalance',
      imbalanceReading(
        rules.imbalance,
        observation.side,
        observation.distance,
        observation.imbalance,
        states.imbalance?.rank ?? 0,
      ),
      tick,
      context,
    );
  }
  applyReading(
    tracked,
    'cascade',
    cascadeReading(rules.cascade, observation, states.cascade?.rank ?? 0),
    tick,
    context,
  );
}

/**
 * The rules driven by the clock: stale data (age of the last observation while its margin ratio is at
 * risk), margin-call expiry, and any fire a cooldown deferred (re-tried with the held rank and value).
 */
export function runTimedRules(tracked: Tracked, context: EmitContext): void {
  const { rules, states, last } = tracked;
  const tick = last?.tickTimeMs ?? context.nowMs;
  const stale = rules.stale;
  if (last !== null) {
    const age = context.nowMs - last.receivedAtMs;
    const atRisk = (last.marginRatio ?? Number.POSITIVE_INFINITY) >= stale.minMarginRatio;
    const rank = stale.enabled && atRisk && age >= stale.afterMs ? levelRank(stale.level) : 0;
    // Skipped without allocating when the rule is idle and stays so: the common case on every call.
    if (rank > 0 || states.stale !== undefined) applyReading(tracked, 'stale', { rank, value: age }, tick, context);
  }
  const call = states.marginCall;
  if (call !== undefined) {
    const active =
      rules.marginCall.enabled &&
      call.signalMs !== null &&
      context.nowMs - call.signalMs < rules.marginCall.clearAfterMs;
    applyReading(
      tracked,
      'marginCall',
      { rank: active ? levelRank(rules.marginCall.level) : 0, value: call.value },
      call.signalMs ?? tick,
      context,
    );
  }
  for (const rule of ruleKinds) {
    const state = states[rule];
    if (state !== undefined && state.rank > state.notified)
      applyReading(tracked, rule, { rank: state.rank, value: state.value }, tick, context);
  }
}

/**
 * Clears every notified level of a position (it closed): one cleared event per level, worst first
 * (an ADL-front level ends instead, as `closed`).
 */
export function clearAll(tracked: Tracked, context: EmitContext): void {
  for (const rule of ruleKinds) {
    const state = tracked.states[rule];
    if (state !== undefined && state.notified > 0)
      applyReading(tracked, rule, { rank: 0, value: null }, tracked.last?.tickTimeMs ?? context.nowMs, context, true);
  }
}
