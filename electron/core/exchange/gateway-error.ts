// Kept apart from errors.ts (which reads ccxt's error classes) so that the rest of the core can
// recognise gateway errors without loading ccxt.

/**
 * What went wrong, in the terms the rest of the core acts on:
 * - `network`: timeouts, drops, rate limits; retryable (retry.ts backs off, honouring `retryAfterMs`).
 * - `auth`: the key is wrong, lacks a permission, or is missing; the user must fix the key.
 * - `clock`: the venue rejected the request time (ccxt `InvalidNonce`); the user must fix the clock.
 * - `unsupported`: the venue does not offer this (e.g. Hyperliquid open-interest history).
 * - `exchange`: anything else the venue answered; `message` carries the venue's own text.
 */
export type GatewayErrorKind = 'network' | 'auth' | 'clock' | 'unsupported' | 'exchange';

/** An error the gateway raises: a user-facing one-line message, never containing key or secret. */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  /** Whether retrying the same call later may succeed. */
  readonly retryable: boolean;
  /** The venue's Retry-After in milliseconds, when it sent one. */
  readonly retryAfterMs: number | null;

  constructor(kind: GatewayErrorKind, message: string, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    this.retryable = kind === 'network';
    this.retryAfterMs = retryAfterMs;
  }
}
