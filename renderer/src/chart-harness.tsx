/**
 * The chart harness: PriceChart on fixture data made from the real model (simulator → cluster
 * ledger, electron/cli/bench/chart-fixture.ts), to look at, screenshot, e2e-test and bench. Built by
 * vite.chart-harness.config.ts only; not part of the app. URL options: `?theme=light`,
 * `?state=loading|backfill|error|stale|empty`, `?symbol=ETHUSDT`, `?ghost=1` (a what-if line),
 * `?liq=far` (the position's liquidation 30 % from the mark, far outside the candles).
 * `window.__liqlensHarness` is the API the e2e spec and the UI bench drive.
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { UTCTimestamp } from 'lightweight-charts';
import type { ChartTimeframe, MarketUpdate, MarketView } from '../../shared/ipc/views/markets';
import type { Theme } from '../../shared/ipc/views/settings';
import { timeframeMs } from '../../shared/domain/timeframe';
import type { ChartFixture, ChartFixtureMarket } from '../../shared/harness/chart-fixture';
import { PriceChart, type PriceChartHandle } from './features/chart/PriceChart';
import type { OverlayState } from './features/chart/cluster-primitive';
import { createMarketStore, type MarketFeed } from './features/market/market-store';
import { useShownMarket } from './features/market/useMarket';
import { Button } from './ui';
import './app/app.css';
import './chart-harness.css';

/** What the e2e spec and the bench call in the page. */
export interface LiqlensHarness {
  ready: boolean;
  /** The liquidation price of the selected position (null without one). */
  liquidationPrice(): number | null;
  /** Latencies (ms) from slider input to the end of the chart's draw showing it, one per input. */
  sliderLatencies: number[];
  /** Sets the ghost as the slider does (programmatic, for tests). */
  setGhost(price: number | null): void;
  /** Streams `count` updates (several per frame) and resolves with each frame's cost to the overlay drawn, ms. */
  streamFrames(count: number): Promise<number[]>;
  overlayState(): OverlayState | null;
  /** The main pane's size, CSS px (the price scale is to its right). */
  paneSize(): { width: number; height: number } | null;
  /** y of a price in the pane, CSS px; null when off the data. */
  coordinateOf(price: number): number | null;
  /** The chart composited (candles, overlay) as a canvas, as the PNG export sees it. */
  screenshot(): HTMLCanvasElement | null;
  /** x of a bar's time (UTC s) in the pane, CSS px; null when off the data. */
  timeToX(timeSeconds: number): number | null;
  /** The prices at the pane's top and bottom edge now. */
  visiblePrices(): { top: number; bottom: number } | null;
  /** The price axis labels shown now (merged ones read "Entry · BE"). */
  axisLabels(): { title: string; price: number }[];
  /** The realized-liquidation markers drawn now: centre, radius, above (shorts) or below (longs) the bar. */
  realizedMarks(): { x: number; y: number; radius: number; above: boolean }[];
}

declare global {
  interface Window {
    __liqlensHarness?: LiqlensHarness;
  }
}

const params = new URLSearchParams(location.search);
const theme: Theme = params.get('theme') === 'light' ? 'light' : 'dark';
document.documentElement.dataset['theme'] = theme;

function viewOf(entry: ChartFixtureMarket, timeframe: ChartTimeframe, state: string | null): MarketView {
  const base: MarketView = { ...entry.market, timeframe, candles: entry.candles[timeframe] };
  if (state === 'stale') {
    const updatedAtMs = Date.now() - 94_000;
    const freshness = { state: 'stale', updatedAtMs, reason: 'venue not answering: timed out' } as const;
    return { ...base, stale: true, updatedAtMs, freshness };
  }
  if (state === 'empty') return { ...base, clusters: null };
  if (state === 'backfill')
    return {
      ...base,
      candles: base.candles.slice(0, Math.floor(base.candles.length * 0.42)),
      backfill: {
        state: 'running',
        progress: 0.42,
        message: 'Backfilling Binance BTCUSDT: 1m candles and open interest, 1,210 of 2,880 bars',
      },
    };
  return base;
}

const errorText =
  'The venue refused the request: symbol not found (BTCUSDX). Check the symbol in the account settings.';

