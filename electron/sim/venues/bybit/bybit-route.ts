import type { SimHttpResponse, VenueRouteFactory } from '../../server/venue-route';
import { bybitAccountRoutes } from './bybit-account-routes';
import { isBybitAuthFailure, verifyBybitRequest } from './bybit-auth';
import type { BybitCall } from './bybit-call';
import { bybitError } from './bybit-envelope';
import { bybitExecutionRoutes } from './bybit-execution-routes';
import { bybitHistoryRoutes } from './bybit-history-routes';
import { bybitTradeRoutes } from './bybit-trade-routes';
import { bybitRatioRoutes } from './bybit-ratio-routes';
import { bybitMarketRoutes } from './bybit-market-routes';
import { createBybitStreams } from './bybit-streams';

/** Options of the Bybit protocol server. */
export interface BybitRouteOptions {
  /** The server's wall clock in epoch ms (signature windows, `time` fields); `Date.now` by default. Tests skew it. */
  readonly wallClock?: () => number;
}

const publicRoutes = { ...bybitMarketRoutes, ...bybitHistoryRoutes, ...bybitRatioRoutes, ...bybitTradeRoutes };
const privateRoutes = { ...bybitAccountRoutes, ...bybitExecutionRoutes };

/**
 * Builds the Bybit v5 protocol server (linear USDT perpetuals) mounted under `/bybit`: the REST
 * endpoints ccxt's `bybit` calls and the public linear WebSocket at `/bybit/v5/public/linear`.
 * README.md beside this file lists the endpoints and the ccxt url keys a client overrides.
 */
export function createBybitRoute(options: BybitRouteOptions = {}): VenueRouteFactory {
  const wallClock = options.wallClock ?? Date.now;
  return (context) => {
    const streams = createBybitStreams(context.market);
    return {
      venue: 'bybit-linear',
      prefix: 'bybit',
      handleHttp(request): SimHttpResponse {
        const call: BybitCall = { request, market: context.market, wallNowMs: wallClock() };
        const publicHandler = publicRoutes[request.path];
        if (publicHandler) return publicHandler(call);
        const privateHandler = privateRoutes[request.path];
        if (!privateHandler)
          return {
            status: 404,
            body: { retCode: 404, retMsg: 'Not Found', result: {}, retExtInfo: {}, time: call.wallNowMs },
          };
        const key = verifyBybitRequest(request, context.keys, call.wallNowMs);
        if (isBybitAuthFailure(key)) return bybitError(key.retCode, key.retMsg, call.wallNowMs);
        return privateHandler(call, key);
      },
      handleSocket(socket, path) {
        if (path === '/v5/public/linear') streams.attach(socket);
        else socket.close(4404, 'unknown stream path');
      },
      close: () => streams.close(),
    };
  };
}

/** The Bybit route with the default wall clock: pass it to `startSimServer`. */
export const bybitRoute: VenueRouteFactory = createBybitRoute();
