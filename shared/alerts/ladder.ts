import type { Rank, RankOrNone } from './levels';

/**
 * The state of one rule for one position. `rank` is the level the rule's value holds now (with
 * hysteresis); `notified` the highest level whose event went out and has not been cleared (levels
 * 1..notified of the rule's ladder are notified; it lags `rank` only while a cooldown defers a fire).
 */
export interface RuleState {
  readonly rank: RankOrNone;
  readonly notified: RankOrNone;
  /** When each level (warning, danger, critical) last cleared, Unix ms; null if never. */
  readonly clearedAtMs: readonly [number | null, number | null, number | null];
  /** The rule's value when the rank last changed (a deferred fire reports it); units per rule. */
  readonly value: number | null;
  /** Margin call only: time of the last margin-call event, Unix ms. */
  readonly signalMs: number | null;
}

/** One level firing (`cleared` false) or clearing. */
export interface Transition {
  readonly rank: Rank;
  readonly cleared: boolean;
}

/** A rule that has never been active. */
export const idleRule: RuleState = {
  rank: 0,
  notified: 0,
  clearedAtMs: [null, null, null],
  value: null,
  signalMs: null,
};

/** The ladder of graded rules: every level; a one-level rule's ladder is just its level. */
export const fullLadder: readonly Rank[] = [1, 2, 3];

function topRungAtMost(ladder: readonly Rank[], rank: RankOrNone): RankOrNone {
  let top: RankOrNone = 0;
  for (const rung of ladder) if (rung <= rank) top = rung;
  return top;
}

/**
 * Moves a rule to `target` (recording `value`) and appends the events it owes to `out`:
 * - clears every notified rung above the target, worst first (clears are never suppressed);
 * - fires every rung above `notified` up to the target, mildest first, so no level is skipped;
 * - cooldown: a rung that cleared less than `cooldownMs` ago does not fire yet (the state still holds
 *   the rank, and the fire goes out on the first call after the cooldown if the value still holds);
 *   but when a higher rung fires, the lower ones fire with it, cooldown or not (escalation never skips).
 * Returns `state` itself when nothing changed (no allocation on the hot path).
 */
export function stepRule(
  state: RuleState,
  target: RankOrNone,
  value: number | null,
  ladder: readonly Rank[],
  cooldownMs: number,
  nowMs: number,
  out: Transition[],
): RuleState {
  const reachable = topRungAtMost(ladder, target);
  if (target === state.rank && reachable === state.notified) return state;
  let notified = state.notified;
  let clearedAtMs = state.clearedAtMs;
  const cleared: [number | null, number | null, number | null] = [...clearedAtMs];
  // A one-level rule whose level the settings changed: its old level is not on the ladder; clear it.
  if (notified > 0 && !ladder.includes(notified as Rank)) {
    out.push({ rank: notified as Rank, cleared: true });
    cleared[notified - 1] = nowMs;
    clearedAtMs = cleared;
    notified = 0;
  }
  if (notified > reachable) {
    for (let k = ladder.length - 1; k >= 0; k--) {
      const rung = ladder[k];
      if (rung === undefined || rung > notified || rung <= reachable) continue;
      out.push({ rank: rung, cleared: true });
      cleared[rung - 1] = nowMs;
    }
    clearedAtMs = cleared;
    notified = reachable;
  }
  let fireUpTo: RankOrNone = notified;
  for (const rung of ladder) {
    const clearedAt = clearedAtMs[rung - 1] ?? null;
    if (rung > notified && rung <= reachable && (clearedAt === null || nowMs - clearedAt >= cooldownMs))
      fireUpTo = rung;
  }
  for (const rung of ladder) if (rung > notified && rung <= fireUpTo) out.push({ rank: rung, cleared: false });
  // -0 is kept as 0: the state is saved as JSON, which writes -0 as 0, and an event must read the
  // same before and after a restart.
  return { rank: target, notified: fireUpTo, clearedAtMs, value: value === 0 ? 0 : value, signalMs: state.signalMs };
}
