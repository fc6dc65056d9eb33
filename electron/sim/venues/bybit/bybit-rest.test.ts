import ccxt from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { venueRulesOf } from '../../market/instruments';
import { bybitRoute, createBybitRoute } from './bybit-route';
import { bybitClientUrls } from './client-urls';
import { bybitTestAccounts, bybitTestKeys, startVenueFixture, type VenueFixture } from './testing/bybit-fixture';

const symbol = 'BTC/USDT:USDT';
const hourMs = 3_600_000;
let fixture: VenueFixture;
type BybitClient = InstanceType<typeof ccxt.bybit>;
const exchanges: BybitClient[] = [];

/** A ccxt bybit client whose every REST url points at the simulator. */
function bybitClient(key: { apiKey: string; secret: string } | undefined = bybitTestKeys.readOnly): BybitClient {
  const exchange = new ccxt.bybit({
    ...(key ? { apiKey: key.apiKey, secret: key.secret } : {}),
    options: { fetchMarkets: { types: ['linear'] } },
  });
  const rest = bybitClientUrls(fixture.server.baseUrl('bybit-linear'), fixture.server.wsBaseUrl('bybit-linear')).rest;
  // The helper must cover every string url key this ccxt version has.
  expect(Object.keys(rest).sort()).toEqual(
    Object.keys(exchange.urls.api)
      .filter((name) => typeof exchange.urls.api[name] === 'string')
      .sort(),
  );
  Object.assign(exchange.urls.api, rest);
  exchange.has.fetchCurrencies = false;
  exchanges.push(exchange);
  return exchange;
}

beforeEach(async () => {
  fixture = await startVenueFixture(bybitRoute, bybitTestAccounts, Object.values(bybitTestKeys));
});

afterEach(async () => {
  await Promise.all(exchanges.splice(0).map((exchange) => exchange.close()));
  await fixture.server.close();
});

describe('bybit v5 simulator through ccxt: markets and tiers', () => {
  it('loads the linear instrument with its tick, step and leverage, and an empty PreLaunch list', async () => {
    const exchange = bybitClient(undefined);
    const markets = await exchange.loadMarkets();
    const [instrument] = fixture.market.instruments;
    expect(Object.keys(markets)).toEqual([symbol]);
    expect(markets[symbol]).toMatchObject({
      id: 'BTCUSDT',
      linear: true,
      swap: true,
      settle: 'USDT',
      contractSize: 1,
      active: true,
    });
    expect(markets[symbol]?.precision).toMatchObject({ price: instrument?.tickSize, amount: instrument?.stepSize });
    expect(markets[symbol]?.limits.leverage?.max).toBe(instrument?.maxLeverage);
    const preLaunch = await fetch(
      `${fixture.server.baseUrl('bybit-linear')}/v5/market/instruments-info?category=linear&status=PreLaunch`,
    );
    expect(await preLaunch.json()).toMatchObject({ retCode: 0, result: { list: [] } });
  });

  it('maps the risk-limit tiers: caps, rates, leverage, and the deduction in info', async () => {
    const exchange = bybitClient(undefined);
    const tiers = await exchange.fetchMarketLeverageTiers(symbol);
    const [instrument] = fixture.market.instruments;
    const simTiers = instrument ? venueRulesOf(instrument, 'bybit-linear').tiers : [];
    expect(tiers).toHaveLength(simTiers.length);
    simTiers.forEach((simTier, index) => {
      const tier = tiers[index];
      expect(tier?.maintenanceMarginRate).toBeCloseTo(simTier.maintenanceMarginRate, 10);
      expect(tier?.maxLeverage).toBe(simTier.maxLeverage);
      expect(tier?.minNotional).toBe(simTier.notionalFloor);
      if (Number.isFinite(simTier.notionalCap)) expect(tier?.maxNotional).toBe(simTier.notionalCap);
      expect(Number((tier?.info as { mmDeduction: string }).mmDeduction)).toBeCloseTo(simTier.maintenanceAmount, 8);
    });
    const all = await exchange.fetchLeverageTiers([symbol]);
    expect(all[symbol]?.map((tier) => tier.maintenanceMarginRate)).toEqual(
      tiers.map((tier) => tier.maintenanceMarginRate),
    );
  });
});

