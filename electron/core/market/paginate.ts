/** What one page request needs. */
export interface PageRequest<T> {
  /** Fetches the page starting at `sinceMs` (inclusive), oldest first. */
  readonly fetch: (sinceMs: number) => Promise<readonly T[]>;
  readonly timeOf: (item: T) => number;
  /** Start of the range, Unix ms (inclusive). */
  readonly fromMs: number;
  /** End of the range, Unix ms (exclusive). */
  readonly toMs: number;
  /** Called after each page with the time reached, for progress. */
  readonly onPage?: (reachedMs: number) => void;
  /** Safety stop, pages (default 500). */
  readonly maxPages?: number;
}

/**
 * Pages forward through a time series with `sinceMs`, keeping items in [fromMs, toMs), oldest first
 * and without duplicates. Stops at the end of the range, on an empty page, or when a page brings
 * nothing newer (a venue that ignores `since` returns its newest page every time).
 */
export async function paginate<T>(request: PageRequest<T>): Promise<T[]> {
  const out: T[] = [];
  let since = request.fromMs;
  let lastTime = -Infinity;
  for (let page = 0; page < (request.maxPages ?? 500) && since < request.toMs; page++) {
    const items = await request.fetch(since);
    let newest = -Infinity;
    for (const item of items) {
      const time = request.timeOf(item);
      newest = Math.max(newest, time);
      if (time > lastTime && time >= request.fromMs && time < request.toMs) {
        out.push(item);
        lastTime = time;
      }
    }
    request.onPage?.(Math.min(request.toMs, Math.max(since, newest)));
    if (!(newest >= since)) break;
    since = newest + 1;
  }
  return out;
}
