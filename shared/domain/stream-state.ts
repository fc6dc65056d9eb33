/**
 * Health of one live stream, reported whenever it changes.
 *
 * - `live`: subscribed and data arrived within the stream's expected cadence.
 * - `reconnecting`: the connection failed or closed; the gateway is retrying with backoff.
 * - `stale`: connected, but nothing arrived within the expected cadence (the data shown is old).
 */
export type StreamState =
  | { readonly status: 'live'; readonly sinceMs: number }
  | { readonly status: 'reconnecting'; readonly sinceMs: number; readonly reason: string; readonly attempt: number }
  | { readonly status: 'stale'; readonly sinceMs: number; readonly reason: string };

/** One mark-price update. */
export interface MarkTick {
  /** The venue's symbol. */
  readonly symbol: string;
  /** Mark price, quote currency. */
  readonly markPrice: number;
  /** Index price, or null when the stream does not carry it. */
  readonly indexPrice: number | null;
  /** Current funding rate per funding interval, a fraction, or null when not carried. */
  readonly fundingRate: number | null;
  /** The venue's event time, Unix milliseconds (receipt time when the venue sends none). */
  readonly timeMs: number;
}
