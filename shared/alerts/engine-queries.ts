import type { ActiveAlert } from './alert-event';
import type { Level } from './levels';
import { levelRank, rankLevel, worseLevel } from './levels';
import { positionOf, type Tracked } from './tracked';
import type { RuleKind } from './rule-schemas';
import { cooldownMsOf, ruleKinds } from './rule-schemas';

/** Positions holding a level, worst level first (ties: as tracked). */
export function activeOf(entries: Iterable<Tracked>): ActiveAlert[] {
  const active: ActiveAlert[] = [];
  for (const state of entries) {
    const rules: { rule: RuleKind; level: Level }[] = [];
    let worst: Level | null = null;
    for (const rule of ruleKinds) {
      const level = rankLevel(state.states[rule]?.rank ?? 0);
      if (level === null) continue;
      rules.push({ rule, level });
      worst = worseLevel(worst, level);
    }
    if (worst === null) continue;
    const { snoozedUntilMs } = state;
    const acknowledged = rankLevel(state.acknowledged);
    active.push({
      ...positionOf(state),
      level: worst,
      rules,
      snoozedUntilMs,
      acknowledged,
    });
  }
  return active.sort((a, b) => levelRank(b.level) - levelRank(a.level));
}

/**
 * The earliest time a clock-driven change is due: a stale deadline (last data + `afterMs`, while the
 * margin ratio is at risk and the rule is not yet active), a margin call's expiry, or the end of a
 * cooldown that defers a fire. Null when none is pending.
 */
export function nextCheckOf(entries: Iterable<Tracked>): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const state of entries) {
    const { last, rules } = state;
    const stale = rules.stale;
    if (
      last !== null &&
      stale.enabled &&
      (state.states.stale?.rank ?? 0) === 0 &&
      (last.marginRatio ?? Number.POSITIVE_INFINITY) >= stale.minMarginRatio
    ) {
      next = Math.min(next, last.receivedAtMs + stale.afterMs);
    }
    const call = state.states.marginCall;
    if (call !== undefined && call.rank > 0 && call.signalMs !== null)
      next = Math.min(next, call.signalMs + rules.marginCall.clearAfterMs);
    for (const rule of ruleKinds) {
      const ruleState = state.states[rule];
      if (ruleState === undefined || ruleState.rank <= ruleState.notified) continue;
      // A fire is deferred only while every rung it owes is cooling down; the first to finish releases it.
      for (const [index, clearedAt] of ruleState.clearedAtMs.entries()) {
        if (clearedAt !== null && index + 1 > ruleState.notified && index + 1 <= ruleState.rank)
          next = Math.min(next, clearedAt + cooldownMsOf(rules, rule));
      }
    }
  }
  return Number.isFinite(next) ? next : null;
}
