import type { SimVenue } from '../market/types';
import type { SimHttpResponse } from './venue-route';

/** A venue's documented REST limit: at most `weight` in any `windowMs`. */
export interface VenueLimit {
  readonly weight: number;
  readonly windowMs: number;
  /** Where the number comes from. */
  readonly source: string;
}

/**
 * The per-IP REST limits the weights count against. Binance: REQUEST_WEIGHT 2400 per minute
 * (exchangeInfo rateLimits). Bybit: 600 requests per 5 s per IP (rate-limit page). OKX: limits are
 * per endpoint, 10–40 requests per 2 s; 20 per 2 s is the account endpoints' figure, used here for
 * the venue as a whole (conservative for candles). Hyperliquid: 1200 weight per minute per IP.
 */
export const venueLimits: Readonly<Record<SimVenue, VenueLimit>> = {
  'binance-usdm': { weight: 2400, windowMs: 60_000, source: 'Binance USDⓈ-M REQUEST_WEIGHT 2400/min' },
  'bybit-linear': { weight: 600, windowMs: 5_000, source: 'Bybit 600 requests per 5 s per IP' },
  'okx-swap': { weight: 20, windowMs: 2_000, source: 'OKX 20 requests per 2 s (account endpoints)' },
  hyperliquid: { weight: 1200, windowMs: 60_000, source: 'Hyperliquid 1200 weight per minute per IP' },
};

/** Binance USDⓈ-M endpoint weights as documented; anything not listed weighs 1. */
const binanceWeights: Readonly<Record<string, number>> = {
  '/fapi/v2/positionRisk': 5,
  '/fapi/v3/positionRisk': 5,
  '/fapi/v2/balance': 5,
  '/fapi/v3/balance': 5,
  '/fapi/v2/account': 5,
  '/fapi/v3/account': 5,
  '/fapi/v1/exchangeInfo': 1,
  '/fapi/v1/leverageBracket': 1,
  '/futures/data/openInterestHist': 1,
  '/futures/data/takerlongshortRatio': 1,
};

/** Binance klines (any price kind) weigh by `limit`: <100 → 1, <500 → 2, ≤1000 → 5, more → 10; default 500. */
function klinesWeight(limitText: string | null): number {
  const limit = limitText === null ? 500 : Number(limitText);
  if (limit < 100) return 1;
  if (limit < 500) return 2;
  if (limit <= 1000) return 5;
  return 10;
}

/** Hyperliquid info weights: 2 for the light account/book reads, 60 for userRole, 20 for the rest. */
function hyperliquidWeight(body: string): number {
  let type: unknown;
  try {
    type = (JSON.parse(body) as { type?: unknown }).type;
  } catch {
    return 20;
  }
  if (
    type === 'clearinghouseState' ||
    type === 'spotClearinghouseState' ||
    type === 'l2Book' ||
    type === 'allMids' ||
    type === 'orderStatus' ||
    type === 'exchangeStatus'
  )
    return 2;
  return type === 'userRole' ? 60 : 20;
}

/** What one REST request costs against `venueLimits[venue]` (Bybit and OKX count requests). */
export function requestWeight(venue: SimVenue, path: string, query: URLSearchParams, body: string): number {
  if (venue === 'hyperliquid') return hyperliquidWeight(body);
  if (venue !== 'binance-usdm') return 1;
  if (path.endsWith('Klines') || path.endsWith('/klines')) return klinesWeight(query.get('limit'));
  return binanceWeights[path] ?? 1;
}

/** The field each venue's position payload names the liquidation price (the wrong-type fault's default). */
export const wrongTypeFields: Readonly<Record<SimVenue, readonly string[]>> = {
  'binance-usdm': ['liquidationPrice'],
  'bybit-linear': ['liqPrice'],
  'okx-swap': ['liqPx'],
  hyperliquid: ['liquidationPx'],
};

/** The venue's own rate-limit body (what ccxt reads to raise RateLimitExceeded / DDoSProtection). */
export function faultBody(venue: SimVenue, status: 429 | 418): unknown {
  switch (venue) {
    case 'binance-usdm':
      return status === 418
        ? {
            code: -1003,
            msg: 'Way too many requests; IP banned until later. Please use the websocket for live updates to avoid bans.',
          }
        : {
            code: -1003,
            msg: 'Too many requests; current limit is 2400 request weight per 1 MINUTE. Please use the websocket for live updates to avoid polling the API.',
          };
    case 'bybit-linear':
      return { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.now() };
    case 'okx-swap':
      return {
        code: '50011',
        msg: 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.',
        data: [],
      };
    case 'hyperliquid':
      return 'null';
  }
}

/** The venue's "request time outside the receive window" answer (ccxt: InvalidNonce). */
export function skewBody(venue: SimVenue, nowMs: number): SimHttpResponse {
  switch (venue) {
    case 'binance-usdm':
      return { status: 400, body: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' } };
    case 'bybit-linear':
      return {
        status: 200,
        body: {
          retCode: 10002,
          retMsg: `invalid request, please check your server timestamp or recv_window param. server_timestamp[${nowMs}],recv_window[5000]`,
          result: {},
          retExtInfo: {},
          time: nowMs,
        },
      };
    case 'okx-swap':
      return { status: 401, body: { code: '50102', msg: 'Timestamp request expired', data: [] } };
    case 'hyperliquid':
      return { status: 400, body: 'null' };
  }
}
