import type { SimHttpResponse } from '../../server/venue-route';

/**
 * Binance's error answers, with the HTTP status and `{code,msg}` body the venue sends, so that
 * ccxt raises the same error class as against the real exchange (-2014/-2015/-1022 ->
 * AuthenticationError, -1021 -> InvalidNonce, -1121 -> BadSymbol, -1102 -> BadRequest).
 */
export function binanceError(status: number, code: number, msg: string): SimHttpResponse {
  return { status, body: { code, msg } };
}

/** The key is unknown, or may not do this (Binance folds both into one answer). */
export function invalidKeyError(): SimHttpResponse {
  return binanceError(401, -2015, 'Invalid API-key, IP, or permissions for action.');
}

/** No `X-MBX-APIKEY` header, or an empty one. */
export function missingKeyError(): SimHttpResponse {
  return binanceError(401, -2014, 'API-key format invalid.');
}

/** The HMAC does not match the request. */
export function badSignatureError(): SimHttpResponse {
  return binanceError(400, -1022, 'Signature for this request is not valid.');
}

/** A required parameter is absent or empty. */
export function missingParameterError(name: string): SimHttpResponse {
  return binanceError(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
}

/** The symbol is not listed. */
export function invalidSymbolError(): SimHttpResponse {
  return binanceError(400, -1121, 'Invalid symbol.');
}

/** The kline interval or data period is not one the venue serves. */
export function invalidIntervalError(): SimHttpResponse {
  return binanceError(400, -1120, 'Invalid interval.');
}

/** A path the simulated venue does not serve. */
export function unknownPathError(method: string, path: string): SimHttpResponse {
  return binanceError(404, -5000, `Path ${path}, Method ${method} is invalid`);
}
