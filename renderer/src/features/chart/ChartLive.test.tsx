// @vitest-environment happy-dom
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarketKey } from '../../../../shared/ipc/contract';
import { openingState, type MarketState } from '../market/market-state';
import type { MarketSource } from '../market/useMarket';
import { LiveLegend } from './ChartLive';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const key: MarketKey = { venue: 'binance-usdm', source: 'production', symbol: 'BTCUSDT' };

/** A market source the test moves by hand, as the store would on each tick. */
function handSource(initial: MarketState) {
  let state = initial;
  const listeners = new Set<() => void>();
  const source: MarketSource = {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (patch: Partial<MarketState>): void => {
    state = { ...state, ...patch };
    act(() => listeners.forEach((listener) => listener()));
  };
  return { source, set };
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('the live legend', () => {
  it('redraws when the mark shown at the tick or the stale note changes, not on every tick', () => {
    const { source, set } = handSource({ ...openingState(key, '1m'), mark: 64_000.04, stale: false, updatedAtMs: 1 });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    let commits = 0;
    act(() =>
      root?.render(
        <Profiler id="legend" onRender={() => commits++}>
          <LiveLegend
            source={source}
            title="BTC/USDT · 1m"
            sourceName=""
            tickSize={0.1}
            position={null}
            ghostLiquidationPrice={null}
          />
        </Profiler>,
      ),
    );
    const mark = (): string | null | undefined => host.querySelector('[data-testid="chart-mark"]')?.textContent;
    expect(mark()).toBe('64,000.0');
    const drawn = commits;

    // Ticks that move the mark less than the shown tick, with new arrival times: nothing to redraw.
    for (let i = 1; i <= 5; i++) set({ mark: 64_000.04 - i * 0.001, updatedAtMs: 1 + i * 250 });
    expect(commits).toBe(drawn);
    expect(mark()).toBe('64,000.0');

    set({ mark: 64_000.2, updatedAtMs: 2_000 });
    expect(commits).toBe(drawn + 1);
    expect(mark()).toBe('64,000.2');

    const lastUpdateMs = Date.now() - 77_000;
    set({
      stale: true,
      updatedAtMs: lastUpdateMs,
      freshness: { state: 'stale', updatedAtMs: lastUpdateMs, reason: 'venue not answering: timed out' },
    });
    expect(commits).toBe(drawn + 2);
    expect(host.querySelector('[data-testid="chart-stale"]')?.textContent).toBe(
      'stale · last update 77 s ago · venue not answering: timed out',
    );
  });
});
