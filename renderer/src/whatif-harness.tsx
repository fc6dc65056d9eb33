/**
 * A page that renders the what-if panel and the accounts menu/dialog with Demo fixture data, for
 * screenshots and end-to-end tests before the workspace mounts them. Served by
 * vite.whatif-harness.config.ts; never part of the app build.
 */
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AccountAdd } from '../../shared/ipc/contract';
import type { AccountSummary } from '../../shared/ipc/views/accounts';
import { AccountsMenu } from './features/accounts/AccountsMenu';
import { demoBinanceRisk, demoBybitRisk, fixtureAccountPositions } from './features/whatif/fixtures/demo-account';
import { demoBtcProfile, demoEthProfile } from './features/whatif/fixtures/demo-profile';
import type { Ghost } from './features/whatif/what-if-model';
import { WhatIfPanel } from './features/whatif/WhatIfPanel';
import { formatPercent, formatPrice } from './features/positions/format';
import { Badge, Button } from './ui';
import './app/app.css';
import './whatif-harness.css';

const params = new URLSearchParams(location.search);
document.documentElement.dataset['theme'] = params.get('theme') === 'light' ? 'light' : 'dark';

const accounts = {
  binance: fixtureAccountPositions('demo-binance', demoBinanceRisk),
  bybit: fixtureAccountPositions('demo-bybit', demoBybitRisk),
};
type Pick = { readonly account: keyof typeof accounts; readonly symbol: string; readonly side: 'long' | 'short' };
const picks: readonly Pick[] = [
  { account: 'binance', symbol: 'ETHUSDT', side: 'long' },
  { account: 'binance', symbol: 'ETHUSDT', side: 'short' },
  { account: 'binance', symbol: 'BTCUSDT', side: 'long' },
  { account: 'bybit', symbol: 'ETHUSDT', side: 'long' },
  { account: 'bybit', symbol: 'BTCUSDT', side: 'short' },
];

const initialSummaries: AccountSummary[] = [
  {
    id: 'demo-binance',
    label: 'Demo Binance',
    venue: 'binance-usdm',
    source: 'demo',
    kind: 'demo',
    status: 'live',
    freshness: { state: 'live', updatedAtMs: 0 },
    updatedAtMs: 0,
    equity: 10_060,
    maintenanceMargin: 299,
    marginRatio: 0.21,
    accountMode: 'binance-single-asset',
    venueGauge: null,
  },
  {
    id: 'demo-bybit',
    label: 'Demo Bybit',
    venue: 'bybit-linear',
    source: 'demo',
    kind: 'demo',
    status: 'live',
    freshness: { state: 'live', updatedAtMs: 0 },
    updatedAtMs: 0,
    equity: 16_770,
    maintenanceMargin: 345,
    marginRatio: 0.12,
    accountMode: 'bybit-unified-cross',
    venueGauge: null,
  },
  {
    id: 'demo-hyperliquid',
    label: 'Demo Hyperliquid',
    venue: 'hyperliquid',
    source: 'demo',
    kind: 'demo',
    status: 'stale',
    freshness: { state: 'stale', updatedAtMs: 0, reason: 'venue not answering: reconnecting' },
    statusMessage: 'No update for 40 s: reconnecting…',
    updatedAtMs: 0,
    equity: 5_900,
    maintenanceMargin: 80,
    marginRatio: 0.05,
    accountMode: 'hyperliquid-standard',
    venueGauge: null,
  },
];

/** Stands in for the core: a key containing "bad" is rejected, one containing "trade" can trade. */
function fakeAdd(account: AccountAdd): Promise<AccountSummary> {
  return new Promise((resolve, reject) => {
    setTimeout(
      () => {
        if (account.kind === 'api-key' && account.apiKey.includes('bad')) {
          reject(
            new Error(
              'Binance rejected the key: "Invalid API-key, IP, or permissions for action". Check that the key was copied whole and that this IP is whitelisted.',
            ),
          );
          return;
        }
        const canTrade = account.kind === 'api-key' && account.apiKey.includes('trade');
        resolve({
          id: `added-${Date.now()}`,
          label: account.label,
          venue: account.venue,
          source: 'production',
          kind: account.kind,
          status: 'live',
          freshness: { state: 'live', updatedAtMs: Date.now() },
          updatedAtMs: Date.now(),
          equity: null,
          maintenanceMargin: null,
          marginRatio: null,
          accountMode: null,
          venueGauge: null,
          ...(account.kind === 'api-key'
            ? {
                permissions: canTrade
                  ? {
                      readOnly: false,
                      canTrade: true,
                      canWithdraw: false,
                      warning:
                        'This key can trade. LiqLens only reads: create a read-only key for it and remove this one from the app.',
                    }
                  : { readOnly: true, canTrade: false, canWithdraw: false },
              }
            : {}),
        });
      },
      Number(params.get('delay') ?? 500),
    );
  });
}

function Harness() {
  const [pick, setPick] = useState<Pick>(picks[0]!);
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const [summaries, setSummaries] = useState<readonly AccountSummary[]>(initialSummaries);
  const onGhostChange = useCallback((next: Ghost | null) => setGhost(next), []);
  const account = accounts[pick.account];
  const tick = pick.symbol.startsWith('BTC') ? 0.1 : 0.01;
  const onAdd = useCallback(async (add: AccountAdd) => {
    const summary = await fakeAdd(add);
    setSummaries((previous) => [...previous, summary]);
    return summary;
  }, []);
  const onRemove = useCallback(async (accountId: string) => {
    setSummaries((previous) => previous.filter((item) => item.id !== accountId));
    return null;
  }, []);
  return (
    <div className="app harness">
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">LiqLens</span>
          <Badge>Harness</Badge>
        </div>
        <div className="topbar__status">
          <AccountsMenu
            accounts={summaries}
            onAdd={onAdd}
            onRemove={onRemove}
            onSetKey={() => Promise.reject(new Error('The harness keeps no keys.'))}
            firstRun={params.get('firstRun') === '1'}
            keyStorage="keychain"
          />
        </div>
      </header>
      <main className="harness__main">
        <section className="panel harness__chart" aria-label="Chart stand-in">
          <div className="panel__header">
            <h2 className="panel__title">Chart (stand-in)</h2>
          </div>
          <div className="harness__picks" role="group" aria-label="Position">
            {picks.map((item) => (
              <Button
                key={`${item.account}-${item.symbol}-${item.side}`}
                aria-pressed={item === pick}
                onClick={() => setPick(item)}
              >
                {item.account} {item.symbol} {item.side}
              </Button>
            ))}
          </div>
          <dl className="harness__ghost" data-testid="ghost">
            <dt>Ghost liquidation</dt>
            <dd data-testid="ghost-liq">{ghost ? formatPrice(ghost.liquidationPrice, tick) : 'none'}</dd>
            <dt>Ghost margin ratio</dt>
            <dd>{ghost ? formatPercent(ghost.marginRatio) : '—'}</dd>
            <dt>Ghost distance</dt>
            <dd>{ghost ? formatPercent(ghost.distance, 2) : '—'}</dd>
          </dl>
        </section>
        <section className="panel harness__whatif" aria-label="What-if">
          <div className="panel__header">
            <h2 className="panel__title">What-if</h2>
          </div>
          <div className="panel__body">
            <WhatIfPanel
              account={account}
              selected={{ symbol: pick.symbol, side: pick.side }}
              profile={pick.symbol.startsWith('BTC') ? demoBtcProfile : demoEthProfile}
              onGhostChange={onGhostChange}
            />
          </div>
        </section>
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('whatif-harness.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
