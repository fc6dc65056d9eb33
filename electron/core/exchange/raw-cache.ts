import type { RawCall } from './venues/mode-source';

/** A raw call that keeps the answers of slow-changing endpoints for a while. */
export interface CachedRawCall {
  readonly call: RawCall;
  /** Forgets every kept answer, so the next read asks the venue again (after a failed read: a reconnect). */
  clear(): void;
}

/**
 * Wraps `raw` so that a method listed in `lifetimes` (raw method name → how long its answer holds,
 * ms) is asked once per params per lifetime; any other method passes straight through. A failed
 * answer is never kept. `nowMs` is the clock (Unix ms).
 */
export function cachedRawCall(
  raw: RawCall,
  lifetimes: Readonly<Record<string, number>>,
  nowMs: () => number = Date.now,
): CachedRawCall {
  const kept = new Map<string, { readonly atMs: number; readonly answer: Promise<unknown> }>();
  return {
    call(method, params) {
      const lifetimeMs = lifetimes[method];
      if (lifetimeMs === undefined) return raw(method, params);
      const key = `${method} ${JSON.stringify(params)}`;
      const found = kept.get(key);
      if (found !== undefined && nowMs() - found.atMs < lifetimeMs) return found.answer;
      const answer = raw(method, params);
      const entry = { atMs: nowMs(), answer };
      kept.set(key, entry);
      answer.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      return answer;
    },
    clear: () => kept.clear(),
  };
}
