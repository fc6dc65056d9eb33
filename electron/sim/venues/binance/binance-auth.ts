import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimKey, SimKeyRing } from '../../server/sim-keys';
import type { SimHttpRequest, SimHttpResponse } from '../../server/venue-route';
import {
  badSignatureError,
  binanceError,
  invalidKeyError,
  missingKeyError,
  missingParameterError,
} from './binance-errors';

/** Binance's default and largest accepted `recvWindow`, ms. */
const defaultRecvWindowMs = 5000;
const maxRecvWindowMs = 60_000;
/** How far ahead of the server a timestamp may be, ms (Binance: 1000). */
const maxAheadMs = 1000;

/** What a signed request proved: the key, or the answer Binance gives when it fails. */
export type SignedCheck = { readonly key: SimKey } | { readonly error: SimHttpResponse };

/** Whether the signed endpoint reads account data (needs the key's read permission). */
export type SignedAccess = 'user-data' | 'key-info';

/**
 * Checks a SIGNED Binance request: `X-MBX-APIKEY` names a known key, `signature` is the
 * hex HMAC-SHA256 of the query string concatenated with the body (signature removed), and
 * `timestamp` lies within `recvWindow` of `wallNowMs`.
 *
 * `wallNowMs` is the host's real clock, not the market clock: ccxt stamps requests with the real
 * time, and the simulated market may run in the past or at replay speed.
 * `access: 'key-info'` skips the read-permission check (apiRestrictions must answer for any valid key).
 */
export function checkSignedRequest(
  request: SimHttpRequest,
  keys: SimKeyRing,
  wallNowMs: number,
  access: SignedAccess = 'user-data',
): SignedCheck {
  const header = request.headers['x-mbx-apikey'];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (!apiKey) return { error: missingKeyError() };
  const key = keys.find('binance-usdm', apiKey);
  if (!key) return { error: invalidKeyError() };

  const params = new URLSearchParams(request.rawQuery);
  for (const [name, value] of new URLSearchParams(request.body)) params.append(name, value);
  const signature = params.get('signature');
  if (!signature) return { error: missingParameterError('signature') };
  const timestampText = params.get('timestamp');
  if (!timestampText) return { error: missingParameterError('timestamp') };

  if (!signatureMatches(signedPayload(request), key.secret, signature)) return { error: badSignatureError() };

  const recvWindowMs = Number(params.get('recvWindow') ?? defaultRecvWindowMs);
  if (!Number.isFinite(recvWindowMs) || recvWindowMs <= 0 || recvWindowMs > maxRecvWindowMs) {
    return { error: binanceError(400, -1131, 'recvWindow must be less than 60000') };
  }
  const timestampMs = Number(timestampText);
  if (!Number.isFinite(timestampMs)) return { error: missingParameterError('timestamp') };
  if (timestampMs >= wallNowMs + maxAheadMs) {
    return { error: binanceError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.") };
  }
  if (wallNowMs - timestampMs > recvWindowMs) {
    return { error: binanceError(400, -1021, 'Timestamp for this request is outside of the recvWindow.') };
  }
  if (access === 'user-data' && !key.permissions.read) return { error: invalidKeyError() };
  return { key };
}

/** Query string + body, each without its `signature=` parameter: what the client signed. */
function signedPayload(request: SimHttpRequest): string {
  const strip = (text: string): string =>
    text
      .split('&')
      .filter((part) => part !== '' && !part.startsWith('signature='))
      .join('&');
  return strip(request.rawQuery) + strip(request.body);
}

function signatureMatches(payload: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('hex'), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
