import { firstTimeframe, prefetchCharted } from './features/market/charted-market';
import { createMarketStore } from './features/market/market-store';
import { formatFixed } from './features/positions/format';
import { readPositions, type PositionsRead } from './features/positions/positions-read';
import { connectBridge } from './lib/bridge';
import { onceConnected } from './lib/connection';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The page reaches the core and asks for the market it charted last and for the positions first,
// while the app's own script (React, the chart, the panels: most of the bytes) still loads and
// compiles: the answers are on their way meanwhile instead of after it.
const bridge = connectBridge();
const markets = createMarketStore(bridge.api);
const positions: PositionsRead = new Promise((resolve, reject) => {
  onceConnected(bridge.connection, () => {
    prefetchCharted(markets, firstTimeframe);
    readPositions(bridge.api).then(resolve, reject);
    // A fresh page loads the browser's number-formatting data on its first Intl format: 25 to 50 ms,
    // which the chart's first render (its price legend) would pay. Paid here instead, in the wait for
    // the answers and the app's script; once the page is idle, so it never holds either back.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => formatFixed(0, 2));
  });
});
// Unheard until the app renders; its own read reports a failure.
positions.catch(() => undefined);
import('./app/render-app').then(
  ({ renderApp }) => renderApp(root, bridge, { markets, positions }),
  // The app's script could not be loaded (a damaged install or a dropped local connection): say so.
  (error: unknown) => {
    root.textContent = `LiqLens could not load its interface: ${error instanceof Error ? error.message : String(error)}. Reload the page or reinstall the app.`;
  },
);
