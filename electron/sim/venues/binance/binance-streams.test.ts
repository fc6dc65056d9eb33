import ccxt from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimTicker } from '../../market/types';
import { binanceClientUrls } from './client-urls';
import { startBinanceFixture, type BinanceFixture } from './testing/binance-fixture';

type ProBinance = InstanceType<typeof ccxt.pro.binanceusdm>;

let fixture: BinanceFixture;
const clients: ProBinance[] = [];

async function proClient(): Promise<ProBinance> {
  const exchange = new ccxt.pro.binanceusdm({});
  const urls = binanceClientUrls(fixture.server.baseUrl('binance-usdm'), fixture.server.wsBaseUrl('binance-usdm'));
  Object.assign(exchange.urls.api, urls.rest);
  (exchange.urls.api['ws'] as Record<string, unknown>)['future'] = urls.wsFuture;
  // ccxt refuses plain ws:// until its proxy agent module is loaded.
  await exchange.loadHttpProxyAgent();
  clients.push(exchange);
  return exchange;
}

/** Advances the market by `stepMs` until `watch` settles (the subscription is asynchronous). */
async function driveUntil<T>(watch: Promise<T>, stepMs: number): Promise<T> {
  let settled = false;
  const tracked = watch.finally(() => (settled = true));
  for (let i = 0; i < 1000 && !settled; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (!settled) fixture.market.advance(stepMs);
  }
  return tracked;
}

beforeEach(async () => {
  fixture = await startBinanceFixture();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((exchange) => exchange.close()));
  await fixture.server.close();
});

describe('Binance USDS-M streams through ccxt pro', () => {
  it('streams the mark price of the market’s ticker events', async () => {
    const exchange = await proClient();
    const emitted: SimTicker[] = [];
    const stop = fixture.market.on('ticker', (ticker) => emitted.push(ticker));
    const ticker = await driveUntil(exchange.watchMarkPrice('BTC/USDT:USDT'), 1000);
    stop();
    const source = emitted.find((t) => t.timeMs === ticker.timestamp);
    expect(ticker.symbol).toBe('BTC/USDT:USDT');
    expect(source).toBeDefined();
    expect(ticker.markPrice).toBe(source?.markPrice);
    expect(ticker.indexPrice).toBe(source?.indexPrice);
    expect(Number((ticker.info as Record<string, unknown>)['r'])).toBe(source?.fundingRate);
  });

  it('streams the 24-hour ticker with the last price', async () => {
    const exchange = await proClient();
    const emitted: SimTicker[] = [];
    const stop = fixture.market.on('ticker', (ticker) => emitted.push(ticker));
    const ticker = await driveUntil(exchange.watchTicker('BTC/USDT:USDT'), 1000);
    stop();
    expect(ticker.last).toBe(emitted.find((t) => t.timeMs === ticker.timestamp)?.lastPrice);
  });

  it('streams closed one-minute klines equal to the market bar', async () => {
    const exchange = await proClient();
    const candles = await driveUntil(exchange.watchOHLCV('BTC/USDT:USDT', '1m'), 20_000);
    const last = candles[candles.length - 1]!;
    const bar = fixture.market.bars('BTCUSDT', 'last', last[0]!, last[0]! + 60_000, 1)[0]!;
    expect(last).toEqual([bar.openTimeMs, bar.open, bar.high, bar.low, bar.close, bar.volume]);
  });

  it('streams mark-price klines', async () => {
    const exchange = await proClient();
    const candles = await driveUntil(
      exchange.watchOHLCV('BTC/USDT:USDT', '1m', undefined, undefined, { name: 'markPriceKline' }),
      20_000,
    );
    const last = candles[candles.length - 1]!;
    const bar = fixture.market.bars('BTCUSDT', 'mark', last[0]!, last[0]! + 60_000, 1)[0]!;
    expect(last.slice(0, 5)).toEqual([bar.openTimeMs, bar.open, bar.high, bar.low, bar.close]);
  });

  it('streams liquidations as forceOrder events, a long closed by a sell', async () => {
    const exchange = await proClient();
    const liquidation = {
      symbol: 'BTCUSDT',
      timeMs: fixture.market.now(),
      side: 'long',
      price: 59_123.4,
      size: 0.75,
    } as const;
    const watch = exchange.watchLiquidations('BTC/USDT:USDT');
    let settled = false;
    const tracked = watch.finally(() => (settled = true));
    for (let i = 0; i < 1000 && !settled; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      // A fresh time each round: the venue pushes at most one liquidation per symbol per second.
      if (!settled) fixture.market.emit('liquidation', { ...liquidation, timeMs: liquidation.timeMs + i * 1000 });
    }
    const [got] = await tracked;
    expect(got).toMatchObject({
      symbol: 'BTC/USDT:USDT',
      side: 'sell',
      price: liquidation.price,
      contracts: liquidation.size,
    });
  });

  it('lets ccxt pro reconnect on the next watch after the simulator drops every socket', async () => {
    const exchange = await proClient();
    await driveUntil(exchange.watchMarkPrice('BTC/USDT:USDT'), 1000);
    fixture.server.dropSockets();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = fixture.market.now();
    const ticker = await driveUntil(exchange.watchMarkPrice('BTC/USDT:USDT'), 1000);
    expect(ticker.timestamp).toBeGreaterThan(before);
  });
});
