import ccxt, { type hyperliquid } from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimAccount, SimAccountPosition, SimTicker } from '../../market/types';
import { createSimKeyRing, type SimKey } from '../../server/sim-keys';
import { startSimServer, type SimServer } from '../../server/sim-server';
import { createFixtureMarket } from '../../testing/fixture-market';
import { hyperliquidClientUrls } from './client-urls';
import { hyperliquidRoute } from './hyperliquid-route';

type ProHyperliquid = InstanceType<typeof ccxt.pro.hyperliquid>;

const userAddress = '0x1111111111111111111111111111111111111111';
const idAddress = '0xAbCdEf0000000000000000000000000000000002';
const strangerAddress = '0x9999999999999999999999999999999999999999';
const symbol = 'BTC/USDC:USDC';

let server: SimServer;
let market: ReturnType<typeof createFixtureMarket>;
let account: SimAccount;
const clients: (hyperliquid | ProHyperliquid)[] = [];

function position(fields: Omit<SimAccountPosition, 'unrealizedPnl'>): SimAccountPosition {
  return {
    ...fields,
    unrealizedPnl: (fields.side === 'long' ? 1 : -1) * fields.size * (fields.markPrice - fields.entryPrice),
  };
}

function client(): hyperliquid {
  const exchange = new ccxt.hyperliquid({ enableRateLimit: false });
  Object.assign(
    exchange.urls.api,
    hyperliquidClientUrls(server.baseUrl('hyperliquid'), server.wsBaseUrl('hyperliquid')).rest,
  );
  clients.push(exchange);
  return exchange;
}

async function proClient(): Promise<ProHyperliquid> {
  const exchange = new ccxt.pro.hyperliquid({ enableRateLimit: false });
  const urls = hyperliquidClientUrls(server.baseUrl('hyperliquid'), server.wsBaseUrl('hyperliquid'));
  Object.assign(exchange.urls.api, urls.rest);
  (exchange.urls.api['ws'] as Record<string, unknown>)['public'] = urls.wsPublic;
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
    if (!settled) market.advance(stepMs);
  }
  return tracked;
}

beforeEach(async () => {
  const mark = createFixtureMarket().ticker('BTCUSDT').markPrice;
  account = {
    id: 'hl-user',
    venue: 'hyperliquid',
    walletBalance: 8_000,
    positions: [
      position({
        symbol: 'BTCUSDT',
        side: 'short',
        size: 0.3,
        entryPrice: 61_500,
        leverage: 10,
        marginMode: 'isolated',
        isolatedMargin: 1_850,
        markPrice: mark,
        maintenanceMargin: 90.3,
        liquidationPrice: 66_543.2,
      }),
    ],
  };
  const second: SimAccount = {
    id: 'hl-second',
    address: idAddress,
    venue: 'hyperliquid',
    walletBalance: 2_500,
    positions: [
      position({
        symbol: 'BTCUSDT',
        side: 'long',
        size: 0.1,
        entryPrice: 59_000,
        leverage: 5,
        marginMode: 'cross',
        isolatedMargin: 0,
        markPrice: mark,
        maintenanceMargin: 30.1,
        liquidationPrice: 35_010.5,
      }),
    ],
  };
  market = createFixtureMarket({ accounts: [account, second] });
  const key: SimKey = {
    venue: 'hyperliquid',
    apiKey: userAddress,
    secret: '',
    accountId: account.id,
    permissions: { read: true, trade: false, withdraw: false },
  };
  server = await startSimServer({ market, keys: createSimKeyRing([key]) }, [hyperliquidRoute]);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((exchange) => exchange.close()));
  await server.close();
});

