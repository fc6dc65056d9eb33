import type {
  SimHttpRequest,
  SimHttpResponse,
  VenueContext,
  VenueRoute,
  VenueRouteFactory,
} from '../../server/venue-route';
import { accountRoutes } from './binance-account-routes';
import { unknownPathError } from './binance-errors';
import { forceOrderRoutes } from './binance-force-orders';
import { futuresDataRoutes } from './binance-futures-data';
import { marketRoutes } from './binance-market-routes';
import { createBinanceStreams } from './binance-streams';
import type { BinanceHandler } from './binance-call';

/** Options of the simulated Binance USDS-M venue. */
export interface BinanceRouteOptions {
  /**
   * The clock signed requests are checked against and `/fapi/v1/time` reports, epoch ms.
   * Default `Date.now`: ccxt stamps requests with the real time whatever the market clock says.
   */
  readonly wallClock?: () => number;
}

const routes: Readonly<Record<string, BinanceHandler>> = {
  ...marketRoutes,
  ...futuresDataRoutes,
  ...accountRoutes,
  ...forceOrderRoutes,
};

/**
 * Builds the Binance USDS-M protocol server factory (prefix `binance`): the `/fapi`,
 * `/futures/data` and `/sapi` REST paths ccxt `binanceusdm` calls, and the market streams that
 * ccxt pro reaches through `urls.api.ws.future`. See README.md for the url keys a client sets.
 */
export function createBinanceRoute(options: BinanceRouteOptions = {}): VenueRouteFactory {
  const wallClock = options.wallClock ?? Date.now;
  return (context: VenueContext): VenueRoute => {
    const streams = createBinanceStreams(context.market);
    return {
      venue: 'binance-usdm',
      prefix: 'binance',
      handleHttp(request: SimHttpRequest): SimHttpResponse {
        const handler = routes[`${request.method} ${request.path}`];
        if (!handler) return unknownPathError(request.method, request.path);
        const params = new URLSearchParams(request.rawQuery);
        for (const [name, value] of new URLSearchParams(request.body)) params.append(name, value);
        return handler({ request, params, context, wallNowMs: wallClock() });
      },
      handleSocket: (socket, path, query) => streams.attach(socket, path, query),
      close: () => streams.close(),
    };
  };
}

const defaultFactory = createBinanceRoute();

/** The Binance USDS-M venue with the host's real clock for signatures (`createBinanceRoute()`). */
export function binanceRoute(context: VenueContext): VenueRoute {
  return defaultFactory(context);
}
