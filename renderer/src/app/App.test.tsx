// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPriceGrid, liquidationSideNearest, type BinSize, type Profile } from '../../../shared/clusters';
import type { LiqLensApi } from '../../../shared/ipc/contract';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { Heartbeat } from '../../../shared/ipc/views/app';
import type { ClusterWire } from '../../../shared/ipc/views/clusters';
import type { MarketUpdate, MarketView } from '../../../shared/ipc/views/markets';
import type { AccountPositions, PositionView } from '../../../shared/ipc/views/positions';
import { ClusterPrimitive } from '../features/chart/cluster-primitive';
import { formatUsdCompact } from '../features/chart/usd-compact';
import { formatPercent, formatPrice } from '../features/positions/format';
import { shownLiquidationPrice } from '../features/positions/shown-liquidation';
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
  source: 'demo',
  kind: 'demo',
  status: 'live',
  freshness: { state: 'live', updatedAtMs: 0 },
  updatedAtMs: 0,
  equity: null,
  maintenanceMargin: null,
  marginRatio: null,
  accountMode: null,
  venueGauge: null,
};
const positions = fixtureAccountPositions(account.id, demoBinanceRisk);

function marketView(symbol: string, clusters: ClusterWire | null = null): MarketView {
  return {
    venue: 'binance-usdm',
    source: demoSource,
    symbol,
    displaySymbol: symbol,
    timeframe: '5m',
    tickSize: 0.1,
    candles: [],
    markPrice: symbol === 'ETHUSDT' ? demoMarks.ETHUSDT : demoMarks.BTCUSDT,
    updatedAtMs: 0,
    stale: false,
    freshness: { state: 'live', updatedAtMs: 0 },
    clusters,
    backfill: { state: 'done', progress: 1, message: '' },
  };
}

/**
 * The bridge as the renderer sees it, answering from fixtures and counting every event
 * subscription made (`made`) and still held (`held`), per event method.
 */
function fakeBridge(open: ((symbol: string) => MarketView) | null = marketView, held: AccountPositions = positions) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const made = new Map<string, number>();
  const answers: Partial<Record<keyof LiqLensApi, (...args: never[]) => unknown>> = {
    getAppInfo: () => ({
      name: 'LiqLens',
      version: '0',
      mode: 'web',
      dataDir: '/tmp',
      notices: [],
      firstStart: false,
      keyStorage: 'memory',
    }),
    getSettings: () => ({ theme: 'dark' }),
    listAccounts: () => [account],
    listPositions: () => [held],
    listAlerts: () => ({ active: [], worstLevel: null, history: [] }),
    // null: the market never answers, as a venue still backfilling.
    ...(open === null ? {} : { openMarket: (market: { symbol: string }) => open(market.symbol) }),
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
  vi.restoreAllMocks();
});

/** Renders the app and lets the core's answers in, without letting a frame pass. */
async function mountApp(fake: ReturnType<typeof fakeBridge>): Promise<HTMLElement> {
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
  return host;
}

/** One painted frame and the task after it. */
const nextFrame = (): Promise<void> =>
  act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Lets React in until the side panels, loaded as their own chunks once asked for, have drawn. */
async function panelsDrawn(host: HTMLElement): Promise<void> {
  await vi.waitFor(
    async () => {
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
      expect(host.querySelector('[data-testid="whatif-panel"]')).not.toBeNull();
    },
    { timeout: 20_000 },
  );
}

/** Renders the app with its side panels, which follow the chart's first painted frame (usePanelsAfterChart). */
async function renderApp(fake: ReturnType<typeof fakeBridge>): Promise<HTMLElement> {
  const host = await mountApp(fake);
  await nextFrame();
  await panelsDrawn(host);
  return host;
}

describe('the position charted when none was picked', () => {
  afterEach(() => localStorage.clear());

  it('is the riskiest on a first start, and the same one after a reload once another has become riskier', async () => {
    const opened: string[] = [];
    const open = (symbol: string): MarketView => {
      opened.push(symbol);
      return marketView(symbol);
    };
    const ranked = [...positions.positions].sort((a, b) => (b.marginRatio ?? 0) - (a.marginRatio ?? 0));
    const riskiest = ranked[0];
    const other = ranked.find((p) => p.symbol !== riskiest?.symbol);
    if (riskiest === undefined || other === undefined) throw new Error('the fixture has two markets');
    await renderApp(fakeBridge(open));
    expect(opened).toEqual([riskiest.symbol]);
    act(() => root?.unmount());
    // The other position is now the riskier one; the reload keeps the one it charted.
    const swapped = {
      ...positions,
      positions: positions.positions.map((p) =>
        p === other ? { ...p, marginRatio: (riskiest.marginRatio ?? 0) + 0.1 } : p,
      ),
    };
    opened.length = 0;
    await renderApp(fakeBridge(open, swapped));
    expect(opened).toEqual([riskiest.symbol]);
  });
});

