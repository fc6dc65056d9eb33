import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket } from 'ws';
import type { SimMarket, SimVenue } from '../market/types';
import type { SimKeyRing } from './sim-keys';

/** A parsed HTTP request, the path already stripped of the venue prefix. */
export interface SimHttpRequest {
  readonly method: string;
  /** Path under the venue prefix, e.g. '/fapi/v1/exchangeInfo'. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The raw query string as sent (signatures are computed over it). */
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  readonly body: string;
}

/** What a venue handler answers: a status and a JSON body (or raw text), plus headers. */
export interface SimHttpResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What every venue server gets from the simulator. */
export interface VenueContext {
  readonly market: SimMarket;
  readonly keys: SimKeyRing;
}

/**
 * One venue's protocol server, mounted under `/<prefix>` on the simulator's port: REST through
 * `handleHttp`, WebSocket streams through `handleSocket` (path under the prefix).
 */
export interface VenueRoute {
  readonly venue: SimVenue;
  /** Path prefix without slashes, e.g. 'binance'. */
  readonly prefix: string;
  handleHttp(request: SimHttpRequest): Promise<SimHttpResponse> | SimHttpResponse;
  handleSocket?(socket: WebSocket, path: string, query: URLSearchParams): void;
  /** Stops timers and subscriptions. */
  close?(): void;
}

/** Builds a venue route from the shared context. */
export type VenueRouteFactory = (context: VenueContext) => VenueRoute;
