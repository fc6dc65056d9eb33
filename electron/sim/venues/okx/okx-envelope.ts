import type { SimHttpResponse } from '../../server/venue-route';

/** OKX v5 error codes the simulator uses (https://www.okx.com/docs-v5/en/#error-code). */
export const okxCodes = {
  /** Timestamp request expired. */
  expired: '50102',
  /** Request header OK-ACCESS-KEY cannot be empty. */
  missingKey: '50103',
  /** Request header OK-ACCESS-PASSPHRASE cannot be empty. */
  missingPassphrase: '50104',
  /** Request header OK-ACCESS-PASSPHRASE incorrect. */
  wrongPassphrase: '50105',
  /** Request header OK-ACCESS-TIMESTAMP cannot be empty. */
  missingTimestamp: '50107',
  /** Invalid OK-ACCESS-KEY. */
  invalidKey: '50111',
  /** Invalid Sign. */
  invalidSign: '50113',
  /** Parameter error. */
  badParameter: '51000',
  /** Instrument ID does not exist. */
  unknownInstrument: '51001',
} as const;

/** The v5 success envelope `{code: "0", msg: "", data: [...]}`. */
export function okxReply(data: readonly unknown[]): SimHttpResponse {
  return { status: 200, body: { code: '0', msg: '', data } };
}

/**
 * An error envelope. Authentication failures answer HTTP 401 and parameter errors HTTP 200 (OKX
 * puts business errors in the body); ccxt maps the code either way.
 */
export function okxError(code: string, msg: string, status = 200): SimHttpResponse {
  return { status, body: { code, msg, data: [] } };
}
