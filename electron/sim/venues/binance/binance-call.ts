import type { SimInstrument } from '../../market/types';
import type { SimHttpRequest, SimHttpResponse, VenueContext } from '../../server/venue-route';
import { invalidSymbolError, missingParameterError } from './binance-errors';

/** One REST call as the Binance handlers see it. */
export interface BinanceCall {
  readonly request: SimHttpRequest;
  /** Query and form-body parameters together. */
  readonly params: URLSearchParams;
  readonly context: VenueContext;
  /** The host's real clock, epoch ms (server time and signature windows). */
  readonly wallNowMs: number;
}

/** A REST handler: one path of the simulated venue. */
export type BinanceHandler = (call: BinanceCall) => SimHttpResponse;

/** The instrument named by the `symbol` parameter, or Binance's error when it is missing or unknown. */
export function requireSymbol(call: BinanceCall): { instrument: SimInstrument } | { error: SimHttpResponse } {
  const symbol = call.params.get('symbol');
  if (!symbol) return { error: missingParameterError('symbol') };
  const instrument = call.context.market.instruments.find((i) => i.symbol === symbol.toUpperCase());
  return instrument ? { instrument } : { error: invalidSymbolError() };
}

/** The instrument named by an optional `symbol`: null when absent, an error when unknown. */
export function optionalSymbol(call: BinanceCall): { instrument: SimInstrument | null } | { error: SimHttpResponse } {
  return call.params.get('symbol') ? requireSymbol(call) : { instrument: null };
}

/** An integer parameter clamped to [1, max], or `fallback` when absent or not a number. */
export function limitParam(call: BinanceCall, fallback: number, max: number): number {
  const value = Number(call.params.get('limit'));
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** An epoch-ms parameter, or null when absent or not a number. */
export function timeParam(call: BinanceCall, name: string): number | null {
  const text = call.params.get(name);
  if (text === null || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A 200 answer. */
export function ok(body: unknown): SimHttpResponse {
  return { status: 200, body };
}