describe('bybit v5 simulator through ccxt: account', () => {
  it("reports an isolated long with the account's liquidation price, size, entry and margin mode", async () => {
    const [position] = await bybitClient(bybitTestKeys.readOnly).fetchPositions();
    const expected = bybitTestAccounts[0]?.positions[0];
    expect(position).toMatchObject({
      symbol,
      side: 'long',
      contracts: expected?.size,
      entryPrice: expected?.entryPrice,
      liquidationPrice: expected?.liquidationPrice,
      markPrice: expected?.markPrice,
      leverage: expected?.leverage,
      unrealizedPnl: expected?.unrealizedPnl,
    });
    // ccxt leaves marginMode undefined on Bybit (account-level setting); the raw tradeMode carries it.
    expect(position?.info).toMatchObject({
      tradeMode: 1,
      positionIdx: 0,
      positionMM: String(expected?.maintenanceMargin),
      positionIM: String(expected?.isolatedMargin),
      bustPrice: '',
    });
  });

  it('reports a cross short and filters by symbol', async () => {
    const exchange = bybitClient(bybitTestKeys.trade);
    const positions = await exchange.fetchPositions([symbol]);
    const expected = bybitTestAccounts[1]?.positions[0];
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({
      side: 'short',
      contracts: expected?.size,
      entryPrice: expected?.entryPrice,
      liquidationPrice: expected?.liquidationPrice,
    });
    expect(positions[0]?.info).toMatchObject({ tradeMode: 0, side: 'Sell' });
  });

  it('reports the unified wallet: balance, equity, maintenance margin and MM rate', async () => {
    const account = bybitTestAccounts[1];
    const position = account?.positions[0];
    const balance = await bybitClient(bybitTestKeys.trade).fetchBalance();
    expect(balance.USDT?.total).toBeCloseTo(account?.walletBalance ?? NaN, 8);
    const row = (balance.info as { result: { list: Record<string, string>[] } }).result.list[0];
    const marginBalance = (account?.walletBalance ?? NaN) + (position?.unrealizedPnl ?? NaN);
    expect(Number(row?.totalEquity)).toBeCloseTo(marginBalance, 6);
    expect(Number(row?.totalMaintenanceMargin)).toBeCloseTo(position?.maintenanceMargin ?? NaN, 6);
    expect(Number(row?.accountMMRate)).toBeCloseTo((position?.maintenanceMargin ?? NaN) / marginBalance, 4);
  });

  it('counts isolated margin in the wallet of an isolated account', async () => {
    const account = bybitTestAccounts[0];
    const balance = await bybitClient(bybitTestKeys.readOnly).fetchBalance();
    expect(balance.USDT?.total).toBeCloseTo(
      (account?.walletBalance ?? NaN) + (account?.positions[0]?.isolatedMargin ?? NaN),
      8,
    );
  });

  it('answers query-api with readOnly and permission groups from the key', async () => {
    const read = (await bybitClient(bybitTestKeys.readOnly).privateGetV5UserQueryApi()) as {
      result: { readOnly: number; permissions: Record<string, string[]> };
    };
    expect(read.result.readOnly).toBe(1);
    expect(Object.values(read.result.permissions).flat()).toEqual([]);
    const trade = (await bybitClient(bybitTestKeys.trade).privateGetV5UserQueryApi()) as typeof read;
    expect(trade.result.readOnly).toBe(0);
    expect(trade.result.permissions.ContractTrade).toContain('Order');
    expect(trade.result.permissions.Wallet).toEqual([]);
    const withdraw = (await bybitClient(bybitTestKeys.withdraw).privateGetV5UserQueryApi()) as typeof read;
    expect(withdraw.result.permissions.Wallet).toContain('Withdraw');
  });
});