describe('Hyperliquid through ccxt', () => {
  it('loads the instrument as a USDC perpetual named by its base coin', async () => {
    const markets = await client().loadMarkets();
    const instrument = market.instruments[0]!;
    expect(markets[symbol]).toMatchObject({ baseName: instrument.base, type: 'swap', settle: 'USDC', linear: true });
    expect(markets[symbol]?.limits.leverage?.max).toBe(instrument.maxLeverage);
    expect(markets[symbol]?.precision.amount).toBe(instrument.stepSize);
  });

  it('reads positions by the address a key maps to, with the account’s liquidation price', async () => {
    const positions = await client().fetchPositions(undefined, { user: userAddress });
    const expected = account.positions[0]!;
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({
      symbol,
      side: 'short',
      contracts: expected.size,
      entryPrice: expected.entryPrice,
      marginMode: 'isolated',
      leverage: expected.leverage,
    });
    expect(positions[0]?.liquidationPrice).toBeCloseTo(expected.liquidationPrice!, 6);
    expect(positions[0]?.unrealizedPnl).toBeCloseTo(expected.unrealizedPnl, 4);
    expect(positions[0]?.collateral).toBeCloseTo(expected.isolatedMargin + expected.unrealizedPnl, 4);
  });

  it('finds an account by its own address, ignoring case, with cross totals', async () => {
    const exchange = client();
    const positions = await exchange.fetchPositions(undefined, { user: idAddress.toLowerCase() });
    expect(positions[0]).toMatchObject({ side: 'long', marginMode: 'cross', liquidationPrice: 35_010.5 });
    const state = (await exchange.publicPostInfo({ type: 'clearinghouseState', user: idAddress })) as Record<
      string,
      unknown
    >;
    const source = market.account('hl-second')!.positions[0]!;
    expect(Number(state['crossMaintenanceMarginUsed'])).toBeCloseTo(source.maintenanceMargin, 4);
    expect(Number((state['crossMarginSummary'] as Record<string, string>)['accountValue'])).toBeCloseTo(
      2_500 + source.unrealizedPnl,
      4,
    );
  });

  it('reports the balance as the account value: wallet plus isolated margin plus PnL', async () => {
    const balance = await client().fetchBalance({ user: userAddress });
    const source = account.positions[0]!;
    expect(balance['USDC']?.total).toBeCloseTo(account.walletBalance + source.isolatedMargin + source.unrealizedPnl, 4);
  });

  it('answers an unknown address with an empty state', async () => {
    const exchange = client();
    await expect(exchange.fetchPositions(undefined, { user: strangerAddress })).resolves.toEqual([]);
    const balance = await exchange.fetchBalance({ user: strangerAddress });
    expect(balance['USDC']?.total).toBe(0);
  });

  it('serves candles from the market’s one-minute bars, in market time', async () => {
    const now = market.now();
    const bars = market.bars('BTCUSDT', 'last', now - 5 * 60_000, now, 5);
    const candles = await client().fetchOHLCV(symbol, '1m', now - 5 * 60_000, 5, { until: now });
    expect(candles).toEqual(bars.map((b) => [b.openTimeMs, b.open, b.high, b.low, b.close, b.volume]));
  });

  it('reports funding (hourly), mark and oracle prices from the ticker', async () => {
    const exchange = client();
    const ticker = market.ticker('BTCUSDT');
    const rates = await exchange.fetchFundingRates([symbol]);
    expect(rates[symbol]).toMatchObject({ markPrice: ticker.markPrice, indexPrice: ticker.indexPrice });
    expect(rates[symbol]?.fundingRate).toBeCloseTo(ticker.fundingRate / 8, 12);
    const tickers = await exchange.fetchTickers([symbol]);
    expect(tickers[symbol]?.close).toBe(ticker.lastPrice);
    expect(Number((tickers[symbol]?.info as Record<string, unknown>)['openInterest'])).toBeCloseTo(
      ticker.openInterest,
      6,
    );
  });

  it('streams candles and the asset context over the WebSocket', async () => {
    const exchange = await proClient();
    const candles = await driveUntil(exchange.watchOHLCV(symbol, '1m'), 20_000);
    const last = candles[candles.length - 1]!;
    const bar = market.bars('BTCUSDT', 'last', last[0]!, last[0]! + 60_000, 1)[0]!;
    expect(last).toEqual([bar.openTimeMs, bar.open, bar.high, bar.low, bar.close, bar.volume]);
    const emitted: SimTicker[] = [];
    const stop = market.on('ticker', (t) => emitted.push(t));
    const ticker = await driveUntil(exchange.watchTicker(symbol), 1000);
    stop();
    const marks = emitted.map((t) => t.markPrice);
    expect(marks).toContain(Number((ticker.info as Record<string, unknown>)['markPx']));
  });

  it('streams mids for every coin', async () => {
    const exchange = await proClient();
    const emitted: SimTicker[] = [];
    const stop = market.on('ticker', (t) => emitted.push(t));
    const tickers = await driveUntil(exchange.watchTickers([symbol]), 1000);
    stop();
    expect(emitted.map((t) => t.lastPrice)).toContain(tickers[symbol]?.last);
  });
});
