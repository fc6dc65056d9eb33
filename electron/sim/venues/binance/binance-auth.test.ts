import ccxt, { type binanceusdm } from 'ccxt';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimKey } from '../../server/sim-keys';
import type { BinanceRouteOptions } from './binance-route';
import { binanceClientUrls } from './client-urls';
import { startBinanceFixture, type BinanceFixture } from './testing/binance-fixture';

let fixture: BinanceFixture | undefined;
const clients: binanceusdm[] = [];

async function start(options: BinanceRouteOptions = {}): Promise<BinanceFixture> {
  fixture = await startBinanceFixture(options);
  return fixture;
}

function client(running: BinanceFixture, credentials: Pick<SimKey, 'apiKey' | 'secret'>): binanceusdm {
  const exchange = new ccxt.binanceusdm({ apiKey: credentials.apiKey, secret: credentials.secret });
  Object.assign(
    exchange.urls.api,
    binanceClientUrls(running.server.baseUrl('binance-usdm'), running.server.wsBaseUrl('binance-usdm')).rest,
  );
  clients.push(exchange);
  return exchange;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((exchange) => exchange.close()));
  await fixture?.server.close();
  fixture = undefined;
});

describe('Binance USDS-M signed requests', () => {
  it('rejects an unknown key with -2015, which ccxt raises as AuthenticationError', async () => {
    const running = await start();
    const exchange = client(running, { apiKey: 'no-such-key-000', secret: 'whatever-secret' });
    await expect(exchange.fetchPositions()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    await expect(exchange.fetchPositions()).rejects.toThrow(/-2015/);
  });

  it('rejects a wrong secret with -1022 (AuthenticationError)', async () => {
    const running = await start();
    const exchange = client(running, { apiKey: running.keys.reader.apiKey, secret: 'not-the-secret' });
    await expect(exchange.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    await expect(exchange.fetchBalance()).rejects.toThrow(/-1022/);
  });

  it('rejects a timestamp outside recvWindow of the host clock with -1021 (InvalidNonce)', async () => {
    // The simulator's clock runs two minutes ahead of the client's.
    const running = await start({ wallClock: () => Date.now() + 120_000 });
    const exchange = client(running, running.keys.reader);
    await expect(exchange.fetchPositions()).rejects.toBeInstanceOf(ccxt.InvalidNonce);
  });

  it('accepts the real clock although the market clock is weeks away', async () => {
    const running = await start();
    expect(Math.abs(running.market.now() - Date.now())).toBeGreaterThan(60_000);
    await expect(client(running, running.keys.reader).fetchPositions()).resolves.toHaveLength(1);
    const serverTime = await client(running, running.keys.reader).fetchTime();
    expect(Math.abs(serverTime! - Date.now())).toBeLessThan(5_000);
  });

  it('reports each key’s permissions on apiRestrictions', async () => {
    const running = await start();
    for (const key of [running.keys.reader, running.keys.trader, running.keys.blind]) {
      const restrictions = (await client(running, key).sapiGetAccountApiRestrictions()) as Record<string, unknown>;
      expect(restrictions).toMatchObject({
        enableReading: key.permissions.read,
        enableFutures: key.permissions.trade,
        enableSpotAndMarginTrading: key.permissions.trade,
        enableWithdrawals: key.permissions.withdraw,
      });
    }
  });

  it('refuses account data to a key without read permission', async () => {
    const running = await start();
    await expect(client(running, running.keys.blind).fetchPositions()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
  });
});
