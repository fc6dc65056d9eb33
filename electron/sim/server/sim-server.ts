import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { SimVenue } from '../market/types';
import { createFaultController, type FaultController } from './faults';
import type { SimHttpResponse, VenueContext, VenueRoute, VenueRouteFactory } from './venue-route';

/** A running simulator server: one loopback port, one path prefix per venue. */
/** A REST request as `SimServer.onRequest` tells it. */
export interface SimRequestNote {
  readonly venue: SimVenue;
  readonly path: string;
  readonly body: string;
}

export interface SimServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The base URL of a venue, e.g. `http://127.0.0.1:PORT/binance`. */
  baseUrl(venue: SimVenue): string;
  /** The WebSocket base URL of a venue, e.g. `ws://127.0.0.1:PORT/binance`. */
  wsBaseUrl(venue: SimVenue): string;
  /** Drops every open WebSocket (fault tests: the client must reconnect). */
  dropSockets(): void;
  /** How many WebSockets are open now (a client that stopped must leave none behind). */
  openSockets(): number;
  /**
   * Calls `listener` with each REST request (venue, path, body) just before it is answered, so a
   * test can move the market while a client's read is in flight; returns the unsubscribe.
   */
  onRequest(listener: (request: SimRequestNote) => void): () => void;
  /** Fault injection and request-weight counting (faults.ts); every request passes through it first. */
  readonly faults: FaultController;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

/**
 * Starts the simulator's protocol server on 127.0.0.1 and mounts each venue under its prefix.
 * Unknown paths answer 404 with a JSON reason; a handler that throws answers 500, never crashes.
 */
export async function startSimServer(
  context: VenueContext,
  factories: readonly VenueRouteFactory[],
  port = 0,
  faults: FaultController = createFaultController(),
): Promise<SimServer> {
  const routes = new Map<string, VenueRoute>();
  for (const factory of factories) {
    const route = factory(context);
    routes.set(route.prefix, route);
  }
  const sockets = new WebSocketServer({ noServer: true });

  const split = (url: string): { route: VenueRoute | undefined; path: string; rawQuery: string } => {
    const [pathname = '/', rawQuery = ''] = url.split('?', 2);
    const [, prefix = '', ...rest] = pathname.split('/');
    return { route: routes.get(prefix), path: '/' + rest.join('/'), rawQuery };
  };

  const requestListeners = new Set<(request: SimRequestNote) => void>();
  const server: Server = createServer((request, response) => {
    const send = (answer: SimHttpResponse): void => {
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      response.end(text);
    };
    const { route, path, rawQuery } = split(request.url ?? '/');
    if (!route) return send({ status: 404, body: { error: `No simulated venue at ${request.url ?? '/'}` } });
    readBody(request)
      .then(
        async (body) => {
          const parsed = {
            method: request.method ?? 'GET',
            path,
            query: new URLSearchParams(rawQuery),
            rawQuery,
            headers: request.headers,
            body,
          };
          for (const listener of requestListeners) listener({ venue: route.venue, path, body });
          // The fault layer answers first: it counts the request's weight and may replace, hold or reset the answer.
          const answer = await faults.handleHttp({ ...parsed, venue: route.venue, raw: request, response }, () =>
            route.handleHttp(parsed),
          );
          if (answer !== null) send(answer);
        },
        (error: unknown) => send({ status: 413, body: { error: String(error) } }),
      )
      .catch((error: unknown) =>
        send({ status: 500, body: { error: error instanceof Error ? error.message : String(error) } }),
      );
  });

  // Idle keep-alive sockets are held for a minute, as the load balancers in front of real venues hold
  // them: Node's default of 5 s, under the app's 5 s account poll, made every poll open a new connection.
  server.keepAliveTimeout = 65_000;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const { route, path, rawQuery } = split(request.url ?? '/');
    const handleSocket = route?.handleSocket?.bind(route);
    if (!handleSocket) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (route && faults.refuseSocket(route.venue, socket)) return;
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      if (route) faults.trackSocket(route.venue, ws, socket);
      handleSocket(ws, path, new URLSearchParams(rawQuery));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const prefixOf = (venue: SimVenue): string => {
    for (const route of routes.values()) if (route.venue === venue) return route.prefix;
    throw new Error(`The simulator does not serve ${venue}`);
  };
  const origin = `http://127.0.0.1:${boundPort}`;
  return {
    port: boundPort,
    origin,
    baseUrl: (venue) => `${origin}/${prefixOf(venue)}`,
    wsBaseUrl: (venue) => `ws://127.0.0.1:${boundPort}/${prefixOf(venue)}`,
    faults,
    openSockets: () => sockets.clients.size,
    onRequest(listener) {
      requestListeners.add(listener);
      return () => requestListeners.delete(listener);
    },
    dropSockets() {
      for (const client of sockets.clients) client.terminate();
    },
    async close() {
      faults.clear();
      for (const route of routes.values()) route.close?.();
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
