import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../../shared/domain/candle';
import type { MarketKey } from '../../../../shared/ipc/contract';
import type { ClusterWire } from '../../../../shared/ipc/views/clusters';
import type { MarketUpdate, MarketView } from '../../../../shared/ipc/views/markets';
import { allCandles, applyUpdate, openingState, withSnapshot } from './market-state';
import { createMarketStore, type MarketFeed } from './market-store';

const key: MarketKey = { venue: 'binance-usdm', source: 'demo', symbol: 'BTCUSDT' };
const minute = 60_000;

function candle(minutes: number, close: number): Candle {
  return {
    openTimeMs: minutes * minute,
    open: 100,
    high: Math.max(100, close),
    low: Math.min(100, close),
    close,
    volume: 0,
    takerBuyVolume: null,
  };
}

function clusters(longUsd: number): ClusterWire {
  return {
    binSize: { kind: 'absolute', step: 10 },
    timeMs: 0,
    price: 100,
    map: { bins: [], leverages: [] },
    profile: { firstBin: 5, long: [longUsd], short: [0] },
    heatmap: { everyMs: minute, columns: [] },
    realized: [],
  } as unknown as ClusterWire;
}

const view: MarketView = {
  ...key,
  displaySymbol: 'BTC/USDT',
  timeframe: '1m',
  tickSize: 0.1,
  candles: [candle(1, 101), candle(2, 102)],
  markPrice: 102,
  updatedAtMs: 2 * minute,
  stale: false,
  freshness: { state: 'live', updatedAtMs: 2 * minute },
  clusters: clusters(1_000),
  backfill: { state: 'done', progress: 1, message: '' },
};

/** An update; its freshness follows `stale` and `updatedAtMs`, as the core's does. */
function update(patch: Partial<MarketUpdate>): MarketUpdate {
  const updatedAtMs = patch.updatedAtMs ?? 3 * minute;
  return {
    ...key,
    timeframe: '1m',
    candle: null,
    markPrice: null,
    updatedAtMs,
    stale: false,
    freshness: patch.stale ? { state: 'stale', updatedAtMs, reason: 'no market data' } : { state: 'live', updatedAtMs },
    ...patch,
  };
}

const opened = withSnapshot(openingState(key, '1m'), view);

describe('market state', () => {
  it('is stale and empty until the snapshot arrives, keeping only backfill progress meanwhile', () => {
    const opening = openingState(key, '1m');
    expect(opening.stale).toBe(true);
    const progress = { state: 'running', progress: 0.4, message: 'Backfilling' } as const;
    const next = applyUpdate(opening, update({ backfill: progress, markPrice: 99, candle: candle(3, 99) }));
    expect(next.backfill).toEqual(progress);
    expect(next.mark).toBeNull();
    expect(next.tail).toEqual([]);
    // The same progress again changes nothing: the very same object comes back.
    expect(applyUpdate(next, update({ backfill: { ...progress } }))).toBe(next);
  });

  it('appends new bars, replaces the forming one and follows the mark', () => {
    const a = applyUpdate(opened, update({ candle: candle(3, 103), markPrice: 103 }));
    const b = applyUpdate(a, update({ candle: candle(3, 104), markPrice: 104, updatedAtMs: 3.5 * minute }));
    const c = applyUpdate(b, update({ candle: candle(4, 105), markPrice: 105, updatedAtMs: 4 * minute }));
    expect(c.mark).toBe(105);
    expect(allCandles(c).map((bar) => [bar.openTimeMs / minute, bar.close])).toEqual([
      [1, 101],
      [2, 102],
      [3, 104],
      [4, 105],
    ]);
    // A candle older than the last bar is ignored.
    expect(applyUpdate(c, update({ candle: candle(2, 90), markPrice: 105, updatedAtMs: 4 * minute }))).toBe(c);
  });

  it('returns the same object for an update that changes nothing, and for other markets or timeframes', () => {
    const a = applyUpdate(opened, update({ markPrice: 103 }));
    expect(applyUpdate(a, update({ markPrice: 103 }))).toBe(a);
    expect(applyUpdate(a, update({ symbol: 'ETHUSDT', markPrice: 1 }))).toBe(a);
    expect(applyUpdate(a, update({ source: 'production', markPrice: 1 })), 'another source is another market').toBe(a);
    expect(applyUpdate(a, update({ timeframe: '5m', markPrice: 1 }))).toBe(a);
  });

  it('turns stale and back with the feed, keeping the last mark', () => {
    const live = applyUpdate(opened, update({ markPrice: 103 }));
    const stale = applyUpdate(live, update({ stale: true, updatedAtMs: 9 * minute }));
    expect(stale.stale).toBe(true);
    expect(stale.mark).toBe(103);
    expect(applyUpdate(stale, update({ stale: false, markPrice: 104, updatedAtMs: 10 * minute })).stale).toBe(false);
  });

  it('decodes the profile once per cluster change, so every reader gets the same profile object', () => {
    expect(opened.profile?.long[0]).toBe(1_000);
    const tick = applyUpdate(opened, update({ markPrice: 103 }));
    expect(tick.profile).toBe(opened.profile);
    const fresh = applyUpdate(tick, update({ clusters: clusters(2_000) }));
    expect(fresh.profile).not.toBe(opened.profile);
    expect(fresh.profile?.long[0]).toBe(2_000);
  });
});

