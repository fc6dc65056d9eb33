import ccxt from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okxClientUrls } from './client-urls';
import { createOkxRoute, okxRoute } from './okx-route';
import { okxTestAccounts, okxTestKeys, okxTestRules, startOkxFixture, type OkxFixture } from './testing/okx-fixture';

const symbol = 'BTC/USDT:USDT';
const minuteMs = 60_000;
type OkxClient = InstanceType<typeof ccxt.okx>;
let fixture: OkxFixture;
const clients: OkxClient[] = [];

/** A ccxt okx client pointed at the simulator; swaps only, no currency fetch (a private call). */
function okxClient(
  key: { apiKey: string; secret: string; passphrase: string } | undefined = okxTestKeys.readOnly,
): OkxClient {
  const exchange = new ccxt.okx({
    ...(key ? { apiKey: key.apiKey, secret: key.secret, password: key.passphrase } : {}),
    options: { fetchMarkets: { types: ['swap'] } },
  });
  exchange.urls.api.rest = okxClientUrls(fixture.server.baseUrl('okx-swap'), fixture.server.wsBaseUrl('okx-swap')).rest;
  exchange.has.fetchCurrencies = false;
  clients.push(exchange);
  return exchange;
}

beforeEach(async () => {
  fixture = await startOkxFixture(okxRoute);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await fixture.server.close();
});

describe('okx v5 simulator through ccxt: markets and tiers', () => {
  it('loads the swap with contract value, lot and tick', async () => {
    const markets = await okxClient(undefined).loadMarkets();
    const instrument = fixture.market.instruments[0];
    expect(Object.keys(markets)).toEqual([symbol]);
    expect(markets[symbol]).toMatchObject({
      id: 'BTC-USDT-SWAP',
      swap: true,
      linear: true,
      settle: 'USDT',
      contractSize: okxTestRules.contractValue,
      active: true,
    });
    expect(markets[symbol]?.precision.price).toBe(instrument?.tickSize);
    expect(markets[symbol]?.precision.amount).toBeCloseTo(
      (instrument?.stepSize ?? NaN) / okxTestRules.contractValue,
      10,
    );
    expect(markets[symbol]?.limits.leverage?.max).toBe(okxTestRules.contractTiers?.[0]?.maxLeverage);
  });

  it('lists position tiers by contract count with rates and leverage', async () => {
    const tiers = await okxClient(undefined).fetchMarketLeverageTiers(symbol);
    const expected = okxTestRules.contractTiers ?? [];
    expect(tiers).toHaveLength(expected.length);
    expected.forEach((tier, index) => {
      expect(tiers[index]?.maintenanceMarginRate).toBe(tier.maintenanceMarginRate);
      expect(tiers[index]?.maxLeverage).toBe(tier.maxLeverage);
      // ccxt calls them notional, but OKX's minSz/maxSz are contract counts.
      if (Number.isFinite(tier.maxContracts)) expect(tiers[index]?.maxNotional).toBe(tier.maxContracts);
    });
  });
});

