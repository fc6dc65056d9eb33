import { venueFacts, type Venue } from '../../../shared/domain/venue';
import { ccxtErrors } from './ccxt-modules';
import { GatewayError } from './gateway-error';

export { GatewayError, type GatewayErrorKind } from './gateway-error';

/** Removes every secret (and request signatures) from a message before it can reach a user or a log. */
export function redact(message: string, secrets: readonly string[]): string {
  let text = message;
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join('***');
  // Signed query strings carry signatures and sometimes keys; the venue's own text is what matters.
  return text.replace(/(signature|sign|apiKey|api_key)=[^&\s"]+/gi, '$1=***');
}

/**
 * Maps anything a ccxt call threw to a `GatewayError`. ccxt's hierarchy: `RateLimitExceeded` ⊂
 * `DDoSProtection` ⊂ `NetworkError` ⊃ `RequestTimeout`; `PermissionDenied` ⊂ `AuthenticationError`;
 * `InvalidNonce` ⊂ `NetworkError` (so it is tested first). A `GatewayError` passes through unchanged.
 *
 * @param venue whose registry name the message carries, e.g. "Binance USDⓈ-M".
 * @param secrets the key, secret and passphrase, scrubbed from every message.
 * @param retryAfterMs the venue's Retry-After header of the failed response, when known.
 */
export function mapCcxtError(
  error: unknown,
  venue: Venue,
  secrets: readonly string[],
  retryAfterMs: number | null = null,
): GatewayError {
  if (error instanceof GatewayError) return error;
  const facts = venueFacts(venue);
  const venueLabel = facts.full;
  const raw = error instanceof Error ? error.message : String(error);
  const venueText = cutVenueText(redact(raw, secrets).replace(/\s+/g, ' ').trim());
  // ccxt 4.5 derives InvalidNonce from NetworkError: it must be matched first, or a clock problem would be retried forever.
  if (error instanceof ccxtErrors.InvalidNonce) {
    return new GatewayError(
      'clock',
      `${venueLabel} rejected the request time: your computer's clock is off; sync it with internet time. (${venueText})`,
    );
  }
  if (error instanceof ccxtErrors.NetworkError) {
    const what =
      error instanceof ccxtErrors.RateLimitExceeded || error instanceof ccxtErrors.DDoSProtection
        ? 'is rate-limiting requests'
        : error instanceof ccxtErrors.RequestTimeout
          ? 'did not answer in time'
          : 'could not be reached';
    return new GatewayError('network', `${venueLabel} ${what}; retrying. (${venueText})`, retryAfterMs);
  }
  if (error instanceof ccxtErrors.AuthenticationError) {
    return new GatewayError(
      'auth',
      `${venueLabel} refused the API key: check your key, secret${facts.credentials === 'key-passphrase' ? ', passphrase' : ''} and its read permission. (${venueText})`,
    );
  }
  if (error instanceof ccxtErrors.NotSupported)
    return new GatewayError('unsupported', `${venueLabel} does not offer this. (${venueText})`);
  if (error instanceof ccxtErrors.ExchangeError) return new GatewayError('exchange', `${venueLabel}: ${venueText}`);
  return new GatewayError('exchange', `${venueLabel}: unexpected error: ${venueText}`);
}

/** Longest part of a venue's own error text kept in a message, in characters. */
export const maxVenueTextLength = 300;

/**
 * A venue's error text cut to `maxVenueTextLength`: ccxt puts the whole response body in its
 * message, and a host that answers with a 3 MB error page must not have it shown, logged or sent on.
 */
function cutVenueText(text: string): string {
  return text.length > maxVenueTextLength ? `${text.slice(0, maxVenueTextLength - 1)}…` : text;
}

/**
 * Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds from `nowMs`;
 * null when absent or unparseable.
 */
export function parseRetryAfter(header: unknown, nowMs: number): number | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
