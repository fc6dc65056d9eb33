/** Admits a bounded number of backfills at once; the rest wait in line, a charted market first. */
export interface BackfillGate {
  /**
   * Waits for a slot; resolves with the release (idempotent). A waiter found stopped when its turn
   * comes resolves at once with a release that frees nothing, so no one waits forever.
   */
  enter(id: string, isStopped: () => boolean): Promise<() => void>;
  /** Moves a waiting backfill to the front of the line (the chart asked for it). */
  promote(id: string): void;
}

/**
 * Creates a gate of `limit` slots. Backfills are the heavy part of a market (thousands of candles,
 * paged through the venue's rate limit); running every position's market at once would make the
 * charted one wait behind them and spike the venue's request weight.
 */
export function createBackfillGate(limit: number): BackfillGate {
  let running = 0;
  const line: { id: string; isStopped: () => boolean; admit: () => void; skip: () => void }[] = [];

  const next = (): void => {
    while (running < limit && line.length > 0) {
      const waiting = line.shift();
      if (waiting === undefined) break;
      if (waiting.isStopped()) {
        waiting.skip();
        continue;
      }
      running++;
      waiting.admit();
    }
  };

  return {
    enter(id, isStopped) {
      return new Promise((resolve) => {
        line.push({
          id,
          isStopped,
          skip: () => resolve(() => undefined),
          admit: () => {
            let released = false;
            resolve(() => {
              if (released) return;
              released = true;
              running--;
              next();
            });
          },
        });
        next();
      });
    },
    promote(id) {
      const index = line.findIndex((waiting) => waiting.id === id);
      if (index <= 0) return;
      const [waiting] = line.splice(index, 1);
      if (waiting !== undefined) line.unshift(waiting);
    },
  };
}
