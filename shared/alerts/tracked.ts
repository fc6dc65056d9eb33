import type { AccountGaugeDefinition } from '../domain/account-mode';
import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import type { LastObservation, LoweredStamps, PositionState } from './engine-state';
import type { VenueReport } from './inputs';
import type { RuleState } from './ladder';
import type { RankOrNone } from './levels';
import type { RuleKind, RuleSet } from './rule-schemas';

/**
 * A position inside the engine. Mutable on purpose: a tick that changes no level only replaces
 * `last`, so the hot path allocates one small object; `exportState` copies it out.
 */
export interface Tracked {
  readonly accountId: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly side: Side;
  displaySymbol: string;
  /** The account's label, as the latest observation named it (the account id until one did). */
  accountLabel: string;
  last: LastObservation | null;
  /** Each rule's state, replaced entry by entry on a transition; absent = never active. */
  readonly states: Partial<Record<RuleKind, RuleState>>;
  /** The rules resolved for this position (base plus overrides), once. */
  readonly rules: RuleSet;
  /** The venue's facts from the last snapshot (not saved: the next snapshot brings them again). */
  facts: VenueReport | null;
  /** The venue gauge the margin ratio was last read from, or null for LiqLens's own ratio (not saved). */
  measure: AccountGaugeDefinition | null;
  /** The venue's cut stamps as last seen (saved); null before the first snapshot that gave them. */
  lowered: LoweredStamps | null;
  /** Until when the user snoozed this position, Unix ms; null when not snoozed (saved). */
  snoozedUntilMs: number | null;
  /** The rank the user acknowledged: fires up to it stay silent until a higher one fires (saved); 0 = none. */
  acknowledged: RankOrNone;
}

/** Which position a tracked entry is, as every event and active alert names it. */
export function positionOf(
  tracked: Tracked,
): Pick<Tracked, 'accountId' | 'accountLabel' | 'venue' | 'symbol' | 'displaySymbol' | 'side'> {
  const { accountId, accountLabel, venue, symbol, displaySymbol, side } = tracked;
  return { accountId, accountLabel, venue, symbol, displaySymbol, side };
}

/** A tracked position from its saved state. */
export function trackedFrom(state: PositionState, rules: RuleSet): Tracked {
  const { accountId, venue, symbol, side, displaySymbol, last } = state;
  const lowered = state.lowered ?? null;
  return {
    accountId,
    venue,
    symbol,
    side,
    displaySymbol,
    accountLabel: state.accountLabel ?? accountId,
    last,
    states: { ...state.rules },
    rules,
    facts: null,
    measure: null,
    lowered,
    snoozedUntilMs: state.snoozedUntilMs ?? null,
    acknowledged: state.acknowledged ?? 0,
  };
}

/** The saved state of a tracked position (a copy). */
export function stateOf(tracked: Tracked): PositionState {
  const { accountId, venue, symbol, side, displaySymbol, last } = tracked;
  const lowered = tracked.lowered === null ? {} : { lowered: tracked.lowered };
  const snoozed = tracked.snoozedUntilMs === null ? {} : { snoozedUntilMs: tracked.snoozedUntilMs };
  const acknowledged = tracked.acknowledged === 0 ? {} : { acknowledged: tracked.acknowledged };
  const { accountLabel } = tracked;
  return {
    accountId,
    accountLabel,
    venue,
    symbol,
    side,
    displaySymbol,
    last,
    rules: { ...tracked.states },
    ...lowered,
    ...snoozed,
    ...acknowledged,
  };
}

/**
 * Tracked positions by account, symbol and side. Nested maps rather than one joined key: looking up
 * strings the caller already holds reuses their cached hashes, where a joined key is built and
 * hashed again on every tick.
 */
export type TrackedIndex = Map<string, Map<string, TrackedSides>>;

/** The long and the short leg of one symbol (hedge mode holds both). */
export interface TrackedSides {
  long?: Tracked;
  short?: Tracked;
}

/** The tracked position of `accountId`, `symbol`, `side`, or undefined. */
export function lookup(index: TrackedIndex, accountId: string, symbol: string, side: Side): Tracked | undefined {
  return index.get(accountId)?.get(symbol)?.[side];
}

/** Adds (or replaces) a tracked position. */
export function insert(index: TrackedIndex, tracked: Tracked): void {
  let symbols = index.get(tracked.accountId);
  if (symbols === undefined) index.set(tracked.accountId, (symbols = new Map<string, TrackedSides>()));
  let sides = symbols.get(tracked.symbol);
  if (sides === undefined) symbols.set(tracked.symbol, (sides = {}));
  sides[tracked.side] = tracked;
}

/** Removes a tracked position (and the maps it leaves empty). */
export function remove(index: TrackedIndex, accountId: string, symbol: string, side: Side): void {
  const symbols = index.get(accountId);
  const sides = symbols?.get(symbol);
  if (symbols === undefined || sides === undefined) return;
  delete sides[side];
  if (sides.long === undefined && sides.short === undefined) symbols.delete(symbol);
  if (symbols.size === 0) index.delete(accountId);
}

/** Every tracked position, by account, symbol, then long before short. */
export function* allTracked(index: TrackedIndex): Generator<Tracked> {
  for (const symbols of index.values()) {
    for (const sides of symbols.values()) {
      if (sides.long !== undefined) yield sides.long;
      if (sides.short !== undefined) yield sides.short;
    }
  }
}
