import { z } from 'zod';
import { sides } from '../domain/side';
import type { Side } from '../domain/side';
import type { Venue } from '../domain/venue';
import { venues } from '../domain/venue';
import type { RuleState } from './ladder';
import type { RankOrNone } from './levels';
import type { RuleKind } from './rule-schemas';
import { ruleKinds } from './rule-schemas';

/** A position's last observed numbers (see `PositionObservation`); what the stale rule judges. */
export interface LastObservation {
  readonly markPrice: number;
  readonly liquidationPrice: number | null;
  readonly marginRatio: number | null;
  readonly distance: number | null;
  readonly tickTimeMs: number;
  readonly receivedAtMs: number;
}

/**
 * The venue's own stamps of its last cuts to a position (Bybit `mmrSysUpdatedTime`,
 * `leverageSysUpdatedTime`), as last seen: the venue-lowered rule fires when one moves later.
 */
export interface LoweredStamps {
  readonly riskLimitLoweredAtMs: number | null;
  readonly leverageLoweredAtMs: number | null;
}

/** One position's saved state. `last` is null for a position known only from a margin call. */
export interface PositionState {
  readonly accountId: string;
  /** The account's label when last seen (absent in states saved before labels were kept: the id stands in). */
  readonly accountLabel?: string | undefined;
  readonly venue: Venue;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly side: Side;
  readonly last: LastObservation | null;
  /** Only rules that have ever been active are listed. */
  readonly rules: Partial<Record<RuleKind, RuleState>>;
  /** The venue's stamps as last seen; absent until a snapshot gave them (first sight sets them, fires nothing). */
  readonly lowered?: LoweredStamps | undefined;
  /** Until when the user snoozed the position, Unix ms; absent when not snoozed. */
  readonly snoozedUntilMs?: number | undefined;
  /** The rank the user acknowledged (fires up to it stay silent until a higher one fires); absent when none. */
  readonly acknowledged?: RankOrNone | undefined;
}

/**
 * Everything the engine remembers, as plain JSON (no Infinity, no Map): save it with the alert
 * history and pass it back to `createAlertEngine` after a restart.
 */
export interface AlertEngineState {
  readonly version: 1;
  /** Events emitted so far (ids continue from here). */
  readonly sequence: number;
  readonly positions: readonly PositionState[];
}

const time = z.number().finite();
/** The longest account label kept in the state (the accounts' own limit). */
const accountLabelMaxLength = 64;
const rank = z.literal([0, 1, 2, 3]);
const ruleStateSchema = z.strictObject({
  rank,
  notified: rank,
  clearedAtMs: z.tuple([time.nullable(), time.nullable(), time.nullable()]),
  value: z.number().finite().nullable(),
  signalMs: time.nullable(),
});
const lastSchema = z.strictObject({
  markPrice: z.number().finite(),
  liquidationPrice: z.number().finite().nullable(),
  marginRatio: z.number().finite().nullable(),
  distance: z.number().finite().nullable(),
  tickTimeMs: time,
  receivedAtMs: time,
});

/** Schema of a saved `AlertEngineState` (e.g. read back from disk). */
export const alertEngineStateSchema = z.strictObject({
  version: z.literal(1),
  sequence: z.number().int().min(0),
  positions: z.array(
    z.strictObject({
      accountId: z.string().min(1),
      accountLabel: z.string().min(1).max(accountLabelMaxLength).optional(),
      venue: z.enum(venues),
      symbol: z.string().min(1),
      displaySymbol: z.string().min(1),
      side: z.enum(sides),
      last: lastSchema.nullable(),
      rules: z.partialRecord(z.enum(ruleKinds), ruleStateSchema),
      lowered: z
        .strictObject({ riskLimitLoweredAtMs: time.nullable(), leverageLoweredAtMs: time.nullable() })
        .optional(),
      snoozedUntilMs: time.optional(),
      acknowledged: rank.optional(),
    }),
  ),
});

/** Parses a saved state; returns a one-line reason instead of throwing when it is not one. */
export function parseAlertEngineState(input: unknown): AlertEngineState | string {
  const parsed = alertEngineStateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `alert state: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(root)'}: ${issue.message}`}`;
}