describe('the first paint', () => {
  const rows = (host: HTMLElement): number => host.querySelectorAll('[data-testid="position-row"]').length;

  it("draws the chart's first frame on its own and the side panels in the next", async () => {
    const host = await mountApp(fakeBridge());
    expect(host.querySelector('[data-testid="price-chart"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="whatif-panel"]')).toBeNull();
    expect(rows(host)).toBe(0);
    await nextFrame();
    await panelsDrawn(host);
    expect(rows(host)).toBe(positions.positions.length);
  });

  it('shows the side panels while the market has not answered, once the positions have waited for it', async () => {
    const host = await mountApp(fakeBridge(null));
    await nextFrame();
    expect(host.querySelector('[data-testid="price-chart"]')).not.toBeNull();
    expect(rows(host)).toBe(0);
    await vi.waitFor(
      async () => {
        await act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
        expect(rows(host)).toBe(positions.positions.length);
      },
      { timeout: 20_000 },
    );
  });
});

describe('the app on a live core', () => {
  it('keeps one market subscription across ten heartbeats and shows each beat on the clock', async () => {
    const fake = fakeBridge();
    const host = await renderApp(fake);
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
        freshness: { state: 'live', updatedAtMs: 0 },
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

const binSize: BinSize = { kind: 'absolute', step: 10 };

/**
 * A cluster estimate around `mark` with one wall of long liquidations below it and one of short
 * liquidations above, `belowFraction` and `aboveFraction` away, each with crumbs beside it.
 */
function clustersAround(mark: number, belowFraction: number, aboveFraction: number, usd: number): ClusterWire {
  const grid = createPriceGrid(binSize);
  const firstBin = grid.binOf(mark * 0.85);
  const n = grid.binOf(mark * 1.15) - firstBin + 1;
  const long = new Array<number>(n).fill(0),
    short = new Array<number>(n).fill(0);
  const below = grid.binOf(mark * (1 - belowFraction)) - firstBin,
    above = grid.binOf(mark * (1 + aboveFraction)) - firstBin;
  long[below] = usd;
  long[below + 1] = usd / 10;
  short[above] = usd;
  short[above - 1] = usd / 10;
  return {
    binSize,
    timeMs: 0,
    price: mark,
    map: { bins: [], leverages: [] },
    profile: { firstBin, long, short },
    heatmap: { everyMs: 300_000, columns: [] },
    realized: [],
  } as unknown as ClusterWire;
}

describe('the positions panel on the market store', () => {
  it("reads the charted market's nearest cluster from the profile and mark the chart draws, and the core's figure for the others", async () => {
    // What the chart is handed to draw: the last profile and mark given to its cluster overlay.
    const drawn: { profile: Profile | null; mark: number | null } = { profile: null, mark: null };
    const setClusters = ClusterPrimitive.prototype.setClusters;
    const setMark = ClusterPrimitive.prototype.setMark;
    vi.spyOn(ClusterPrimitive.prototype, 'setClusters').mockImplementation(function (this: ClusterPrimitive, ...args) {
      drawn.profile = args[0];
      setClusters.apply(this, args);
    });
    vi.spyOn(ClusterPrimitive.prototype, 'setMark').mockImplementation(function (this: ClusterPrimitive, ...args) {
      drawn.mark = args[0];
      setMark.apply(this, args);
    });
    // The core's figures are from its own profile: deliberately elsewhere, so a row reading them differs.
    const core = (position: PositionView): PositionView => ({
      ...position,
      liquidationSideCluster: {
        state: 'found',
        price: position.markPrice * (position.side === 'long' ? 0.9 : 1.1),
        low: position.markPrice * 0.89,
        high: position.markPrice * 1.11,
        usd: 777_000,
        distance: position.side === 'long' ? -0.1 : 0.1,
        beforeLiquidation: false,
      },
    });
    const entry = { ...positions, positions: positions.positions.map(core) };
    const opened: string[] = [];
    const fake = fakeBridge((symbol) => {
      opened.push(symbol);
      const mark = symbol === 'ETHUSDT' ? demoMarks.ETHUSDT : demoMarks.BTCUSDT;
      return marketView(symbol, clustersAround(mark, 0.03, 0.02, 5_000_000));
    }, entry);
    const host = await renderApp(fake);

    const charted = opened[0];
    const chartedRow = entry.positions.find((p) => p.symbol === charted);
    const otherRow = entry.positions.find((p) => p.symbol !== charted);
    if (chartedRow === undefined || otherRow === undefined) throw new Error('the fixture has two markets');
    const cell = (position: PositionView): Element | null =>
      [...host.querySelectorAll('[data-testid="position-row"]')]
        .find((row) => row.textContent?.includes(position.displaySymbol))
        ?.querySelector('[data-testid="nearest-cluster"]') ?? null;
    const expected = (): string => {
      if (drawn.profile === null || drawn.mark === null) throw new Error('the chart was given no profile or mark');
      const found = liquidationSideNearest(
        drawn.profile,
        drawn.mark,
        chartedRow.side,
        shownLiquidationPrice(chartedRow),
      );
      if (found === null) throw new Error('the drawn profile holds no cluster on the liquidation side');
      return `${formatUsdCompact(found.usd)} @ ${formatPrice(found.price, chartedRow.tickSize)} ${formatPercent(found.distance)}`;
    };

    expect(cell(chartedRow)?.getAttribute('data-source')).toBe('chart');
    const first = expected();
    expect(cell(chartedRow)?.textContent).toContain(first);
    expect(cell(chartedRow)?.textContent).not.toContain(formatUsdCompact(777_000));
    // The market not on the chart shows the core's figure, marked as such.
    expect(cell(otherRow)?.getAttribute('data-source')).toBe('core');
    expect(cell(otherRow)?.textContent).toContain(formatUsdCompact(777_000));

    // The mark moves and the estimate changes: the row follows what the chart is given.
    const mark = chartedRow.markPrice * (chartedRow.side === 'long' ? 0.99 : 1.01);
    act(() =>
      fake.emit('onMarketUpdate', {
        venue: 'binance-usdm',
        source: demoSource,
        symbol: chartedRow.symbol,
        timeframe: '5m',
        candle: null,
        markPrice: mark,
        updatedAtMs: 1_000,
        stale: false,
        freshness: { state: 'live', updatedAtMs: 0 },
        clusters: clustersAround(chartedRow.markPrice, 0.05, 0.06, 9_000_000),
      } satisfies MarketUpdate),
    );
    expect(drawn.mark).toBe(mark);
    expect(expected()).not.toBe(first);
    expect(cell(chartedRow)?.textContent).toContain(expected());
  });
});

describe('the workspace when the core is lost', () => {
  it('turns every account badge, row, the chart and the what-if stale with the last update and the reason, and live again when the core is back', async () => {
    const fake = fakeBridge();
    const host = await renderApp(fake);
    const badges = (): string[] =>
      [...host.querySelectorAll('[data-testid="account-status"]')].map((badge) => badge.textContent ?? '');
    const rows = (): Element[] => [...host.querySelectorAll('[data-testid="position-row"]')];
    const chart = (): Element | null => host.querySelector('[data-testid="price-chart"]');
    const whatIf = (): Element | null => host.querySelector('[data-testid="whatif-panel"]');
    expect(badges()).toEqual(['Live']);
    expect(whatIf()).not.toBeNull();
    expect(whatIf()?.hasAttribute('data-stale')).toBe(false);
    expect(host.querySelector('[data-testid="whatif-stale"]')).toBeNull();
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().some((row) => row.hasAttribute('data-stale'))).toBe(false);
    expect(chart()?.hasAttribute('data-stale')).toBe(false);

    await act(async () => fake.bridge.connection.set('lost'));
    expect(badges()).toEqual(['Stale']);
    expect(host.querySelector('[data-testid="account"]')?.hasAttribute('data-stale')).toBe(true);
    expect(host.querySelector('[data-testid="account-freshness"]')?.textContent).toMatch(
      /^stale · last update \d+ (s|min|h) ago · connection to LiqLens lost$/,
    );
    for (const row of rows()) expect(row.getAttribute('data-stale')).toBe('true');
    expect(chart()?.getAttribute('data-stale')).toBe('true');
    expect(host.querySelector('[data-testid="chart-stale"]')?.textContent).toMatch(
      /^stale · last update \d+ (s|min|h) ago · connection to LiqLens lost$/,
    );
    // The what-if's figures rest on the same snapshot: dimmed, with the same words.
    expect(whatIf()?.getAttribute('data-stale')).toBe('true');
    expect(host.querySelector('[data-testid="whatif-stale"]')?.textContent).toMatch(
      /^stale · last update \d+ (s|min|h) ago · connection to LiqLens lost$/,
    );

    await act(async () => fake.bridge.connection.set('connected'));
    expect(badges()).toEqual(['Live']);
    expect(rows().some((row) => row.hasAttribute('data-stale'))).toBe(false);
    expect(whatIf()?.hasAttribute('data-stale')).toBe(false);
    expect(host.querySelector('[data-testid="whatif-stale"]')).toBeNull();
  });
});
