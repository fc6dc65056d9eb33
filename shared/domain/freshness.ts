/**
 * Where a piece of data stands: one answer the core gives for each account, position and market,
 * which every view shows the same way.
 *
 * - `live`: the data is current; `updatedAtMs` is when it last arrived (Unix ms, the core's clock).
 * - `stale`: the data shown is old; `updatedAtMs` is when it last arrived (null: never), `reason`
 *   says why in plain words ("venue not answering: timed out", "no market data for 20 s").
 * - `unknown`: nothing has arrived yet to judge (starting, or the core cannot be reached).
 */
export type Freshness =
  | { readonly state: 'live'; readonly updatedAtMs: number }
  | { readonly state: 'stale'; readonly updatedAtMs: number | null; readonly reason: string }
  | { readonly state: 'unknown'; readonly reason: string };

/** The reason the renderer gives once it has lost the core: nothing it shows is confirmed any more. */
export const coreLostReason = 'connection to LiqLens lost';

/** When the data behind `freshness` last arrived, Unix ms; null when it never did. */
export function lastUpdateMs(freshness: Freshness): number | null {
  return freshness.state === 'unknown' ? null : freshness.updatedAtMs;
}

/**
 * What a view shows once the core is gone: live data turns stale (keeping its last update time) with
 * `reason`; stale and unknown data keep their own state and take `reason`, the newer fact.
 */
export function withoutSource(freshness: Freshness, reason: string = coreLostReason): Freshness {
  if (freshness.state === 'unknown') return { state: 'unknown', reason };
  return { state: 'stale', updatedAtMs: freshness.updatedAtMs, reason };
}

/** An age in words: "3 s", "77 s", "4 min", "2 h"; a negative age (clock skew) reads as "0 s". */
export function ageText(ageMs: number): string {
  const seconds = Math.max(0, Math.round(ageMs / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/**
 * The one line every view shows: "live", "stale · last update 77 s ago · venue not answering: timed
 * out", "stale · no update yet · …", "unknown · connecting". `nowMs` on the clock of `updatedAtMs`.
 */
export function freshnessText(freshness: Freshness, nowMs: number): string {
  if (freshness.state === 'live') return 'live';
  if (freshness.state === 'unknown') return `unknown · ${freshness.reason}`;
  const age =
    freshness.updatedAtMs === null ? 'no update yet' : `last update ${ageText(nowMs - freshness.updatedAtMs)} ago`;
  return `stale · ${age} · ${freshness.reason}`;
}
