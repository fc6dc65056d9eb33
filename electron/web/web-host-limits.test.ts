import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarketKey } from '../../shared/domain/market-source';
import { connectContractClient } from '../cli/bench/contract-client';
import type { Core } from '../core/create-core';
import { createGateway } from '../core/exchange/gateway';
import { createSilentLogger } from '../core/logger';
import { useTempDirs } from '../../test/support/temp-dir';
import { createTestCore } from '../../test/support/test-core';
import type { ContractSocketLimits } from './contract-socket';
import { createNodeHost } from './node-host';
import { serveStatic } from './static-files';
import { startWebHost, type WebHost } from './web-host';

function httpGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      // A body cut short by a file removed mid-read is an answer too.
      res.on('error', () => resolve({ status: -1, body }));
    });
    req.on('error', () => resolve({ status: -1, body: '' }));
    req.end();
  });
}

/** Opens the contract socket by hand and then never reads a byte of what the host sends. */
function connectWithoutReading(port: number, token: string): void {
  const socket = connect(port, '127.0.0.1', () => {
    socket.write(
      `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    socket.pause();
  });
  socket.on('error', () => undefined);
}

describe('web host limits', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(
    wrap: (core: Core) => Core = (core) => core,
    limits?: Omit<ContractSocketLimits, 'viewers'>,
    online = false,
  ): Promise<{ host: WebHost; staticDir: string; dir: string }> {
    const dir = tempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>LiqLens</title>');
    const core = online ? createNodeHost({ dataDir: dir, exchange: { createGateway } }) : createTestCore(dir).core;
    await core.start();
    const host = await startWebHost({
      core: wrap(core),
      logger: createSilentLogger(),
      staticDir,
      ...(limits ? { limits } : {}),
    });
    cleanups.push(async () => {
      await host.close();
      await core.stop();
    });
    return { host, staticDir, dir };
  }

  it('closes a client that stops reading once its unread bytes pass the limit', async () => {
    const push: ((payload: unknown) => void)[] = [];
    const { host } = await start(
      (core) => ({
        ...core,
        on: (event, listener) => {
          if (event === 'core:heartbeat') push.push(listener as (payload: unknown) => void);
          return core.on(event, listener);
        },
      }),
      { maxBufferedBytes: 1024 * 1024 },
    );
    connectWithoutReading(host.port, host.token);
    await expect.poll(() => host.connectionCount()).toBe(1);
    const big = { filler: 'x'.repeat(1024 * 1024) };
    // 64 MB is far past what the loopback's socket buffers hold, so the host's own queue must grow.
    for (let n = 0; n < 64 && host.connectionCount() > 0; n += 1) {
      for (const listener of push) listener(big);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => host.connectionCount()).toBe(0);
  });

  it('refuses requests past the per-client rate limit, and answers the rest', async () => {
    const { host } = await start(undefined, { rateLimit: { burst: 3, perSecond: 0 } });
    const client = await connectContractClient(host.port, host.token);
    cleanups.push(() => client.close());
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.request('settings:get', {}).then(
          () => 'ok',
          (error: unknown) => String(error),
        ),
      ),
    );
    expect(answers.filter((answer) => answer === 'ok')).toHaveLength(3);
    expect(answers.filter((answer) => answer.includes('Too many requests'))).toHaveLength(5);
  });

  it('releases the markets a client showed once no client shows them any more', async () => {
    const market: MarketKey = { venue: 'binance-usdm', source: 'production', symbol: 'BTC/USDT:USDT' };
    const closed: MarketKey[] = [];
    const { host } = await start((core) => ({
      ...core,
      handlers: {
        ...core.handlers,
        // The market itself is the market service's business (tested there); here: who asks to close it.
        'market:open': async () => ({}) as Awaited<ReturnType<Core['handlers']['market:open']>>,
        'market:close': async ({ market: shown }) => {
          closed.push(shown);
          return null;
        },
      },
    }));
    const first = await connectContractClient(host.port, host.token);
    const second = await connectContractClient(host.port, host.token);
    await first.request('market:open', { market, timeframe: '5m' });
    await second.request('market:open', { market, timeframe: '5m' });
    await first.request('market:close', { market });
    await first.request('market:open', { market, timeframe: '5m' });
    await first.close();
    // The second client still shows it: nothing is closed yet.
    expect(await second.request('settings:get', {})).toBeDefined();
    expect(closed).toEqual([]);
    await second.close();
    await expect.poll(() => closed).toEqual([market]);
  });

  it('serves no file through a symlink that leads out of the build folder', async () => {
    const { host, staticDir, dir } = await start();
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    symlinkSync(join(dir, 'secret.txt'), join(staticDir, 'leak.txt'));
    mkdirSync(join(staticDir, 'assets'));
    symlinkSync(dir, join(staticDir, 'assets', 'up'));
    expect(await httpGet(host.port, '/leak.txt')).toEqual({ status: 404, body: 'Not found' });
    expect(await httpGet(host.port, '/assets/up/secret.txt')).toEqual({ status: 404, body: 'Not found' });
  });

  it('answers, and keeps running, when a file is removed right after it was found (a rebuild)', async () => {
    const dir = tempDir();
    const body = 'x'.repeat(256 * 1024);
    // The removal happens between the server's look-up and its read: exactly a rebuild's timing.
    const server = createHttpServer((req, res) => {
      serveStatic(dir, req.url ?? '/', res);
      if (req.url?.startsWith('/chunk-')) rmSync(join(dir, req.url.slice(1)), { force: true });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    for (let n = 0; n < 5; n += 1) {
      writeFileSync(join(dir, `chunk-${n}.js`), body);
      const answer = await httpGet(port, `/chunk-${n}.js`);
      expect(answer.status === 404 || answer.body === body).toBe(true);
    }
    writeFileSync(join(dir, 'index.html'), 'still here');
    expect(await httpGet(port, '/')).toEqual({ status: 200, body: 'still here' });
  });

  it("cuts a venue's huge error page to a few hundred characters", async () => {
    const page = 'E'.repeat(3 * 1024 * 1024);
    const venue: Server = createHttpServer((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(page);
    });
    await new Promise<void>((resolve) => venue.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => venue.close(() => resolve())));
    const address = venue.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // A real gateway (real ccxt) that reaches the local "venue" above.
    const { host } = await start(undefined, undefined, true);
    const client = await connectContractClient(host.port, host.token);
    cleanups.push(() => client.close());
    const refused = await client
      .request('accounts:add', {
        account: {
          kind: 'address',
          venue: 'hyperliquid',
          label: 'Big error',
          address: '0x0123456789abcdef0123456789abcdef01234567',
          baseUrl: `http://127.0.0.1:${port}`,
        },
      })
      .then(
        () => '',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(600);
  });
});