/** A bridge stand-in that counts subscriptions and lets the test push updates and answer `market:open`. */
function fakeFeed() {
  const listeners = new Set<(update: MarketUpdate) => void>();
  const opens: { answer: (view: MarketView) => void; fail: (error: Error) => void }[] = [];
  let subscriptions = 0;
  const closed: MarketKey[] = [];
  const feed: MarketFeed = {
    openMarket: () => new Promise((answer, fail) => opens.push({ answer, fail })),
    closeMarket: (market) => {
      closed.push(market);
      return Promise.resolve(null);
    },
    onMarketUpdate: (listener) => {
      subscriptions++;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    feed,
    opens,
    closed,
    subscriptions: () => subscriptions,
    live: () => listeners.size,
    push: (message: MarketUpdate) => listeners.forEach((listener) => listener(message)),
  };
}

describe('market store', () => {
  it('holds a shown market with one bridge subscription, notifies only on change, and drops it when hidden', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    let heard = 0;
    store.subscribe(key, () => heard++);
    const hide = store.show(key, '1m');
    expect(fake.live()).toBe(1);
    expect(store.get(key)?.snapshot).toBeNull();
    fake.opens[0]?.answer(view);
    await Promise.resolve();
    const first = store.get(key);
    expect(first?.snapshot).toBe(view);
    const heardAfterOpen = heard;
    fake.push(update({ markPrice: 102, updatedAtMs: 2 * minute }));
    expect(store.get(key)).toBe(first);
    expect(heard).toBe(heardAfterOpen);
    fake.push(update({ markPrice: 103 }));
    expect(store.get(key)?.mark).toBe(103);
    expect(heard).toBe(heardAfterOpen + 1);
    hide();
    expect(fake.live()).toBe(0);
    expect(fake.subscriptions()).toBe(1);
    // The link dropped: the last data stays on screen, marked stale, until the market is shown again.
    expect(store.get(key)?.stale).toBe(true);
    expect(store.get(key)?.mark).toBe(103);
    store.show(key, '1m');
    expect(store.get(key)?.snapshot).toBe(view);
    fake.opens[1]?.answer({ ...view, markPrice: 110 });
    await Promise.resolve();
    expect(store.get(key)?.mark).toBe(110);
    expect(store.get(key)?.stale).toBe(false);
    store.close(key);
    expect(store.get(key)).toBeNull();
    expect(fake.closed).toEqual([key]);
  });

  it('keeps two sources of one venue and symbol as two markets: the Demo tick never moves the real mark', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    const real: MarketKey = { ...key, source: 'production' };
    store.show(key, '1m');
    store.show(real, '1m');
    fake.opens[0]?.answer(view);
    fake.opens[1]?.answer({ ...view, source: 'production', markPrice: 90_000 });
    await Promise.resolve();
    expect(store.get(key)?.mark).toBe(102);
    expect(store.get(real)?.mark).toBe(90_000);
    fake.push(update({ markPrice: 103 }));
    expect(store.get(key)?.mark).toBe(103);
    expect(store.get(real)?.mark).toBe(90_000);
    store.close(key);
    expect(store.get(key)).toBeNull();
    expect(store.get(real)?.mark).toBe(90_000);
  });

  it('keeps why opening failed', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    store.show(key, '1m');
    fake.opens[0]?.fail(new Error('symbol not found'));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.get(key)?.error).toBe('symbol not found');
  });

  it('keeps the candles on screen, stale with the failure as reason, when reopening fails (the core is gone)', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    const hide = store.show(key, '1m');
    fake.opens[0]?.answer(view);
    await Promise.resolve();
    hide('connection to LiqLens lost');
    store.show(key, '1m');
    fake.opens[1]?.fail(new Error('Not connected to LiqLens'));
    await Promise.resolve();
    await Promise.resolve();
    const state = store.get(key);
    expect(state?.snapshot).toBe(view);
    expect(state?.error).toBe('Not connected to LiqLens');
    expect(state?.stale).toBe(true);
    expect(state?.freshness).toMatchObject({ state: 'stale', reason: 'could not refresh: Not connected to LiqLens' });
  });

  it('asks again when opening timed out and the backfill then reports done', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    store.show(key, '1m');
    fake.push(update({ backfill: { state: 'running', progress: 0.5, message: 'Backfilling' } }));
    fake.opens[0]?.fail(new Error('LiqLens did not answer market:open in time.'));
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.opens).toHaveLength(1);
    fake.push(update({ backfill: { state: 'done', progress: 1, message: '' } }));
    expect(fake.opens).toHaveLength(2);
    fake.opens[1]?.answer(view);
    await Promise.resolve();
    expect(store.get(key)?.snapshot).toBe(view);
    expect(store.get(key)?.error).toBeNull();
    expect(fake.subscriptions()).toBe(1);
  });

  it('keeps the map from recordings on screen, then asks once for the caught-up snapshot when the backfill is done', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    store.show(key, '1m');
    const restored: MarketView = {
      ...view,
      markPrice: null,
      stale: true,
      freshness: { state: 'unknown', reason: 'loading the market' },
      backfill: { state: 'running', progress: 0.01, message: 'Map from local recordings' },
    };
    fake.opens[0]?.answer(restored);
    await Promise.resolve();
    expect(store.get(key)?.clusters).toBe(restored.clusters);
    expect(store.get(key)?.profile).not.toBeNull();
    fake.push(update({ backfill: { state: 'running', progress: 0.5, message: 'Loading' } }));
    expect(fake.opens).toHaveLength(1);
    fake.push(update({ backfill: { state: 'done', progress: 1, message: '' }, clusters: clusters(2_000) }));
    fake.push(update({ backfill: { state: 'done', progress: 1, message: '' }, markPrice: 104 }));
    expect(fake.opens).toHaveLength(2);
    fake.opens[1]?.answer({ ...view, candles: [candle(1, 101), candle(2, 102), candle(3, 103)] });
    await Promise.resolve();
    expect(allCandles(store.get(key)!)).toHaveLength(3);
    expect(store.get(key)?.backfill?.state).toBe('done');
    fake.push(update({ backfill: { state: 'done', progress: 1, message: '' }, markPrice: 105 }));
    expect(fake.opens).toHaveLength(2);
  });

  it('ignores the answer of a showing that was replaced', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    const hideFirst = store.show(key, '1m');
    store.show(key, '5m');
    hideFirst();
    fake.opens[0]?.answer(view);
    await Promise.resolve();
    expect(store.get(key)?.timeframe).toBe('5m');
    expect(store.get(key)?.snapshot).toBeNull();
    expect(fake.live()).toBe(1);
  });

  it('hands a prefetched market to its showing without asking again, with the updates heard meanwhile', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    store.prefetch(key, '1m');
    fake.opens[0]?.answer(view);
    await Promise.resolve();
    fake.push(update({ markPrice: 104 }));
    const hide = store.show(key, '1m');
    expect(fake.opens).toHaveLength(1);
    expect(fake.live()).toBe(1);
    expect(store.get(key)?.snapshot).toBe(view);
    expect(store.get(key)?.mark).toBe(104);
    hide();
    expect(fake.live()).toBe(0);
    expect(store.get(key)?.stale).toBe(true);
  });

  it('closes a prefetched market once another one is shown, and opens afresh on another timeframe', async () => {
    const fake = fakeFeed();
    const store = createMarketStore(fake.feed);
    const other: MarketKey = { ...key, symbol: 'ETHUSDT' };
    store.prefetch(key, '1m');
    store.show(other, '1m');
    expect(fake.closed).toEqual([key]);
    expect(store.get(key)).toBeNull();
    expect(fake.live()).toBe(1);
    store.prefetch(other, '1m');
    expect(fake.opens).toHaveLength(2);
    const third: MarketKey = { ...key, symbol: 'SOLUSDT' };
    store.prefetch(third, '1m');
    store.show(third, '5m');
    expect(fake.opens).toHaveLength(4);
    expect(store.get(third)?.timeframe).toBe('5m');
  });
});
