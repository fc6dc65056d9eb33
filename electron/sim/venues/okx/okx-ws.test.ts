import ccxt from 'ccxt';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDataToText } from '../../../base/raw-data';
import { okxClientUrls } from './client-urls';
import { okxRoute } from './okx-route';
import { okxTestRules, pumpUntil, startOkxFixture, type OkxFixture } from './testing/okx-fixture';

const symbol = 'BTC/USDT:USDT';
let fixture: OkxFixture;
let exchange: InstanceType<typeof ccxt.pro.okx>;

beforeEach(async () => {
  fixture = await startOkxFixture(okxRoute);
  exchange = new ccxt.pro.okx({ options: { fetchMarkets: { types: ['swap'] } } });
  const urls = okxClientUrls(fixture.server.baseUrl('okx-swap'), fixture.server.wsBaseUrl('okx-swap'));
  exchange.urls.api.rest = urls.rest;
  exchange.urls.api.ws = urls.ws;
  await exchange.loadHttpProxyAgent();
  // ccxt's okx watchTicker/watchMarkPrice look the market up before loading markets.
  await exchange.loadMarkets();
});

afterEach(async () => {
  await exchange.close();
  await fixture.server.close();
});

describe('okx v5 simulator streams through ccxt pro', () => {
  it('streams the mark price at once and after the market moves', async () => {
    const first = await exchange.watchMarkPrice(symbol);
    expect(first.markPrice).toBe(fixture.market.ticker('BTCUSDT').markPrice);
    const startMs = fixture.market.now();
    const next = await pumpUntil(exchange.watchMarkPrice(symbol), () => fixture.market.advance(1000));
    expect(next.timestamp).toBeGreaterThan(startMs);
    expect(next.markPrice).toBe(fixture.market.ticker('BTCUSDT').markPrice);
  });

  it('streams the ticker channel with the last price', async () => {
    const ticker = await exchange.watchTicker(symbol);
    expect(ticker.last).toBe(fixture.market.ticker('BTCUSDT').lastPrice);
  });

  it('streams candles on the business endpoint as bars close', async () => {
    await exchange.watchOHLCV(symbol, '1m');
    const candles = await pumpUntil(exchange.watchOHLCV(symbol, '1m'), () => fixture.market.advance(60_000));
    const last = candles.at(-1);
    const [bar] = fixture.market.bars('BTCUSDT', 'last', last?.[0] ?? NaN, (last?.[0] ?? NaN) + 60_000, 1);
    expect(last).toEqual([bar?.openTimeMs, bar?.open, bar?.high, bar?.low, bar?.close, bar?.volume]);
  });

  it('streams liquidations with the order side, bankruptcy price and contracts', async () => {
    const liquidation = {
      symbol: 'BTCUSDT',
      timeMs: fixture.market.now(),
      side: 'short',
      price: 60_543.2,
      size: 0.37,
    } as const;
    const [received] = await pumpUntil(exchange.watchLiquidations(symbol), () =>
      fixture.market.emit('liquidation', liquidation),
    );
    expect(received).toMatchObject({ symbol, price: liquidation.price, timestamp: liquidation.timeMs, side: 'buy' });
    expect(received?.contracts).toBeCloseTo(liquidation.size / okxTestRules.contractValue, 8);
  });

  it('is reconnected by ccxt pro after the simulator drops the socket', async () => {
    await exchange.watchMarkPrice(symbol);
    const dropped = pumpUntil(exchange.watchMarkPrice(symbol), () => undefined);
    fixture.server.dropSockets();
    await expect(dropped).rejects.toBeInstanceOf(ccxt.NetworkError);
    const again = await exchange.watchMarkPrice(symbol);
    expect(again.markPrice).toBe(fixture.market.ticker('BTCUSDT').markPrice);
  });
});

describe('okx v5 simulator socket protocol', () => {
  it('answers ping with pong, and a candle channel on the public endpoint with 60018', async () => {
    const socket = new WebSocket(`${fixture.server.wsBaseUrl('okx-swap')}/ws/v5/public`);
    const replies: string[] = [];
    socket.on('message', (data) => replies.push(rawDataToText(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('ping');
    socket.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'candle1m', instId: 'BTC-USDT-SWAP' }] }));
    await pumpUntil(
      new Promise<void>((resolve) => socket.on('message', () => replies.length >= 2 && resolve())),
      () => undefined,
    );
    expect(replies[0]).toBe('pong');
    expect(JSON.parse(replies[1] ?? '{}')).toMatchObject({ event: 'error', code: '60018' });
    socket.close();
  });
});
