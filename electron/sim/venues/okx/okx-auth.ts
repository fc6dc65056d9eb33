import { createHmac } from 'node:crypto';
import { header, sameText } from '../common/request-auth';
import type { SimKey, SimKeyRing } from '../../server/sim-keys';
import type { SimHttpRequest } from '../../server/venue-route';
import { okxCodes } from './okx-envelope';

/** Why a signed request was refused, with OKX's code and message. */
export interface OkxAuthFailure {
  readonly code: string;
  readonly msg: string;
}

/** How far the request timestamp may be from the server clock (OKX: 30 seconds). */
const maxSkewMs = 30_000;

/**
 * Checks a v5 signed request in OKX's order: `OK-ACCESS-KEY` known, `OK-ACCESS-PASSPHRASE` the
 * key's, `OK-ACCESS-TIMESTAMP` (ISO 8601 ms) within 30 s of the server's wall clock, and
 * `OK-ACCESS-SIGN` = base64 HMAC-SHA256 of timestamp + METHOD + request path (with '?query' for GET)
 * + body. The request path is the one under the venue prefix ('/api/v5/...').
 */
export function verifyOkxRequest(
  request: SimHttpRequest,
  keys: SimKeyRing,
  wallNowMs: number,
): SimKey | OkxAuthFailure {
  const apiKey = header(request, 'ok-access-key');
  if (!apiKey) return { code: okxCodes.missingKey, msg: 'Request header OK-ACCESS-KEY cannot be empty.' };
  const key = keys.find('okx-swap', apiKey);
  if (!key) return { code: okxCodes.invalidKey, msg: 'Invalid OK-ACCESS-KEY' };
  const passphrase = header(request, 'ok-access-passphrase');
  if (!passphrase)
    return { code: okxCodes.missingPassphrase, msg: 'Request header OK-ACCESS-PASSPHRASE cannot be empty.' };
  if (!sameText(passphrase, key.passphrase ?? ''))
    return { code: okxCodes.wrongPassphrase, msg: 'Request header OK-ACCESS-PASSPHRASE incorrect.' };
  const timestamp = header(request, 'ok-access-timestamp');
  if (!timestamp)
    return { code: okxCodes.missingTimestamp, msg: 'Request header OK-ACCESS-TIMESTAMP cannot be empty.' };
  const timestampMs = Date.parse(timestamp);
  if (!Number.isFinite(timestampMs) || Math.abs(timestampMs - wallNowMs) > maxSkewMs)
    return { code: okxCodes.expired, msg: 'Timestamp request expired' };
  const path = request.method === 'GET' && request.rawQuery ? `${request.path}?${request.rawQuery}` : request.path;
  const payload = timestamp + request.method.toUpperCase() + path + (request.method === 'GET' ? '' : request.body);
  const expected = createHmac('sha256', key.secret).update(payload).digest('base64');
  if (!sameText(header(request, 'ok-access-sign'), expected))
    return { code: okxCodes.invalidSign, msg: 'Invalid Sign' };
  return key;
}

/** True when `value` is a refusal rather than a key. */
export function isOkxAuthFailure(value: SimKey | OkxAuthFailure): value is OkxAuthFailure {
  return 'code' in value;
}
