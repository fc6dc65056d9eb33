/** A leading-and-trailing throttle: at most one call per `intervalMs`, the latest request always delivered. */
export interface Throttle {
  /** Asks for a run; runs now if the interval has passed, else once when it has. */
  request(): void;
  /** Runs now if a run is pending (e.g. before stopping), else nothing. */
  flush(): void;
  /** Drops any pending run. */
  cancel(): void;
}

/**
 * Creates a throttle around `run` using `now` for time and a real timer for the trailing run (the
 * timer does not keep the process alive). Mark ticks arrive up to 10/s; the chart needs ~4.
 */
export function createThrottle(run: () => void, intervalMs: number, now: () => number): Throttle {
  let lastMs = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  const fire = (): void => {
    timer = undefined;
    pending = false;
    lastMs = now();
    run();
  };
  return {
    request() {
      pending = true;
      if (timer !== undefined) return;
      const wait = lastMs + intervalMs - now();
      if (wait <= 0) fire();
      else {
        timer = setTimeout(fire, wait);
        timer.unref();
      }
    },
    flush() {
      if (!pending) return;
      if (timer !== undefined) clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}
