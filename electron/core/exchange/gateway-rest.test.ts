import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../sim/simulator';
import { GatewayError } from './errors';
import type { ExchangeGateway } from './gateway';
import {
  credentialsFor,
  simGateway,
  simVenues,
  startTestSimulator,
  venueSymbol,
} from '../../../test/support/sim-gateway';

let sim: Simulator;
const gateways: ExchangeGateway[] = [];

function open(...args: Parameters<typeof simGateway>): ExchangeGateway {
  const gateway = simGateway(...args);
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  sim = await startTestSimulator('long-squeeze-crash');
  sim.market.advance(30 * 60_000);
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await sim.stop();
});

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe.each(simVenues)('%s over REST', (venue) => {
  const btc = venueSymbol(venue, 'BTCUSDT');

  it('lists markets and ascending tiers', async () => {
    const gateway = open(sim, venue);
    const markets = await gateway.loadMarkets();
    const instrument = sim.market.instruments.find((i) => i.symbol === 'BTCUSDT');
    const market = markets.find((m) => m.symbol === btc);
    expect(market?.base).toBe('BTC');
    expect(market?.tickSize).toBe(venue === 'hyperliquid' ? market?.tickSize : instrument?.tickSize);
    const tiers = await gateway.fetchTiers(btc);
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers[tiers.length - 1]?.cap).toBeNull();
    for (let k = 1; k < tiers.length; k++) expect(tiers[k]!.floor).toBeGreaterThan(tiers[k - 1]!.floor);
    expect(await gateway.fetchTiers(market?.unifiedSymbol ?? '')).toEqual(tiers);
  });

  it('serves last-price candles equal to the market bars, and mark candles where the venue has them', async () => {
    const gateway = open(sim, venue);
    const since = sim.market.now() - 20 * 60_000;
    const candles = await gateway.fetchCandles(btc, '1m', 'last', since, 10);
    expect(candles.length).toBeGreaterThan(0);
    const tick = sim.market.instruments.find((i) => i.symbol === 'BTCUSDT')?.tickSize ?? 0;
    for (const candle of candles) {
      const bar = sim.market.bars('BTCUSDT', 'last', candle.openTimeMs, candle.openTimeMs + 60_000, 1)[0];
      expect(candle.openTimeMs).toBeGreaterThanOrEqual(since);
      expect(Math.abs(candle.close - (bar?.close ?? Number.NaN))).toBeLessThanOrEqual(tick);
      if (venue === 'binance-usdm') expect(candle.takerBuyVolume).toBeCloseTo(bar?.takerBuyVolume ?? Number.NaN, 6);
      else expect(candle.takerBuyVolume).toBeNull();
    }
    if (venue === 'hyperliquid') {
      expect((await rejection(gateway.fetchCandles(btc, '1m', 'mark', since, 10))).kind).toBe('unsupported');
      return;
    }
    const mark = await gateway.fetchCandles(btc, '1m', 'mark', since, 10);
    expect(mark.length).toBeGreaterThan(0);
    const first = mark[0]!;
    const markBar = sim.market.bars('BTCUSDT', 'mark', first.openTimeMs, first.openTimeMs + 60_000, 1)[0];
    expect(Math.abs(first.close - (markBar?.close ?? Number.NaN))).toBeLessThanOrEqual(tick);
  });

  it('serves open-interest history where the venue has it', async () => {
    const gateway = open(sim, venue);
    const since = sim.market.now() - 2 * 3_600_000;
    if (venue === 'hyperliquid') {
      expect((await rejection(gateway.fetchOpenInterestHistory(btc, '5m', since))).kind).toBe('unsupported');
      return;
    }
    const points = await gateway.fetchOpenInterestHistory(btc, '5m', since);
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(point.base !== null || point.usd !== null).toBe(true);
      if (point.base !== null) expect(point.base).toBeGreaterThan(0);
      if (point.usd !== null) expect(point.usd).toBeGreaterThan(0);
    }
    for (let k = 1; k < points.length; k++) expect(points[k]!.timeMs).toBeGreaterThan(points[k - 1]!.timeMs);
  });

  it('splits taker volume where the venue publishes it', async () => {
    const gateway = open(sim, venue);
    const since = sim.market.now() - 2 * 3_600_000;
    if (venue === 'hyperliquid') {
      expect((await rejection(gateway.fetchTakerVolume(btc, '5m', since))).kind).toBe('unsupported');
      return;
    }
    // Bybit publishes no taker statistic: its split is summed from its public trades (recent-trade).
    const points = await gateway.fetchTakerVolume(btc, '5m', since);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.buyVolume >= 0 && p.sellVolume >= 0 && p.source === 'venue')).toBe(true);
    expect(points.some((p) => p.buyVolume + p.sellVolume > 0)).toBe(true);
    if (venue === 'binance-usdm') {
      // No 1-minute statistic: derived from the klines' taker-buy volume instead.
      const minutes = await gateway.fetchTakerVolume(btc, '1m', sim.market.now() - 10 * 60_000);
      expect(minutes.length).toBeGreaterThan(0);
      expect(minutes.every((p) => p.source === 'candles')).toBe(true);
    }
  });

  it('detects read-only, trading and withdrawing keys', async () => {
    const readOnly = await open(sim, venue).checkPermissions();
    expect(readOnly).toMatchObject({ canRead: true, canTrade: false, canWithdraw: false, readOnly: true });
    if (venue === 'hyperliquid') return;
    const trade = await open(sim, venue, credentialsFor(sim, venue, 'trade')).checkPermissions();
    expect(trade).toMatchObject({ canTrade: true, canWithdraw: false, readOnly: false });
    const withdraw = await open(sim, venue, credentialsFor(sim, venue, 'withdraw')).checkPermissions();
    expect(withdraw).toMatchObject({ canWithdraw: true, readOnly: false });
  });

  it('answers a bad key with the user-facing auth error, never echoing the secret', async () => {
    if (venue === 'hyperliquid') {
      // An address has no secret: an unknown address is simply an empty account.
      const snapshot = await open(sim, venue, { address: '0x' + '0'.repeat(40) }).fetchAccount();
      expect(snapshot.positions).toHaveLength(0);
      return;
    }
    const good = credentialsFor(sim, venue);
    const secret = 'wrong-secret-1234567890';
    const bad = { ...(good !== null && 'apiKey' in good ? good : { apiKey: '' }), secret };
    const error = await rejection(open(sim, venue, bad).fetchAccount());
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('check your key');
    expect(error.message).not.toContain(secret);
    const noKey = await rejection(open(sim, venue, null).fetchAccount());
    expect(noKey.kind).toBe('auth');
  });
});

describe('malformed open interest', () => {
  it('a Binance row whose amount is of the wrong type is dropped, never kept with its amount missing', async () => {
    const gateway = open(sim, 'binance-usdm');
    const since = sim.market.now() - 2 * 3_600_000;
    const healthy = await gateway.fetchOpenInterestHistory('BTCUSDT', '5m', since);
    expect(healthy.length).toBeGreaterThan(0);
    sim.faults.inject(
      'binance-usdm',
      { kind: 'wrong-type', field: 'sumOpenInterest' },
      { count: 1, path: 'openInterestHist' },
    );
    const broken = await gateway.fetchOpenInterestHistory('BTCUSDT', '5m', since);
    expect(broken.filter((point) => point.base === null || point.usd === null)).toEqual([]);
    expect(broken.length).toBeLessThan(healthy.length);
    // The fault is over: the same request answers in full again.
    expect(await gateway.fetchOpenInterestHistory('BTCUSDT', '5m', since)).toEqual(healthy);
  });
});
