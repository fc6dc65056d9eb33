import type { SimMarket } from './types';

/** How fast to drive a market: `speed`× real time, one `advance` every `tickMs` of real time. */
export interface RealtimeOptions {
  /** Simulated ms per real ms: 1 (real time) up to e.g. 3600 (an hour per second). */
  readonly speed: number;
  /** Real ms between advances. Default 250. */
  readonly tickMs?: number;
}

/**
 * Drives `market.advance` on a timer at `speed`× real time. The advance per tick follows the real
 * time that elapsed (so a late timer does not slow the market down), capped at 10 ticks' worth
 * after a long stall. The timer is unref'd: it never keeps the process alive. Returns a stop
 * function (idempotent). Throws on a speed or tick that is not a positive finite number.
 */
export function startRealtime(market: SimMarket, options: RealtimeOptions): () => void {
  const tickMs = options.tickMs ?? 250;
  if (!(options.speed > 0) || !Number.isFinite(options.speed) || !(tickMs > 0) || !Number.isFinite(tickMs)) {
    throw new Error('startRealtime needs a positive speed and tickMs');
  }
  let lastMs = performance.now();
  const timer = setInterval(() => {
    const nowMs = performance.now();
    const elapsedMs = Math.min(nowMs - lastMs, 10 * tickMs);
    lastMs = nowMs;
    market.advance(Math.round(elapsedMs * options.speed));
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
