import { z } from 'zod';

/** Severity of an alert, mildest first. */
export type Level = 'warning' | 'danger' | 'critical';

/** Every level, mildest first. */
export const levels: readonly Level[] = ['warning', 'danger', 'critical'];

/** A level as stored in settings. */
export const levelSchema = z.enum(['warning', 'danger', 'critical']);

/** A level as a number: 1 warning, 2 danger, 3 critical. */
export type Rank = 1 | 2 | 3;

/** A rank or 0 for "no level" (safe). */
export type RankOrNone = 0 | Rank;

const ranks: Readonly<Record<Level, Rank>> = { warning: 1, danger: 2, critical: 3 };
const byRank: readonly Level[] = levels;

/** The rank of a level (1 warning … 3 critical). */
export function levelRank(level: Level): Rank {
  return ranks[level];
}

/** The level of a rank; rank 0 ("no level") has none and returns null. */
export function rankLevel(rank: RankOrNone): Level | null {
  return rank === 0 ? null : (byRank[rank - 1] ?? null);
}

/**
 * The worse of two levels (critical > danger > warning > none); null when both are null.
 */
export function worseLevel(a: Level | null, b: Level | null): Level | null {
  if (a === null) return b;
  if (b === null) return a;
  return ranks[a] >= ranks[b] ? a : b;
}
