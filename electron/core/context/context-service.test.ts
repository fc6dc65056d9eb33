import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketKey } from '../../../shared/domain/market-source';
import type { DemoVenue } from '../../../shared/domain/venue';
import { createDemoDriver } from '../../sim/demo-control';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { createSilentLogger } from '../logger';
import { createContextService, type ContextService } from './context-service';

const symbols: Readonly<Record<DemoVenue, string>> = {
  'binance-usdm': 'BTCUSDT',
  'bybit-linear': 'BTCUSDT',
  'okx-swap': 'BTC-USDT-SWAP',
  hyperliquid: 'BTC',
};
let sim: Simulator;
let service: ContextService;
const marketOn = (venue: DemoVenue): MarketKey => ({ venue, source: 'sim', symbol: symbols[venue] });

beforeAll(async () => {
  // Now to the minute, as the Demo starts: ccxt asks Hyperliquid for "the latest" candles by the local clock.
  const startTimeMs = Math.floor(Date.now() / 60_000) * 60_000;
  sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, historyDays: 1.5, traderCount: 400, startTimeMs });
  service = createContextService({
    createGateway,
    resolveSource: ({ venue }) => ({ baseUrl: sim.baseUrl(venue) }),
    clock: createSystemClock(),
    logger: createSilentLogger(),
    refreshMs: 0,
  });
});
afterAll(async () => {
  await service.stop();
  await sim.stop();
});

