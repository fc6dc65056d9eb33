import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { maxFrameBytes } from '../../shared/ipc/wire';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { allowedHosts, checkUpgrade, createToken } from './access';
import { serveContract, type ContractSocketLimits } from './contract-socket';
import { createMarketViewers } from './market-viewers';
import { serveStatic } from './static-files';

/** Options of the web-mode host. */
export interface WebHostOptions {
  readonly core: Core;
  readonly logger: Logger;
  /** Folder of the built renderer (out/renderer). */
  readonly staticDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  /** Fixed token (tests); a random one per run otherwise. */
  readonly token?: string;
  /** What one client may cost (unread bytes, request rate); the defaults suit the renderer. */
  readonly limits?: Omit<ContractSocketLimits, 'viewers'>;
}

/** A running web host. */
export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The URL to open, token included. */
  readonly url: string;
  /** Number of open contract sockets. */
  connectionCount(): number;
  close(): Promise<void>;
}

/** The port asked for is taken by another program; `message` says so in one line. */
export class PortBusyError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} on 127.0.0.1 is already in use.`);
    this.name = 'PortBusyError';
  }
}

/** Path of the contract WebSocket. */
export const contractSocketPath = '/ws';

/**
 * Starts the web-mode host: the built renderer over HTTP and the contract over a WebSocket, bound
 * to 127.0.0.1 only. Every upgrade must carry the run's token and, from a browser, this host's own
 * Origin; every request must name this host in its Host header (no DNS rebinding). Rejects with
 * `PortBusyError` when the port is taken.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, logger, staticDir } = options;
  const token = options.token ?? createToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  const viewers = createMarketViewers();
  let port = 0;

  const server: Server = createServer((request, response) => {
    if (!allowedHosts(port).has(request.headers.host ?? '')) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('LiqLens answers only on its loopback address.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    serveStatic(staticDir, new URL(request.url ?? '/', 'http://127.0.0.1').pathname, response);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const denied =
      path === contractSocketPath
        ? checkUpgrade(request, port, token)
        : { status: 403 as const, reason: 'No such socket.' };
    if (denied) {
      logger.warn('web socket refused', { status: denied.status, reason: denied.reason });
      const body = denied.reason;
      socket.end(
        `HTTP/1.1 ${denied.status} ${denied.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n` +
          `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      serveContract(ws, core, logger, { ...options.limits, viewers });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException): void =>
      reject(error.code === 'EADDRINUSE' ? new PortBusyError(options.port ?? 0) : error);
    server.once('error', refused);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', refused);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    connectionCount: () => sockets.clients.size,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
