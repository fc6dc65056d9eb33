import type { SimMarket } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import type { SimHttpRequest, SimHttpResponse } from '../../server/venue-route';
import { bybitCodes, bybitError } from './bybit-envelope';

/** What a Bybit endpoint handler gets: the request, the market, and the server's wall clock. */
export interface BybitCall {
  readonly request: SimHttpRequest;
  readonly market: SimMarket;
  /** Server time (wall clock), for envelopes and signatures; market data carries simulated time. */
  readonly wallNowMs: number;
}

/** A public endpoint. */
export type BybitPublicHandler = (call: BybitCall) => SimHttpResponse;

/** A signed endpoint, called only after the signature checked out. */
export type BybitPrivateHandler = (call: BybitCall, key: SimKey) => SimHttpResponse;

/** A bad-parameter answer (retCode 10001), as Bybit gives for a missing or malformed field. */
export function badParameter(call: BybitCall, detail: string): SimHttpResponse {
  return bybitError(bybitCodes.badParameter, `params error: ${detail}`, call.wallNowMs);
}

/** An optional integer query parameter; undefined when absent, NaN when malformed. */
export function integerParameter(call: BybitCall, name: string): number | undefined {
  const text = call.request.query.get(name);
  if (text === null || text === '') return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** `limit` capped at `max`, `fallback` when absent; undefined when malformed or below 1. */
export function limitParameter(call: BybitCall, fallback: number, max: number): number | undefined {
  const limit = integerParameter(call, 'limit');
  if (limit === undefined) return fallback;
  return Number.isInteger(limit) && limit >= 1 ? Math.min(limit, max) : undefined;
}
