import ccxt from 'ccxt';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDataToText } from '../../../base/raw-data';
import { bybitRoute } from './bybit-route';
import { bybitClientUrls } from './client-urls';
import {
  bybitTestAccounts,
  bybitTestKeys,
  pumpUntil,
  startVenueFixture,
  type VenueFixture,
} from './testing/bybit-fixture';

const symbol = 'BTC/USDT:USDT';
let fixture: VenueFixture;
let exchange: InstanceType<typeof ccxt.pro.bybit>;

beforeEach(async () => {
  fixture = await startVenueFixture(bybitRoute, bybitTestAccounts, Object.values(bybitTestKeys));
  exchange = new ccxt.pro.bybit({ options: { fetchMarkets: { types: ['linear'] } } });
  const urls = bybitClientUrls(fixture.server.baseUrl('bybit-linear'), fixture.server.wsBaseUrl('bybit-linear'));
  Object.assign(exchange.urls.api, urls.rest);
  (exchange.urls.api as { ws: { public: Record<string, string> } }).ws.public.linear = urls.wsPublicLinear;
  await exchange.loadHttpProxyAgent();
});

afterEach(async () => {
  await exchange.close();
  await fixture.server.close();
});

describe('bybit v5 simulator streams through ccxt pro', () => {
  it('streams the ticker: mark price now, then after the market moves', async () => {
    const first = await exchange.watchTicker(symbol);
    expect(first.markPrice).toBe(fixture.market.ticker('BTCUSDT').markPrice);
    const startMs = fixture.market.now();
    const next = await pumpUntil(exchange.watchTicker(symbol), () => fixture.market.advance(1000));
    expect(next.timestamp).toBeGreaterThan(startMs);
    expect(next.markPrice).toBe(fixture.market.ticker('BTCUSDT').markPrice);
  });

  it('streams one-minute candles as bars close', async () => {
    await exchange.watchOHLCV(symbol, '1m');
    const candles = await pumpUntil(exchange.watchOHLCV(symbol, '1m'), () => fixture.market.advance(60_000));
    const last = candles.at(-1);
    const [bar] = fixture.market.bars('BTCUSDT', 'last', last?.[0] ?? NaN, (last?.[0] ?? NaN) + 60_000, 1);
    expect(last).toEqual([bar?.openTimeMs, bar?.open, bar?.high, bar?.low, bar?.close, bar?.volume]);
  });

  it('streams liquidations with the liquidated position side', async () => {
    const liquidation = {
      symbol: 'BTCUSDT',
      timeMs: fixture.market.now(),
      side: 'long',
      price: 59_876.5,
      size: 0.75,
    } as const;
    const received = await pumpUntil(exchange.watchLiquidations(symbol), () =>
      fixture.market.emit('liquidation', liquidation),
    );
    expect(received[0]).toMatchObject({
      symbol,
      price: liquidation.price,
      contracts: liquidation.size,
      timestamp: liquidation.timeMs,
      side: 'buy',
    });
  });

  it('is reconnected by ccxt pro after the simulator drops the socket', async () => {
    const pending = exchange.watchTicker(symbol);
    await pending;
    const dropped = pumpUntil(exchange.watchTicker(symbol), () => undefined);
    fixture.server.dropSockets();
    await expect(dropped).rejects.toBeInstanceOf(ccxt.NetworkError);
    // The pump may move the market again after the fresh ticker left, so the mark received is one of
    // the marks the market held after the reconnect, not necessarily the latest.
    const marks = [fixture.market.ticker('BTCUSDT').markPrice];
    const again = await pumpUntil(exchange.watchTicker(symbol), () => {
      fixture.market.advance(1000);
      marks.push(fixture.market.ticker('BTCUSDT').markPrice);
    });
    expect(marks).toContain(again.markPrice);
  });
});

describe('bybit v5 simulator socket protocol', () => {
  it('answers ping with pong and refuses an unknown topic, echoing req_id', async () => {
    const socket = new WebSocket(`${fixture.server.wsBaseUrl('bybit-linear')}/v5/public/linear`);
    const replies: Record<string, unknown>[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(rawDataToText(data)) as Record<string, unknown>));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ op: 'ping', req_id: 'p1' }));
    socket.send(JSON.stringify({ op: 'subscribe', req_id: 's1', args: ['orderbook.1.NOPEUSDT'] }));
    await pumpUntil(
      new Promise<void>((resolve) => socket.on('message', () => replies.length >= 2 && resolve())),
      () => undefined,
    );
    expect(replies[0]).toMatchObject({ success: true, ret_msg: 'pong', req_id: 'p1', op: 'ping' });
    expect(replies[1]).toMatchObject({ success: false, req_id: 's1', op: 'subscribe' });
    socket.close();
  });
});
