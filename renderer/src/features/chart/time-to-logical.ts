/**
 * Fractional bar index (lightweight-charts' "logical" coordinate) of a moment, from the bars' open
 * times (UTC seconds, ascending). Inside the data it interpolates between the bars around it; past
 * either end it extrapolates at `barSeconds` per bar, so heatmap columns that begin between bars
 * (hourly snapshots on 4h bars) or after the last bar still land where time says. NaN when there
 * are no bars.
 */
export function logicalOfTime(
  times: ArrayLike<number>,
  count: number,
  timeSeconds: number,
  barSeconds: number,
): number {
  if (count <= 0) return Number.NaN;
  const first = times[0] ?? 0,
    last = times[count - 1] ?? 0;
  if (timeSeconds <= first) return (timeSeconds - first) / barSeconds;
  if (timeSeconds >= last) return count - 1 + (timeSeconds - last) / barSeconds;
  let lo = 0,
    hi = count - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? 0) <= timeSeconds) lo = mid;
    else hi = mid;
  }
  const a = times[lo] ?? 0,
    b = times[hi] ?? a;
  // A gap (missing bars) is crossed at the bar length, then the rest of the gap is squeezed.
  return lo + Math.min(1, (timeSeconds - a) / Math.min(barSeconds, Math.max(1, b - a)));
}
