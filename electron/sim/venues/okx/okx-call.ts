import type { SimInstrument, SimMarket } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import type { SimHttpRequest, SimHttpResponse } from '../../server/venue-route';
import { okxCodes, okxError } from './okx-envelope';
import { findOkxInstrument, okxFamily } from './okx-instruments';

/** What an OKX endpoint handler gets: the request, the market, and the server's wall clock. */
export interface OkxCall {
  readonly request: SimHttpRequest;
  readonly market: SimMarket;
  /** Server time (wall clock); market data carries simulated time. */
  readonly wallNowMs: number;
}

/** A public endpoint. */
export type OkxPublicHandler = (call: OkxCall) => SimHttpResponse;

/** A signed endpoint, called only after the signature checked out. */
export type OkxPrivateHandler = (call: OkxCall, key: SimKey) => SimHttpResponse;

/** OKX's parameter error (51000), naming the parameter. */
export function badParameter(name: string): SimHttpResponse {
  return okxError(okxCodes.badParameter, `Parameter ${name} error`);
}

/** An optional integer parameter; undefined when absent, NaN when malformed. */
export function integerParameter(call: OkxCall, name: string): number | undefined {
  const text = call.request.query.get(name);
  if (text === null || text === '') return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** `limit` within [1, max], `fallback` when absent; undefined when malformed. */
export function limitParameter(call: OkxCall, fallback: number, max: number): number | undefined {
  const limit = integerParameter(call, 'limit');
  if (limit === undefined) return fallback;
  return Number.isInteger(limit) && limit >= 1 ? Math.min(limit, max) : undefined;
}

/**
 * The swaps a request selects by `instId` (comma-separated lists allowed), `instFamily` or `uly`;
 * all swaps when none is given. Undefined when an instId is not listed (answer 51001).
 */
export function selectInstruments(call: OkxCall): readonly SimInstrument[] | undefined {
  const query = call.request.query;
  const instIds = (query.get('instId') ?? '').split(',').filter((id) => id !== '');
  if (instIds.length > 0) {
    const found = instIds.map((id) => findOkxInstrument(call.market, id));
    return found.every((instrument) => instrument !== undefined) ? found : undefined;
  }
  const family = query.get('instFamily') || query.get('uly');
  return family
    ? call.market.instruments.filter((instrument) => okxFamily(instrument) === family)
    : call.market.instruments;
}

/** The answer for an unknown instrument. */
export function unknownInstrument(): SimHttpResponse {
  return okxError(okxCodes.unknownInstrument, "Instrument ID doesn't exist.");
}
