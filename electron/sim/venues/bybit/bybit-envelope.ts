import type { SimHttpResponse } from '../../server/venue-route';

/** Bybit v5 return codes the simulator uses (https://bybit-exchange.github.io/docs/v5/error). */
export const bybitCodes = {
  ok: 0,
  /** Parameter error. */
  badParameter: 10001,
  /** Timestamp outside the receive window. */
  expired: 10002,
  /** Unknown API key. */
  invalidKey: 10003,
  /** Signature mismatch. */
  invalidSign: 10004,
} as const;

/**
 * The v5 envelope `{retCode, retMsg, result, retExtInfo, time}`. Bybit answers errors with HTTP 200
 * and the code in the body, which is where ccxt looks for it.
 */
export function bybitReply(result: unknown, wallNowMs: number, retCode = 0, retMsg = 'OK'): SimHttpResponse {
  return { status: 200, body: { retCode, retMsg, result, retExtInfo: {}, time: wallNowMs } };
}

/** An error envelope with an empty result. */
export function bybitError(retCode: number, retMsg: string, wallNowMs: number): SimHttpResponse {
  return bybitReply({}, wallNowMs, retCode, retMsg);
}
