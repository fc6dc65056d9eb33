import type { SimHttpResponse, VenueRouteFactory } from '../../server/venue-route';
import { okxAccountRoutes } from './okx-account-routes';
import { isOkxAuthFailure, verifyOkxRequest } from './okx-auth';
import type { OkxCall } from './okx-call';
import { okxError } from './okx-envelope';
import { okxMarketRoutes } from './okx-market-routes';
import { okxOrderHistoryRoutes } from './okx-order-history-routes';
import { okxPublicRoutes } from './okx-public-routes';
import { okxRatioRoutes } from './okx-ratio-routes';
import { createOkxStreams } from './okx-streams';

/** Options of the OKX protocol server. */
export interface OkxRouteOptions {
  /** The server's wall clock in epoch ms (signature window, `public/time`); `Date.now` by default. Tests skew it. */
  readonly wallClock?: () => number;
}

const publicRoutes = { ...okxPublicRoutes, ...okxMarketRoutes, ...okxRatioRoutes };
const privateRoutes = { ...okxAccountRoutes, ...okxOrderHistoryRoutes };

/**
 * Builds the OKX v5 protocol server (USDT swaps) mounted under `/okx`: the REST endpoints ccxt's
 * `okx` calls under `/okx/api/v5/...` and the WebSocket endpoints `/okx/ws/v5/public` and
 * `/okx/ws/v5/business`. README.md beside this file lists the endpoints and the url keys.
 */
export function createOkxRoute(options: OkxRouteOptions = {}): VenueRouteFactory {
  const wallClock = options.wallClock ?? Date.now;
  return (context) => {
    const streams = createOkxStreams(context.market);
    return {
      venue: 'okx-swap',
      prefix: 'okx',
      handleHttp(request): SimHttpResponse {
        const call: OkxCall = { request, market: context.market, wallNowMs: wallClock() };
        const publicHandler = publicRoutes[request.path];
        if (publicHandler) return publicHandler(call);
        const privateHandler = privateRoutes[request.path];
        if (!privateHandler) return okxError('404', 'Not Found', 404);
        const key = verifyOkxRequest(request, context.keys, call.wallNowMs);
        if (isOkxAuthFailure(key)) return okxError(key.code, key.msg, 401);
        return privateHandler(call, key);
      },
      handleSocket(socket, path) {
        if (path === '/ws/v5/public') streams.attach(socket, 'public');
        else if (path === '/ws/v5/business') streams.attach(socket, 'business');
        else socket.close(4404, 'unknown stream path');
      },
      close: () => streams.close(),
    };
  };
}

/** The OKX route with the default wall clock: pass it to `startSimServer`. */
export const okxRoute: VenueRouteFactory = createOkxRoute();
