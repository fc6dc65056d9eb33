import ccxt from 'ccxt';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { guardWsSends } from './ws-send-guard';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A venue's socket on 127.0.0.1 that closes every connection as soon as it opens. */
async function closingVenue(): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', (socket) => socket.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `ws://127.0.0.1:${address.port}/ws`;
}

/** Unhandled rejections seen until the event loop has turned twice (the send's callback, then Node's check). */
async function unhandledDuring(act: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', listener);
  try {
    act();
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

describe('a stream send on a socket the venue just closed', () => {
  it('leaves no unhandled rejection to end the process, and still rejects for a caller that awaits it', async () => {
    const url = await closingVenue();
    const exchange = new ccxt.pro.binanceusdm({ enableRateLimit: true });
    // ccxt needs its proxy-agent module loaded before it dials a plain ws:// url (as the gateway does).
    await exchange.loadHttpProxyAgent();
    guardWsSends(exchange);
    const client = exchange.client(url);
    await client.connect(0).catch(() => undefined);
    await expect.poll(() => (client.connection as { readyState?: number } | undefined)?.readyState).toBe(3);

    let sent: Promise<unknown> | undefined;
    const unhandled = await unhandledDuring(() => {
      // What ccxt's watch does after its rate limiter: the send's promise is dropped.
      sent = client.send({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice'], id: 1 });
    });
    expect(unhandled).toEqual([]);
    await expect(sent).rejects.toThrow(/not open/);
    await exchange.close();
  });
});