describe('okx v5 simulator through ccxt: account', () => {
  it("reports long/short-mode positions in contracts with the account's liquidation prices", async () => {
    const positions = await okxClient(okxTestKeys.readOnly).fetchPositions();
    const account = okxTestAccounts[0];
    expect(positions).toHaveLength(account?.positions.length ?? NaN);
    for (const expected of account?.positions ?? []) {
      const position = positions.find((candidate) => candidate.side === expected.side);
      expect(position).toMatchObject({
        symbol,
        marginMode: expected.marginMode,
        entryPrice: expected.entryPrice,
        liquidationPrice: expected.liquidationPrice,
        markPrice: expected.markPrice,
        leverage: expected.leverage,
        maintenanceMargin: expected.maintenanceMargin,
        unrealizedPnl: expected.unrealizedPnl,
      });
      expect(position?.contracts).toBeCloseTo(expected.size / okxTestRules.contractValue, 8);
      expect(position?.info).toMatchObject({
        posSide: expected.side,
        margin: expected.marginMode === 'isolated' ? String(expected.isolatedMargin) : '',
      });
    }
  });

  it("reports a net-mode short with a negative pos and OKX's inverted margin ratio", async () => {
    const [position] = await okxClient(okxTestKeys.trade).fetchPositions([symbol]);
    const account = okxTestAccounts[1];
    const expected = account?.positions[0];
    expect(position).toMatchObject({
      side: 'short',
      marginMode: 'cross',
      liquidationPrice: expected?.liquidationPrice,
    });
    const info = position?.info as Record<string, string>;
    expect(info.posSide).toBe('net');
    expect(Number(info.pos)).toBeCloseTo(-(expected?.size ?? NaN) / okxTestRules.contractValue, 8);
    const equity = (account?.walletBalance ?? NaN) + (expected?.unrealizedPnl ?? NaN);
    const requirement =
      (expected?.maintenanceMargin ?? NaN) +
      (expected?.size ?? NaN) * (expected?.markPrice ?? NaN) * okxTestRules.takerFeeRate;
    expect(Number(info.mgnRatio)).toBeCloseTo(equity / requirement, 3);
  });

  it('reports the balance: equity, cash balance and the cross maintenance margin', async () => {
    const account = okxTestAccounts[0];
    const [isolated, cross] = account?.positions ?? [];
    const balance = await okxClient(okxTestKeys.readOnly).fetchBalance();
    const cashBal = (account?.walletBalance ?? NaN) + (isolated?.isolatedMargin ?? NaN);
    const equity = cashBal + (isolated?.unrealizedPnl ?? NaN) + (cross?.unrealizedPnl ?? NaN);
    expect(balance.USDT?.total).toBeCloseTo(equity, 6);
    const row = (balance.info as { data: { totalEq: string; mmr: string; details: Record<string, string>[] }[] })
      .data[0];
    expect(Number(row?.totalEq)).toBeCloseTo(equity, 6);
    expect(Number(row?.details[0]?.cashBal)).toBeCloseTo(cashBal, 6);
    expect(Number(row?.details[0]?.mmr)).toBeCloseTo(account?.crossMaintenanceMargin ?? NaN, 6);
  });

  it("answers account config with the key's permissions in perm", async () => {
    const perm = async (key: (typeof okxTestKeys)[keyof typeof okxTestKeys]): Promise<string | undefined> =>
      ((await okxClient(key).privateGetAccountConfig()) as { data: { perm: string }[] }).data[0]?.perm;
    expect(await perm(okxTestKeys.readOnly)).toBe('read_only');
    expect(await perm(okxTestKeys.trade)).toBe('read_only,trade');
    expect(await perm(okxTestKeys.withdraw)).toBe('read_only,withdraw,trade');
  });
});

describe('okx v5 simulator through ccxt: refusals', () => {
  it('raises AuthenticationError for an unknown key, a wrong secret and a wrong passphrase', async () => {
    const { readOnly } = okxTestKeys;
    await expect(okxClient({ ...readOnly, apiKey: 'no-such-key' }).fetchPositions()).rejects.toBeInstanceOf(
      ccxt.AuthenticationError,
    );
    await expect(okxClient({ ...readOnly, secret: 'wrong-secret' }).fetchPositions()).rejects.toBeInstanceOf(
      ccxt.AuthenticationError,
    );
    await expect(okxClient({ ...readOnly, passphrase: 'wrong-pass' }).fetchPositions()).rejects.toBeInstanceOf(
      ccxt.AuthenticationError,
    );
  });

  it('raises InvalidNonce when the client clock is 60 s off', async () => {
    await fixture.server.close();
    fixture = await startOkxFixture(createOkxRoute({ wallClock: () => Date.now() - 60_000 }));
    await expect(okxClient(okxTestKeys.readOnly).fetchBalance()).rejects.toBeInstanceOf(ccxt.InvalidNonce);
  });
});

