import ccxt, { type binanceusdm } from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimKey } from '../../server/sim-keys';
import { aggregateBars, parseBarInterval } from './bar-buckets';
import { binanceClientUrls } from './client-urls';
import { startBinanceFixture, type BinanceFixture } from './testing/binance-fixture';

let fixture: BinanceFixture;
const clients: binanceusdm[] = [];

function client(key?: SimKey): binanceusdm {
  const exchange = new ccxt.binanceusdm(key ? { apiKey: key.apiKey, secret: key.secret } : {});
  Object.assign(
    exchange.urls.api,
    binanceClientUrls(fixture.server.baseUrl('binance-usdm'), fixture.server.wsBaseUrl('binance-usdm')).rest,
  );
  clients.push(exchange);
  return exchange;
}

beforeEach(async () => {
  fixture = await startBinanceFixture();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((exchange) => exchange.close()));
  await fixture.server.close();
});

describe('Binance USDS-M REST through ccxt', () => {
  it('loads the fixture instrument as a linear perpetual with its tick and step', async () => {
    const markets = await client(fixture.keys.reader).loadMarkets();
    const instrument = fixture.market.instruments[0]!;
    const market = markets['BTC/USDT:USDT'];
    expect(market).toMatchObject({ id: instrument.symbol, type: 'swap', linear: true, settle: 'USDT', active: true });
    expect(market?.precision.price).toBe(instrument.tickSize);
    expect(market?.precision.amount).toBe(instrument.stepSize);
  });

  it('reports one-way cross positions with the account’s liquidation price', async () => {
    const positions = await client(fixture.keys.reader).fetchPositions();
    const expected = fixture.accounts.oneWayCross.positions[0]!;
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({
      symbol: 'BTC/USDT:USDT',
      side: 'long',
      contracts: expected.size,
      entryPrice: expected.entryPrice,
      marginMode: 'cross',
      hedged: false,
    });
    expect(positions[0]?.liquidationPrice).toBeCloseTo(expected.liquidationPrice!, 6);
    expect(positions[0]?.unrealizedPnl).toBeCloseTo(expected.unrealizedPnl, 6);
    expect(Number((positions[0]?.info as Record<string, unknown> | undefined)?.['maintMargin'])).toBeCloseTo(
      expected.maintenanceMargin,
      6,
    );
  });

  it('reports hedge-mode isolated legs, v3 and v2, with leverage only in v2', async () => {
    const exchange = client(fixture.keys.trader);
    const expected = fixture.accounts.hedgeIsolated.positions;
    for (const useV2 of [false, true]) {
      const positions = await exchange.fetchPositions(undefined, { useV2 });
      expect(positions).toHaveLength(2);
      for (const source of expected) {
        const found = positions.find((p) => p.side === source.side);
        expect(found).toMatchObject({
          contracts: source.size,
          entryPrice: source.entryPrice,
          marginMode: 'isolated',
          hedged: true,
        });
        expect(found?.liquidationPrice).toBeCloseTo(source.liquidationPrice!, 6);
        expect(Number((found?.info as Record<string, unknown> | undefined)?.['isolatedWallet'])).toBeCloseTo(
          source.isolatedMargin,
          6,
        );
        expect((found?.info as Record<string, unknown> | undefined)?.['positionSide']).toBe(
          source.side === 'long' ? 'LONG' : 'SHORT',
        );
        expect(found?.leverage).toBe(useV2 ? source.leverage : undefined);
      }
    }
  });

  it('answers balance and account totals from the wallet, isolated margins and unrealized PnL', async () => {
    const account = fixture.accounts.hedgeIsolated;
    const exchange = client(fixture.keys.trader);
    const balance = await exchange.fetchBalance();
    const isolated = account.positions.reduce((sum, p) => sum + p.isolatedMargin, 0);
    const pnl = account.positions.reduce((sum, p) => sum + p.unrealizedPnl, 0);
    expect(balance['USDT']?.total).toBeCloseTo(account.walletBalance + isolated + pnl, 6);
    const raw = (await exchange.fapiPrivateV2GetAccount()) as Record<string, string>;
    expect(Number(raw['totalWalletBalance'])).toBeCloseTo(account.walletBalance + isolated, 6);
    expect(Number(raw['totalCrossWalletBalance'])).toBeCloseTo(account.walletBalance, 6);
    expect(Number(raw['totalMaintMargin'])).toBeCloseTo(
      account.positions.reduce((sum, p) => sum + p.maintenanceMargin, 0),
      6,
    );
    const rows = (await exchange.fapiPrivateV3GetBalance()) as Record<string, string>[];
    expect(Number(rows[0]?.['crossWalletBalance'])).toBeCloseTo(account.walletBalance, 6);
  });

  it('lists the instrument tiers as leverage tiers, keeping cum in info', async () => {
    const tiers = await client(fixture.keys.reader).fetchLeverageTiers(['BTC/USDT:USDT']);
    const source = fixture.market.instruments[0]!.tiers;
    const listed = tiers['BTC/USDT:USDT'] ?? [];
    expect(listed).toHaveLength(source.length);
    source.forEach((tier, index) => {
      const got = listed[index];
      expect(got).toMatchObject({
        tier: tier.tier,
        minNotional: tier.notionalFloor,
        maintenanceMarginRate: tier.maintenanceMarginRate,
        maxLeverage: tier.maxLeverage,
      });
      expect(Number((got?.info as Record<string, unknown>)['cum'])).toBe(tier.maintenanceAmount);
      if (Number.isFinite(tier.notionalCap)) expect(got?.maxNotional).toBe(tier.notionalCap);
      else expect(got?.maxNotional).toBeGreaterThan(1e15);
    });
  });

  it('serves last and mark candles from the market’s one-minute bars, with taker volume in klines', async () => {
    const exchange = client();
    const now = fixture.market.now();
    const bars = fixture.market.bars('BTCUSDT', 'last', now - 10 * 60_000, now, 10);
    const candles = await exchange.fetchOHLCV('BTC/USDT:USDT', '1m', undefined, 10);
    expect(candles.map((c) => c.slice(0, 6))).toEqual(
      bars.map((b) => [b.openTimeMs, b.open, b.high, b.low, b.close, b.volume]),
    );
    const marks = fixture.market.bars('BTCUSDT', 'mark', now - 3 * 60_000, now, 3);
    const markCandles = await exchange.fetchOHLCV('BTC/USDT:USDT', '1m', undefined, 3, { price: 'mark' });
    expect(markCandles.map((c) => c.slice(0, 5))).toEqual(
      marks.map((b) => [b.openTimeMs, b.open, b.high, b.low, b.close]),
    );
    const raw = (await exchange.fapiPublicGetKlines({ symbol: 'BTCUSDT', interval: '1m', limit: 2 })) as string[][];
    expect(raw[0]).toHaveLength(12);
    expect(Number(raw[1]?.[9])).toBeCloseTo(bars[bars.length - 1]!.takerBuyVolume, 6);
  });

  it('aggregates five-minute candles from a start time', async () => {
    const start = fixture.market.now() - 60 * 60_000;
    const candles = await client().fetchOHLCV('BTC/USDT:USDT', '5m', start, 4);
    const minutes = fixture.market.bars('BTCUSDT', 'last', start, start + 20 * 60_000, 20);
    const expected = aggregateBars(minutes, parseBarInterval('5m')!).map((b) => [
      b.openTimeMs,
      b.open,
      b.high,
      b.low,
      b.close,
    ]);
    expect(candles.map((c) => c.slice(0, 5))).toEqual(expected);
    expect(candles[0]?.[0]).toBe(start);
  });

  it('reports open interest, its history and the funding rate from the ticker', async () => {
    const exchange = client();
    const ticker = fixture.market.ticker('BTCUSDT');
    const interest = await exchange.fetchOpenInterest('BTC/USDT:USDT');
    expect(interest.openInterestAmount).toBeCloseTo(ticker.openInterest, 6);
    const history = await exchange.fetchOpenInterestHistory('BTC/USDT:USDT', '5m', undefined, 6);
    expect(history).toHaveLength(6);
    for (const row of history) {
      // The row at T carries the last sample stamped in (T − 5m, T].
      const samples = fixture.market.openInterestHistory(
        'BTCUSDT',
        row.timestamp! - 5 * 60_000 + 1,
        row.timestamp! + 1,
      );
      expect(row.openInterestAmount).toBeCloseTo(samples[samples.length - 1]!.openInterest, 6);
    }
    const funding = await exchange.fetchFundingRate('BTC/USDT:USDT');
    expect(funding).toMatchObject({
      fundingRate: ticker.fundingRate,
      markPrice: ticker.markPrice,
      indexPrice: ticker.indexPrice,
      fundingTimestamp: ticker.nextFundingTimeMs,
    });
  });

  it('sums taker buy and sell volume per period', async () => {
    const rows = (await client().fapiDataGetTakerlongshortRatio({
      symbol: 'BTCUSDT',
      period: '15m',
      limit: 3,
    })) as Record<string, string | number>[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const start = Number(row['timestamp']);
      const minutes = fixture.market.bars('BTCUSDT', 'last', start, start + 15 * 60_000, 15);
      const buy = minutes.reduce((sum, b) => sum + b.takerBuyVolume, 0);
      const sell = minutes.reduce((sum, b) => sum + b.volume - b.takerBuyVolume, 0);
      expect(Number(row['buyVol'])).toBeCloseTo(buy, 3);
      expect(Number(row['sellVol'])).toBeCloseTo(sell, 3);
      expect(start + 15 * 60_000).toBeLessThanOrEqual(fixture.market.now());
    }
  });
});