describe('market context through ccxt against the simulated venues', () => {
  it.each<DemoVenue>(['binance-usdm', 'bybit-linear', 'okx-swap'])(
    '%s: open interest with its 1 h and 24 h change, funding with its settlement, the long/short ratio and volume',
    async (venue) => {
      // The simulator's time around the read: a 5-minute boundary may pass while it is under way.
      const readFromMs = sim.market.ticker('BTCUSDT').timeMs;
      const view = await service.get(marketOn(venue));
      expect(view.freshness.state).toBe('live');
      const ticker = sim.market.ticker('BTCUSDT');
      expect(view.price).toMatchObject({ state: 'ok' });
      if (view.openInterest.state !== 'ok') throw new Error(view.openInterest.reason);
      expect(view.openInterest.change1h).not.toBeNull();
      expect(view.openInterest.change24h).not.toBeNull();
      // The newest 5m sample: the simulator's open interest at the last 5-minute boundary.
      const samples = sim.market.openInterestHistory('BTCUSDT', 0, Infinity).filter((s) => s.timeMs % 300_000 === 0);
      if (view.openInterest.unit === 'base')
        expect(view.openInterest.now).toBeCloseTo(samples[samples.length - 1]?.openInterest ?? 0, 2);
      expect(view.funding).toMatchObject({ state: 'ok', nextSettlementMs: ticker.nextFundingTimeMs });
      if (view.funding.state === 'ok') {
        expect(view.funding.rate).toBeCloseTo(ticker.fundingRate, 8);
        // Read on the venue's clock (the simulator's), held in the newest 5m candle the venue sent, not at
        // that candle's end. At a read exactly on a 5-minute boundary (the paused simulator started in a
        // minute divisible by five) the newest candle is the one that just closed: it holds the instant before.
        expect(view.funding.readAtMs).toBeGreaterThanOrEqual(Math.floor((readFromMs - 1) / 300_000) * 300_000);
        expect(view.funding.readAtMs).toBeLessThan(Math.floor(ticker.timeMs / 300_000) * 300_000 + 300_000);
      }
      // The simulator's crowd: ratio = long share / short share at the newest hour.
      const share = sim.market.longShareHistory('BTCUSDT', 0, Infinity).filter((s) => s.timeMs % 3_600_000 === 0);
      const newest = share[share.length - 1]?.longShare ?? 0;
      if (view.longShort.state !== 'ok') throw new Error(view.longShort.reason);
      expect(view.longShort.now).toBeCloseTo(newest / (1 - newest), 3);
      expect(view.longShort.change24h).not.toBeNull();
      expect(view.volume).toMatchObject({ state: 'ok' });
      if (view.volume.state === 'ok') expect(view.volume.relative1h).not.toBeNull();
    },
  );

  it('reads CVD from Binance candles, OKX statistics and Bybit public trades', async () => {
    expect((await service.get(marketOn('binance-usdm'))).cvd).toMatchObject({ state: 'ok' });
    expect((await service.get(marketOn('okx-swap'))).cvd).toMatchObject({ state: 'ok' });
    const view = await service.get(marketOn('bybit-linear'));
    if (view.cvd.state !== 'ok') throw new Error(view.cvd.reason);
    if (view.asOfMs === null) throw new Error('the context has no clock');
    // The simulator's taker flow over the hour of 5m periods ending at the context's clock.
    const bars = sim.market.bars('BTCUSDT', 'last', view.asOfMs - 3_600_000, view.asOfMs, 60);
    const net = bars.reduce((sum, bar) => sum + 2 * bar.takerBuyVolume - bar.volume, 0);
    const traded = bars.reduce((sum, bar) => sum + bar.volume, 0);
    // Each trade's size is written to the instrument's step (0.001 BTC): two trades a minute.
    expect(Math.abs(view.cvd.net1h - net)).toBeLessThanOrEqual(bars.length * 0.001);
    expect(view.cvd.share1h).toBeCloseTo(net / traded, 3);
    // 1,000 trades reach back about 8 h: the trail is whole, the day is not covered.
    expect(view.cvd.trailHours).toBe(4);
    expect(view.cvd.net24h).toBeNull();
  });

  it('says which feeds Hyperliquid does not publish, and reads its hourly funding', async () => {
    const view = await service.get(marketOn('hyperliquid'));
    expect(view.longShort).toEqual({
      state: 'absent',
      reason: 'Hyperliquid does not publish a long/short account ratio.',
    });
    expect(view.openInterest.state).toBe('absent');
    expect(view.funding).toMatchObject({ state: 'ok', intervalHours: 1 });
    expect(view.price.state).toBe('ok');
  });

  it('flags short covering once a squeeze lifts price while shorts are liquidated', async () => {
    const driver = createDemoDriver(sim.market, { speed: 1 });
    expect(driver.set({ scenario: 'squeeze' })).toEqual({ scenario: 'squeeze', speed: 1 });
    expect(sim.market.scenario).toBe('squeeze');
    let flags: readonly string[] = [];
    // Minute by minute through the squeeze (40 min), as a user at 20x would watch it.
    for (let minute = 0; minute < 40 && !flags.some((text) => text.includes('short covering')); minute++) {
      sim.market.advance(60_000);
      flags = (await service.refresh(marketOn('binance-usdm'))).flags.map((flag) => flag.text);
    }
    expect(flags.find((text) => text.includes('short covering'))).toMatch(
      /^Price up \d+\.\d % in 1 h, open interest falling \d+\.\d %: short covering, not new longs\.$/,
    );
    driver.stop();
  });

  it('is stale with the reason, keeping its figures, when the venue stops answering', async () => {
    const market = marketOn('bybit-linear');
    const before = await service.get(market);
    const faulty = createContextService({
      createGateway,
      resolveSource: () => ({ baseUrl: 'http://127.0.0.1:9/bybit' }),
      clock: createSystemClock(),
      logger: createSilentLogger(),
      refreshMs: 0,
    });
    const view = await faulty.get(market);
    await faulty.stop();
    expect(before.freshness.state).toBe('live');
    expect(view.freshness).toMatchObject({ state: 'stale', updatedAtMs: null });
    expect(view.freshness.state === 'stale' && view.freshness.reason).toMatch(/^venue not answering: /);
    expect(view.price.state).toBe('absent');
  });
});
