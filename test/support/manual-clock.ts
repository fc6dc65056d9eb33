import type { Clock } from '../../electron/core/ports';

/** A clock that moves only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  activeTimers(): number;
}

/** Creates a manual clock starting at `startMs`. */
export function createManualClock(startMs = Date.UTC(2026, 10, 21, 12, 0, 0)): ManualClock {
  let nowMs = startMs;
  const timers = new Set<{ intervalMs: number; nextMs: number; callback: () => void }>();
  return {
    now: () => nowMs,
    every(intervalMs, callback) {
      const timer = { intervalMs, nextMs: nowMs + intervalMs, callback };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const target = nowMs + ms;
      for (;;) {
        let due: { intervalMs: number; nextMs: number; callback: () => void } | undefined;
        for (const timer of timers) if (timer.nextMs <= target && (!due || timer.nextMs < due.nextMs)) due = timer;
        if (!due) break;
        nowMs = due.nextMs;
        due.nextMs += due.intervalMs;
        due.callback();
      }
      nowMs = target;
    },
    activeTimers: () => timers.size,
  };
}