/** The fixture as the core would serve it: `market:open` answers from it, updates come from `streamFrames`. */
function fixtureFeed(
  fixture: ChartFixture,
  state: string | null,
  listeners: Set<(update: MarketUpdate) => void>,
): MarketFeed {
  return {
    openMarket: (key, timeframe) => {
      const entry = fixture.markets.find((m) => m.market.symbol === key.symbol);
      if (state === 'loading') return new Promise<never>(() => undefined);
      if (state === 'error' || entry === undefined) return Promise.reject(new Error(errorText));
      return Promise.resolve(viewOf(entry, timeframe, state));
    },
    closeMarket: () => Promise.resolve(null),
    onMarketUpdate: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** With `?liq=far`, the fixture's position with its liquidation 30 % from the mark (a calm cross-margin account's). */
function farLiquidation(entry: ChartFixtureMarket | undefined): ChartFixtureMarket | undefined {
  const position = entry?.position;
  if (params.get('liq') !== 'far' || entry === undefined || position === undefined || position === null) return entry;
  const mark = position.markPrice ?? entry.market.markPrice ?? position.entryPrice;
  const far = Math.round(mark * (position.side === 'long' ? 0.7 : 1.3));
  return {
    ...entry,
    position: { ...position, exchangeLiquidationPrice: far, computedLiquidationPrice: far, distance: 0.3 },
  };
}

function Harness({ fixture }: { readonly fixture: ChartFixture }): ReactElement {
  const state = params.get('state');
  const [symbol, setSymbol] = useState(params.get('symbol') ?? fixture.markets[0]?.market.symbol ?? '');
  const [timeframe, setTimeframe] = useState<ChartTimeframe>('1m');
  const entry = useMemo(
    () => farLiquidation(fixture.markets.find((m) => m.market.symbol === symbol) ?? fixture.markets[0]),
    [fixture, symbol],
  );
  const liquidation = entry?.position?.exchangeLiquidationPrice ?? null;
  const [ghost, setGhost] = useState<number | null>(
    params.get('ghost') === '1' && liquidation !== null ? liquidation * 0.975 : null,
  );
  const handle = useRef<PriceChartHandle | null>(null);
  const listeners = useRef(new Set<(update: MarketUpdate) => void>());
  const [store] = useState(() => createMarketStore(fixtureFeed(fixture, state, listeners.current)));
  const source = useShownMarket(
    store,
    entry === undefined
      ? null
      : { venue: entry.market.venue, source: entry.market.source, symbol: entry.market.symbol },
    timeframe,
    true,
  );
  const inputAt = useRef<number | null>(null);
  const api = useRef<LiqlensHarness | null>(null);

  // The frame probe: after the overlay's draw, once the chart's paint task has finished.
  const onReady = useCallback((chart: PriceChartHandle | null) => {
    handle.current = chart;
    chart?.setOnOverlayDrawn(() =>
      queueMicrotask(() => {
        const start = inputAt.current;
        if (start === null || chart.overlayState().ghostPrice === null) return;
        inputAt.current = null;
        api.current?.sliderLatencies.push(performance.now() - start);
      }),
    );
  }, []);

  useEffect(() => {
    let stream = 0;
    const candles = entry?.streamCandles ?? [];
    const harness: LiqlensHarness = {
      ready: true,
      liquidationPrice: () => liquidation,
      sliderLatencies: [],
      setGhost,
      overlayState: () => handle.current?.overlayState() ?? null,
      paneSize: () => handle.current?.chart.paneSize(0) ?? null,
      coordinateOf: (price) => handle.current?.series.priceToCoordinate(price) ?? null,
      screenshot: () => handle.current?.chart.takeScreenshot(true) ?? null,
      timeToX: (time) => handle.current?.chart.timeScale().timeToCoordinate(time as UTCTimestamp) ?? null,
      visiblePrices: () => {
        const chart = handle.current;
        const height = chart?.chart.paneSize(0).height ?? 0;
        const top = chart?.series.coordinateToPrice(0) ?? null,
          bottom = chart?.series.coordinateToPrice(height) ?? null;
        return top === null || bottom === null ? null : { top, bottom };
      },
      axisLabels: () => handle.current?.axisLabels() ?? [],
      realizedMarks: () => handle.current?.realizedMarks() ?? [],
      streamFrames: (count) =>
        new Promise((resolve) => {
          const costs: number[] = [];
          const chart = handle.current;
          if (chart === null || entry === undefined || candles.length === 0) {
            resolve(costs);
            return;
          }
          chart.setOnOverlayDrawn(() =>
            queueMicrotask(() => {
              // document.timeline.currentTime is the frame's start time during its paint.
              const frameStart = document.timeline.currentTime;
              if (typeof frameStart === 'number') costs.push(performance.now() - frameStart);
            }),
          );
          const push = (): void => {
            const candle = candles[Math.floor(stream / 8) % candles.length];
            if (candle === undefined) return;
            const t = (stream % 8) / 7;
            const close = candle.open + (candle.close - candle.open) * t;
            const openTimeMs =
              Math.floor((entry.market.updatedAtMs ?? 0) / timeframeMs[timeframe]) * timeframeMs[timeframe] +
              Math.floor(stream / 8) * timeframeMs[timeframe];
            const update: MarketUpdate = {
              venue: entry.market.venue,
              source: entry.market.source,
              symbol: entry.market.symbol,
              timeframe,
              markPrice: close,
              updatedAtMs: Date.now(),
              stale: false,
              freshness: { state: 'live', updatedAtMs: Date.now() },
              candle: {
                ...candle,
                openTimeMs,
                close,
                high: Math.max(candle.open, close),
                low: Math.min(candle.open, close),
              },
              ...(stream % 240 === 0 && entry.market.clusters !== null ? { clusters: entry.market.clusters } : {}),
            };
            stream++;
            for (const listener of listeners.current) listener(update);
          };
          // Two updates per frame, from timers as a WebSocket would deliver them.
          const timer = setInterval(() => {
            push();
            push();
            if (costs.length >= count) {
              clearInterval(timer);
              onReady(chart);
              resolve(costs);
            }
          }, 16);
        }),
    };
    api.current = harness;
    window.__liqlensHarness = harness;
  }, [entry, liquidation, timeframe, onReady]);

  const symbols = fixture.markets.map((m) => ({
    value: m.market.symbol,
    label: `${m.market.displaySymbol} · Binance`,
  }));
  const span = liquidation === null ? null : { min: liquidation * 0.92, max: liquidation * 1.06 };
  return (
    <main className="harness">
      <div className="harness__chart">
        <PriceChart
          source={source}
          symbols={symbols}
          symbol={symbol}
          onSymbolChange={setSymbol}
          timeframe={timeframe}
          onTimeframeChange={setTimeframe}
          position={entry?.position ?? null}
          closeFeeRate={entry?.closeFeeRate ?? null}
          ghostLiquidationPrice={ghost}
          thresholdLines={
            liquidation === null
              ? []
              : [
                  {
                    price: (entry?.position?.markPrice ?? liquidation) * 0.985,
                    level: 'warning',
                    rule: 'marginRatio',
                    title: 'MR 50 %',
                  },
                ]
          }
          theme={theme}
          onReady={onReady}
        />
      </div>
      {span !== null && (
        <label className="harness__slider">
          What-if liquidation
          <input
            type="range"
            min={span.min}
            max={span.max}
            step={(span.max - span.min) / 400}
            value={ghost ?? liquidation ?? 0}
            data-testid="ghost-slider"
            onInput={(event) => {
              inputAt.current = performance.now();
              setGhost(Number(event.currentTarget.value));
            }}
            onChange={() => undefined}
          />
          <Button onClick={() => setGhost(null)}>Reset</Button>
        </label>
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('chart-harness.html has no #root element');
void fetch('./chart-fixture.json')
  .then(async (response) => {
    if (!response.ok)
      throw new Error(`chart-fixture.json: HTTP ${response.status} (run npx tsx electron/cli/bench/chart-fixture.ts)`);
    const fixture = (await response.json()) as ChartFixture;
    createRoot(root).render(
      <StrictMode>
        <Harness fixture={fixture} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.textContent = error instanceof Error ? error.message : String(error);
  });
