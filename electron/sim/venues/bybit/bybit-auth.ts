import { createHmac } from 'node:crypto';
import { header, sameText } from '../common/request-auth';
import type { SimKey, SimKeyRing } from '../../server/sim-keys';
import type { SimHttpRequest } from '../../server/venue-route';
import { bybitCodes } from './bybit-envelope';

/** Why a signed request was refused, with Bybit's code and message. */
export interface BybitAuthFailure {
  readonly retCode: number;
  readonly retMsg: string;
}

const defaultRecvWindowMs = 5000;

/**
 * Checks a v5 signed request the way Bybit does: `X-BAPI-API-KEY` must be a known key,
 * `X-BAPI-TIMESTAMP` within `X-BAPI-RECV-WINDOW` of the server clock (wall time, not simulated
 * time: clients sign with their own clock), and `X-BAPI-SIGN` = hex HMAC-SHA256 of
 * timestamp + apiKey + recvWindow + (raw query string for GET | body for POST).
 */
export function verifyBybitRequest(
  request: SimHttpRequest,
  keys: SimKeyRing,
  wallNowMs: number,
): SimKey | BybitAuthFailure {
  const apiKey = header(request, 'x-bapi-api-key');
  const key = apiKey ? keys.find('bybit-linear', apiKey) : undefined;
  if (!key) return { retCode: bybitCodes.invalidKey, retMsg: 'API key is invalid.' };
  const timestamp = header(request, 'x-bapi-timestamp');
  const recvWindow = header(request, 'x-bapi-recv-window') || String(defaultRecvWindowMs);
  const timestampMs = Number(timestamp);
  const recvWindowMs = Number(recvWindow);
  if (!timestamp || !Number.isFinite(timestampMs) || !Number.isFinite(recvWindowMs)) {
    return {
      retCode: bybitCodes.badParameter,
      retMsg: 'invalid request, please check your timestamp and recv_window param',
    };
  }
  // Bybit's rule: server_time - recv_window <= timestamp < server_time + 1000.
  if (timestampMs < wallNowMs - recvWindowMs || timestampMs >= wallNowMs + 1000) {
    return {
      retCode: bybitCodes.expired,
      retMsg: `invalid request, please check your server timestamp or recv_window param. req_timestamp[${timestamp}],server_timestamp[${wallNowMs}],recv_window[${recvWindow}]`,
    };
  }
  const payload = timestamp + apiKey + recvWindow + (request.method === 'GET' ? request.rawQuery : request.body);
  const expected = createHmac('sha256', key.secret).update(payload).digest('hex');
  const given = header(request, 'x-bapi-sign').toLowerCase();
  if (!sameText(given, expected))
    return { retCode: bybitCodes.invalidSign, retMsg: 'error sign! origin_string[' + payload + ']' };
  return key;
}

/** True when `value` is a refusal rather than a key. */
export function isBybitAuthFailure(value: SimKey | BybitAuthFailure): value is BybitAuthFailure {
  return 'retCode' in value;
}
