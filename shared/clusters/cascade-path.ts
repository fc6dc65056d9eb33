import type { Side } from '../domain/side';
import type { Profile } from './profile';

/** The liquidation volume between the mark and a target price. */
export interface CascadePath {
  /** Long levels when the target is below the mark (a fall runs through them), short when above. */
  readonly side: Side;
  readonly fromPrice: number;
  readonly toPrice: number;
  /** USD of that side's levels with a bin middle between the two prices (inclusive). */
  readonly totalUsd: number;
  /** The non-empty bins on the way, nearest the mark first. */
  readonly bins: readonly { readonly low: number; readonly high: number; readonly usd: number }[];
  /** The largest of them, or null when the path is empty. */
  readonly largest: { readonly low: number; readonly high: number; readonly usd: number } | null;
}

/**
 * How much liquidation volume lies between `markPrice` and `targetPrice` (a trader's own
 * liquidation price, a stop), and where: forced orders of that side push price toward the target,
 * so this is the fuel of a cascade into it.
 */
export function cascadePath(profile: Profile, markPrice: number, targetPrice: number): CascadePath {
  const side: Side = targetPrice < markPrice ? 'long' : 'short';
  const values = side === 'long' ? profile.long : profile.short;
  const lo = Math.min(markPrice, targetPrice),
    hi = Math.max(markPrice, targetPrice);
  const bins: { low: number; high: number; usd: number }[] = [];
  let totalUsd = 0;
  let largest: CascadePath['largest'] = null;
  for (let i = 0; i < values.length; i++) {
    const usd = values[i] ?? 0;
    const bin = profile.firstBin + i;
    const mid = profile.grid.mid(bin);
    if (usd <= 0 || mid < lo || mid > hi) continue;
    const entry = { low: profile.grid.low(bin), high: profile.grid.high(bin), usd };
    bins.push(entry);
    totalUsd += usd;
    if (largest === null || usd > largest.usd) largest = entry;
  }
  if (side === 'long') bins.reverse();
  return { side, fromPrice: markPrice, toPrice: targetPrice, totalUsd, bins, largest };
}