describe('bybit v5 simulator through ccxt: refusals', () => {
  it('raises AuthenticationError for an unknown key and for a wrong secret', async () => {
    await expect(bybitClient({ apiKey: 'no-such-key', secret: 'x' }).fetchPositions()).rejects.toBeInstanceOf(
      ccxt.AuthenticationError,
    );
    await expect(
      bybitClient({ apiKey: bybitTestKeys.readOnly.apiKey, secret: 'wrong-secret' }).fetchPositions(),
    ).rejects.toBeInstanceOf(ccxt.AuthenticationError);
  });

  it('raises InvalidNonce when the client clock is outside the receive window', async () => {
    await fixture.server.close();
    fixture = await startVenueFixture(
      createBybitRoute({ wallClock: () => Date.now() + 60_000 }),
      bybitTestAccounts,
      Object.values(bybitTestKeys),
    );
    await expect(bybitClient(bybitTestKeys.readOnly).fetchPositions()).rejects.toBeInstanceOf(ccxt.InvalidNonce);
  });
});

describe('bybit v5 simulator through ccxt: market data', () => {
  it('serves last and mark candles from the market bars, newest closed bar last', async () => {
    const exchange = bybitClient(undefined);
    const bars = fixture.market.bars('BTCUSDT', 'last', fixture.market.now() - 5 * 60_000, fixture.market.now(), 5);
    const candles = await exchange.fetchOHLCV(symbol, '1m', undefined, 5);
    expect(candles).toEqual(bars.map((bar) => [bar.openTimeMs, bar.open, bar.high, bar.low, bar.close, bar.volume]));
    const markBars = fixture.market.bars('BTCUSDT', 'mark', fixture.market.now() - 3 * 60_000, fixture.market.now(), 3);
    const markCandles = await exchange.fetchMarkOHLCV(symbol, '1m', undefined, 3);
    expect(markCandles.map((candle) => candle.slice(0, 5))).toEqual(
      markBars.map((bar) => [bar.openTimeMs, bar.open, bar.high, bar.low, bar.close]),
    );
  });

  it('aggregates one-minute bars into 15m candles from a start time', async () => {
    const exchange = bybitClient(undefined);
    const since = fixture.market.now() - 2 * hourMs;
    const candles = await exchange.fetchOHLCV(symbol, '15m', since, 4);
    const bars = fixture.market.bars('BTCUSDT', 'last', since, since + hourMs, 60);
    expect(candles.map((candle) => candle[0])).toEqual([0, 1, 2, 3].map((index) => since + index * 15 * 60_000));
    candles.forEach((candle, index) => {
      const group = bars.slice(index * 15, index * 15 + 15);
      expect(candle[1]).toBe(group[0]?.open);
      expect(candle[4]).toBe(group.at(-1)?.close);
      expect(candle[2]).toBe(Math.max(...group.map((bar) => bar.high)));
      expect(candle[3]).toBe(Math.min(...group.map((bar) => bar.low)));
      expect(candle[5]).toBeCloseTo(
        group.reduce((sum, bar) => sum + bar.volume, 0),
        3,
      );
    });
  });

  it('serves open interest now and as history at the interval boundaries', async () => {
    const exchange = bybitClient(undefined);
    const history = fixture.market.openInterestHistory(
      'BTCUSDT',
      fixture.market.now() - 3 * hourMs,
      fixture.market.now(),
    );
    const hourly = history.filter((sample) => sample.timeMs % hourMs === 0);
    const latest = await exchange.fetchOpenInterest(symbol);
    expect(latest.timestamp).toBe(hourly.at(-1)?.timeMs);
    expect(latest.openInterestAmount).toBe(hourly.at(-1)?.openInterest);
    const fiveMinutes = history.filter((sample) => sample.timeMs % 300_000 === 0).slice(-6);
    const series = await exchange.fetchOpenInterestHistory(symbol, '5m', fiveMinutes[0]?.timeMs, 6);
    expect(series.map((entry) => [entry.timestamp, entry.openInterestAmount])).toEqual(
      fiveMinutes.map((sample) => [sample.timeMs, sample.openInterest]),
    );
  });

  it('serves funding rate, next funding time and mark price from the ticker', async () => {
    const ticker = fixture.market.ticker('BTCUSDT');
    const funding = await bybitClient(undefined).fetchFundingRate(symbol);
    expect(funding).toMatchObject({
      fundingRate: ticker.fundingRate,
      markPrice: ticker.markPrice,
      indexPrice: ticker.indexPrice,
      fundingTimestamp: ticker.nextFundingTimeMs,
      interval: '8h',
    });
  });
});
