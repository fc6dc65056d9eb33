// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiqLensApi } from '../../../shared/ipc/contract';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { Heartbeat } from '../../../shared/ipc/views/app';
import type { MarketUpdate, MarketView } from '../../../shared/ipc/views/markets';
import { demoBinanceRisk, demoMarks, fixtureAccountPositions } from '../features/whatif/fixtures/demo-account';
import { createConnectionSource } from '../lib/connection';
import { App } from './App';
import { BridgeContext } from './bridge-context';
import { demoSource } from '../../../shared/domain/market-source';

// happy-dom has no canvas: the chart library is swapped for an object that accepts every call.
vi.mock('lightweight-charts', async (importOriginal) => {
  const inert: unknown = new Proxy(() => undefined, {
    get: (_target, property) => (property === 'then' || typeof property === 'symbol' ? undefined : inert),
    apply: () => inert,
  });
  return { ...(await importOriginal<object>()), createChart: inert, createSeriesMarkers: inert };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const account: AccountSummary = {
  id: 'demo-binance',
  label: 'Demo · Binance',
  venue: 'binance-usdm',
  kind: 'demo',
  status: 'live',
  updatedAtMs: 0,
  equity: null,
  maintenanceMargin: null,
  marginRatio: null,
  accountMode: null,
  venueGauge: null,
};
const positions = fixtureAccountPositions(account.id, demoBinanceRisk);

function marketView(symbol: string): MarketView {
  return {
    venue: 'binance-usdm',
    source: demoSource,
    symbol,
    displaySymbol: symbol,
    timeframe: '5m',
    tickSize: 0.1,
    candles: [],
    markPrice: demoMarks.BTCUSDT,
    updatedAtMs: 0,
    stale: false,
    clusters: null,
    backfill: { state: 'done', progress: 1, message: '' },
  };
}

/**
 * The bridge as the renderer sees it, answering from fixtures and counting every event
 * subscription made (`made`) and still held (`held`), per event method.
 */
function fakeBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const made = new Map<string, number>();
  const answers: Partial<Record<keyof LiqLensApi, (...args: never[]) => unknown>> = {
    getAppInfo: () => ({ name: 'LiqLens', version: '0', mode: 'web', dataDir: '/tmp', notices: [], firstStart: false }),
    getSettings: () => ({ theme: 'dark' }),
    listAccounts: () => [account],
    listPositions: () => [positions],
    listAlerts: () => ({ active: [], worstLevel: null, history: [] }),
    openMarket: (market: { symbol: string }) => marketView(market.symbol),
    closeMarket: () => null,
  };
  const api = new Proxy({} as LiqLensApi, {
    get: (_target, name: string) => {
      if (/^on[A-Z]/.test(name))
        return (listener: (payload: unknown) => void) => {
          made.set(name, (made.get(name) ?? 0) + 1);
          const set = listeners.get(name) ?? new Set();
          listeners.set(name, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      const answer = answers[name as keyof LiqLensApi];
      // Requests the test does not answer stay pending, as a slow core's would.
      return (...args: never[]) => (answer ? Promise.resolve(answer(...args)) : new Promise(() => undefined));
    },
  });
  const emit = (name: string, payload: unknown): void => listeners.get(name)?.forEach((listener) => listener(payload));
  return {
    bridge: { api, connection: createConnectionSource('connected'), transport: 'web' as const },
    made: (name: string) => made.get(name) ?? 0,
    held: (name: string) => listeners.get(name)?.size ?? 0,
    emit,
  };
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('the app on a live core', () => {
  it('keeps one market subscription across ten heartbeats and shows each beat on the clock', async () => {
    const fake = fakeBridge();
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => {
      root?.render(
        <BridgeContext.Provider value={fake.bridge}>
          <App />
        </BridgeContext.Provider>,
      );
    });
    const chart = host.querySelector('[data-testid="price-chart"]');
    expect(chart).not.toBeNull();
    expect(host.querySelector('[data-app-state]')?.getAttribute('data-app-state')).toBe('ready');
    expect(fake.held('onMarketUpdate')).toBe(1);
    const before = new Map(['onMarketUpdate', 'onHeartbeat', 'onPositionsChanged'].map((n) => [n, fake.made(n)]));

    for (let seq = 1; seq <= 10; seq++) {
      const beat: Heartbeat = { seq, coreTimeMs: Date.UTC(2026, 0, 1, 12, 0, seq), uptimeMs: seq * 1000 };
      const tick: MarketUpdate = {
        venue: 'binance-usdm',
        source: demoSource,
        symbol: positions.positions[0]?.symbol ?? '',
        timeframe: '5m',
        candle: null,
        markPrice: demoMarks.BTCUSDT + seq,
        updatedAtMs: seq * 1000,
        stale: false,
      };
      act(() => {
        fake.emit('onHeartbeat', beat);
        fake.emit('onMarketUpdate', tick);
      });
      expect(host.querySelector('[data-testid="core-clock"]')?.getAttribute('data-seq')).toBe(String(seq));
    }

    // No subscription was torn down and made again: the counts of subscriptions made did not move.
    for (const [name, count] of before) expect(fake.made(name), name).toBe(count);
    expect(fake.held('onMarketUpdate')).toBe(1);
    expect(fake.made('onMarketUpdate')).toBe(1);
    expect(fake.held('onHeartbeat')).toBe(1);
    // The same chart element is still there: nothing above it was re-mounted.
    expect(host.querySelector('[data-testid="price-chart"]')).toBe(chart);
  });
});
