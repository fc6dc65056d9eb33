import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MarketStore } from '../features/market/market-store';
import type { PositionsRead } from '../features/positions/positions-read';
import type { Bridge } from '../lib/bridge';
import { App } from './App';
import { BridgeContext } from './bridge-context';

/** Renders the app into `root`, with what the page asked the core for before its script came (`App`'s `start`). */
export function renderApp(
  root: HTMLElement,
  bridge: Bridge,
  start: { readonly markets: MarketStore; readonly positions: PositionsRead },
): void {
  createRoot(root).render(
    <StrictMode>
      <BridgeContext.Provider value={bridge}>
        <App start={start} />
      </BridgeContext.Provider>
    </StrictMode>,
  );
}