describe('okx v5 simulator through ccxt: market data', () => {
  it('serves last and mark candles newest first, which ccxt returns oldest first', async () => {
    const exchange = okxClient(undefined);
    const now = fixture.market.now();
    const bars = fixture.market.bars('BTCUSDT', 'last', now - 5 * minuteMs, now, 5);
    const candles = await exchange.fetchOHLCV(symbol, '1m', undefined, 5);
    // ccxt reads the base-currency volume (volCcy) for swaps.
    expect(candles).toEqual(bars.map((bar) => [bar.openTimeMs, bar.open, bar.high, bar.low, bar.close, bar.volume]));
    const raw = (await exchange.publicGetMarketCandles({ instId: 'BTC-USDT-SWAP', bar: '1m', limit: 2 })) as {
      data: string[][];
    };
    expect(raw.data.map((row) => [Number(row[0]), Number(row[5]), row[8]])).toEqual(
      bars
        .slice(-2)
        .reverse()
        .map((bar) => [bar.openTimeMs, bar.volume / okxTestRules.contractValue, '1']),
    );
    const markBars = fixture.market.bars('BTCUSDT', 'mark', now - 3 * minuteMs, now, 3);
    const marks = await exchange.fetchMarkOHLCV(symbol, '1m', undefined, 3);
    expect(marks.map((candle) => candle.slice(0, 5))).toEqual(
      markBars.map((bar) => [bar.openTimeMs, bar.open, bar.high, bar.low, bar.close]),
    );
  });

  it('aggregates hourly candles from a start time', async () => {
    const since = fixture.market.now() - 5 * 60 * minuteMs;
    const candles = await okxClient(undefined).fetchOHLCV(symbol, '1h', since, 3);
    const bars = fixture.market.bars('BTCUSDT', 'last', since, since + 180 * minuteMs, 180);
    expect(candles.map((candle) => candle[0])).toEqual([0, 1, 2].map((index) => since + index * 60 * minuteMs));
    candles.forEach((candle, index) => {
      const group = bars.slice(index * 60, index * 60 + 60);
      expect(candle.slice(1, 5)).toEqual([
        group[0]?.open,
        Math.max(...group.map((bar) => bar.high)),
        Math.min(...group.map((bar) => bar.low)),
        group.at(-1)?.close,
      ]);
    });
  });

  it('serves current open interest in contracts and base, and its USD history', async () => {
    const exchange = okxClient(undefined);
    const ticker = fixture.market.ticker('BTCUSDT');
    const current = await exchange.fetchOpenInterest(symbol);
    expect(current.openInterestAmount).toBeCloseTo(ticker.openInterest / okxTestRules.contractValue, 1);
    expect(current.baseVolume).toBeCloseTo(ticker.openInterest, 3);
    expect(current.openInterestValue).toBeCloseTo(ticker.openInterest * ticker.markPrice, 2);
    const history = await exchange.fetchOpenInterestHistory(symbol, '5m', undefined, 4);
    expect(history.length).toBeGreaterThan(0);
    for (const entry of history) {
      const [sample] = fixture.market.openInterestHistory(
        'BTCUSDT',
        entry.timestamp ?? NaN,
        (entry.timestamp ?? NaN) + 1,
      );
      const [markBar] = fixture.market.bars(
        'BTCUSDT',
        'mark',
        (entry.timestamp ?? NaN) - minuteMs,
        entry.timestamp ?? NaN,
        1,
      );
      expect(entry.openInterestValue).toBeCloseTo((sample?.openInterest ?? NaN) * (markBar?.close ?? NaN), 1);
    }
  });

  it('serves funding rate and times, and the mark price', async () => {
    const exchange = okxClient(undefined);
    const ticker = fixture.market.ticker('BTCUSDT');
    const funding = await exchange.fetchFundingRate(symbol);
    expect(funding).toMatchObject({
      fundingRate: ticker.fundingRate,
      fundingTimestamp: ticker.nextFundingTimeMs,
      interval: '8h',
    });
    const mark = (await exchange.publicGetPublicMarkPrice({ instType: 'SWAP', instId: 'BTC-USDT-SWAP' })) as {
      data: { markPx: string }[];
    };
    expect(Number(mark.data[0]?.markPx)).toBe(ticker.markPrice);
  });

  it('serves taker buy and sell volume per period from the bars', async () => {
    const now = fixture.market.now();
    const response = (await okxClient(undefined).publicGetRubikStatTakerVolumeContract({
      instId: 'BTC-USDT-SWAP',
      period: '5m',
      unit: '0',
      limit: 2,
    })) as { data: string[][] };
    expect(response.data).toHaveLength(2);
    const [ts, sell, buy] = response.data[0] ?? [];
    expect(Number(ts)).toBe(now - 5 * minuteMs);
    const bars = fixture.market.bars('BTCUSDT', 'last', now - 5 * minuteMs, now, 5);
    expect(Number(buy)).toBeCloseTo(
      bars.reduce((sum, bar) => sum + bar.takerBuyVolume, 0),
      3,
    );
    expect(Number(sell)).toBeCloseTo(
      bars.reduce((sum, bar) => sum + bar.volume - bar.takerBuyVolume, 0),
      3,
    );
  });

  it('lists the last day of liquidations with order side, position side, bankruptcy price and contracts', async () => {
    const url = `${fixture.server.baseUrl('okx-swap')}/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled`;
    const body = (await (await fetch(url)).json()) as {
      code: string;
      data: { instId: string; details: Record<string, string>[] }[];
    };
    const expected = fixture.market
      .liquidations('BTCUSDT', fixture.market.now() - 86_400_000, fixture.market.now() + 1)
      .slice()
      .reverse();
    expect(body.code).toBe('0');
    expect(body.data[0]?.instId).toBe('BTC-USDT-SWAP');
    expect(
      body.data[0]?.details.map((detail) => [
        detail.side,
        detail.posSide,
        Number(detail.bkPx),
        Number(detail.sz),
        Number(detail.ts),
      ]),
    ).toEqual(
      expected.map((liquidation) => [
        liquidation.side === 'long' ? 'sell' : 'buy',
        liquidation.side,
        liquidation.price,
        liquidation.size / okxTestRules.contractValue,
        liquidation.timeMs,
      ]),
    );
  });
});
