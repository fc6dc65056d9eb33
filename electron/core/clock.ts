import type { Clock } from './ports';

/** The real clock: `Date.now()` and timers that do not keep the process alive. */
export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    every(intervalMs, callback) {
      const timer = setInterval(callback, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
