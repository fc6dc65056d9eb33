import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { resolveRules } from '../../../shared/alerts/resolve-rules';
import type { AppInfo, Notice } from '../../../shared/ipc/views/app';
import type { ChartTimeframe } from '../../../shared/ipc/views/markets';
import type { Theme } from '../../../shared/ipc/views/settings';
import { AlertToasts } from '../features/alerts/AlertToasts';
import { useAlertConfig } from '../features/alerts/useAlertConfig';
import { useAlerts } from '../features/alerts/useAlerts';
import { thresholdLines } from '../features/chart/threshold-lines';
import { PriceChart } from '../features/chart/PriceChart';
import { Workspace } from '../features/layout/Workspace';
import { createMarketStore, type MarketStore } from '../features/market/market-store';
import { useMarketSelector, useShownMarket } from '../features/market/useMarket';
import type { MarketState } from '../features/market/market-state';
import { firstTimeframe } from '../features/market/charted-market';
import { useChartedPrefetch } from '../features/market/useChartedPrefetch';
import { NoticeBanner } from '../features/notices/NoticeBanner';
import type { PositionsRead } from '../features/positions/positions-read';
import { usePositions } from '../features/positions/usePositions';
import { ConnectionPill } from '../features/status/ConnectionPill';
import { DemoControl } from '../features/context/DemoControl';
import { Badge, Button } from '../ui';
import type { Ghost } from '../features/whatif/what-if-model';
import { useBridge, useConnectionState } from './bridge-context';
import { exposeChartState } from './chart-probe';
import { accountsAsShown, positionsAsShown } from './core-lost';
import { AccountsMenu, AlertsPanel, MarketContext, PositionsTable, ShockTest, WhatIfPanel } from './lazy-panels';
import { LiveCoreClock } from './LiveCoreClock';
import { usePanelsAfterChart } from './usePanelsAfterChart';
import { useSelection } from './useSelection';
import { useShortcut } from './useShortcut';
import { useWorkspaceShortcuts } from './useWorkspaceShortcuts';

// Loaded when first asked for, not with the page: the chart comes first.
const ShortcutHelp = lazy(() => import('./ShortcutHelp').then((module) => ({ default: module.ShortcutHelp })));

/** The chart has what it draws first: its snapshot, its error, or the progress of its backfill. */
const chartSettled = (state: MarketState): boolean =>
  state.snapshot !== null || state.error !== null || state.backfill?.state === 'running';

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly info: AppInfo }
  | { readonly kind: 'error'; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The app shell: top bar (accounts, connection, live core clock, theme), notices, the workspace
 * (chart, what-if, positions, alerts) and a status bar. `data-app-state` turns "ready" once the core
 * has answered, which is what tests wait on. When the page reached the core before the app rendered,
 * `start` holds what it asked for meanwhile: the market store (the chart's market on its way) and a
 * read of the positions.
 */
export function App({
  start,
}: {
  readonly start?: { readonly markets: MarketStore; readonly positions: PositionsRead };
}) {
  const { api, transport, problem } = useBridge();
  const connection = useConnectionState();
  const connected = connection === 'connected';
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [theme, setTheme] = useState<Theme>('dark');
  const [actionError, setActionError] = useState<string>();
  const [timeframe, setTimeframe] = useState<ChartTimeframe>(firstTimeframe);
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const [showHeatmap, setShowHeatmap] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpMounted, setHelpMounted] = useState(false);
  if (helpOpen && !helpMounted) setHelpMounted(true);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const held = usePositions(api, connected, start?.positions);
  // Without the core nothing shown is confirmed: every account and row reads stale (core-lost.ts).
  const accounts = useMemo(() => accountsAsShown(held.accounts, connected), [held.accounts, connected]);
  const positions = useMemo(() => positionsAsShown(held.positions, connected), [held.positions, connected]);
  const positionsError = held.error;
  const [selected, setSelected] = useSelection(accounts, positions);
  const alerts = useAlerts(api, connected, transport === 'web');
  const alertConfig = useAlertConfig(api, connected);

  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    Promise.all([api.getAppInfo(), api.getSettings()]).then(
      ([info, settings]) => {
        if (cancelled) return;
        setLoad({ kind: 'ready', info });
        setNotices(info.notices);
        setTheme(settings.theme);
      },
      (error: unknown) => !cancelled && setLoad({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);

  useEffect(() => api.onNoticesChanged(setNotices), [api]);
  useEffect(() => api.onSettingsChanged((settings) => setTheme(settings.theme)), [api]);
  useEffect(() => api.onFocusPosition(setSelected), [api, setSelected]);
  // A layout effect runs before the children's effects, so the chart re-reads the new theme's colours.
  useLayoutEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const toggleTheme = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    api.updateSettings({ theme: next }).then(
      () => setActionError(undefined),
      (error: unknown) => setActionError(`Theme not saved: ${messageOf(error)}`),
    );
  }, [api, theme]);
  useShortcut('t', toggleTheme);
  useWorkspaceShortcuts({
    accounts,
    positions,
    selected,
    onSelect: setSelected,
    onTimeframe: setTimeframe,
    onToggleHeatmap: () => setShowHeatmap((shown) => !shown),
    onToggleHelp: () => setHelpOpen((open) => !open),
  });

  const dismiss = useCallback(
    (id: string) => {
      api.dismissNotice(id).then(setNotices, (error: unknown) => setActionError(messageOf(error)));
    },
    [api],
  );

  const account = selected ? (positions.get(selected.accountId) ?? null) : null;
  const position = selected
    ? (account?.positions.find((p) => p.symbol === selected.symbol && p.side === selected.side) ?? null)
    : null;
  // The chart shows the selected position's market at its account's own source, never another account's.
  const shown = selected ? account?.positions.find((p) => p.symbol === selected.symbol) : undefined;
  const [venue, source, symbol] = [shown?.venue, shown?.source, shown?.symbol];
  const marketKey = useMemo(
    () => (venue && source && symbol ? { venue, source, symbol } : null),
    [venue, source, symbol],
  );
  // Live market data lives in the store, not here: the chart and the what-if read it themselves.
  const [markets] = useState(() => start?.markets ?? createMarketStore(api));
  useChartedPrefetch(markets, marketKey, timeframe, connected);
  const market = useShownMarket(markets, marketKey, timeframe, connected);
  const settled = useMarketSelector(market, chartSettled) === true;
  // The chart draws first; the side panels follow once its frame is painted (usePanelsAfterChart).
  const panels = usePanelsAfterChart(
    held.loaded || problem !== undefined || connection === 'lost',
    settled || (held.loaded && selected === null) || load.kind === 'error',
  );
  const symbols = useMemo(
    () =>
      (account?.positions ?? []).map((p) => ({
        value: `${p.symbol}|${p.side}`,
        label: `${p.displaySymbol} ${p.side}`,
      })),
    [account],
  );
  const riskIndex =
    account?.risk && selected
      ? account.risk.positions.findIndex((p) => p.symbol === selected.symbol && p.side === selected.side)
      : -1;
  const config = alertConfig.config;
  // The alert thresholds' lines (a price solved per level) follow the chart's first frame with the panels.
  const thresholds = useMemo(() => {
    if (!panels || !account?.risk || riskIndex < 0 || !selected || !config) return [];
    const rules = resolveRules(config.rules, config.overrides, selected.accountId, selected.symbol, selected.side);
    const liquidation = position?.exchangeLiquidationPrice ?? position?.computedLiquidationPrice ?? null;
    return thresholdLines(account.risk, riskIndex, liquidation, rules);
  }, [panels, account?.risk, riskIndex, selected, config, position]);

  const appState = load.kind === 'ready' ? 'ready' : load.kind === 'error' ? 'error' : 'connecting';
  const info = load.kind === 'ready' ? load.info : undefined;
  return (
    <div className="app" data-app-state={appState} data-first-start={info === undefined ? undefined : info.firstStart}>
      <header className="topbar">
        <div className="brand">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M6.5 12.5h8M8.5 9h4" stroke="var(--short)" strokeWidth="1.6" strokeLinecap="round" />
            <path d="M15.6 15.6 21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          </svg>
          <span className="brand__name">LiqLens</span>
          <Badge data-testid="app-mode">{transport === 'electron' ? 'Desktop' : 'Web mode'}</Badge>
          {accounts.some((a) => a.kind === 'demo') && (
            <Badge tone="demo" data-testid="demo-badge">
              Demo · simulated market
            </Badge>
          )}
          {accounts.some((a) => a.kind === 'demo') && <DemoControl api={api} connected={connected} />}
        </div>
        <div className="topbar__status">
          {info && panels && (
            <Suspense fallback={null}>
              <AccountsMenu
                accounts={accounts}
                onAdd={(next) => api.addAccount(next)}
                onRemove={(id) => api.removeAccount(id)}
                onSetKey={(key) => api.setAccountKey(key)}
                firstRun={info.firstStart}
                onWelcomeClosed={() => void api.updateSettings({ welcomeDismissed: true }).catch(() => undefined)}
                keyStorage={info.keyStorage}
              />
            </Suspense>
          )}
          {panels && (
            <Suspense fallback={null}>
              <ShockTest accounts={accounts} positions={positions} api={api} charted={marketKey} />
            </Suspense>
          )}
          <LiveCoreClock stale={!connected} />
          <ConnectionPill state={connection} />
          <Button
            variant="ghost"
            onClick={() => setHelpOpen(true)}
            aria-keyshortcuts="?"
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
            data-testid="shortcut-help-open"
          >
            <span className="topbar__word">Shortcuts </span>
            <kbd>?</kbd>
          </Button>
          <Button
            variant="ghost"
            onClick={toggleTheme}
            aria-keyshortcuts="t"
            title="Switch theme (T)"
            data-testid="theme-toggle"
          >
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </Button>
        </div>
      </header>
      {problem && (
        <div className="notice notice--error" role="alert" data-testid="bridge-problem">
          {problem}
        </div>
      )}
      <NoticeBanner notices={notices} onDismiss={dismiss} />
      {load.kind === 'error' && (
        <div className="notice notice--error" role="alert" data-testid="load-error">
          LiqLens could not load: {load.message}
        </div>
      )}
      {(actionError ?? positionsError) && (
        <div className="notice notice--error" role="alert">
          {actionError ?? `Positions could not be loaded: ${positionsError ?? ''}`}
        </div>
      )}
      <Workspace
        chart={
          selected ? (
            <PriceChart
              source={market}
              symbols={symbols}
              symbol={`${selected.symbol}|${selected.side}`}
              onSymbolChange={(value) => {
                const [symbol = '', side] = value.split('|');
                if (selected)
                  setSelected({ accountId: selected.accountId, symbol, side: side === 'short' ? 'short' : 'long' });
              }}
              timeframe={timeframe}
              onTimeframeChange={setTimeframe}
              showHeatmap={showHeatmap}
              onShowHeatmapChange={setShowHeatmap}
              position={position}
              closeFeeRate={account?.risk?.takerFeeRate ?? null}
              ghostLiquidationPrice={ghost?.liquidationPrice ?? null}
              thresholdLines={thresholds}
              theme={theme}
              onReady={exposeChartState}
            />
          ) : null
        }
        positions={
          panels && (
            <Suspense fallback={null}>
              <PositionsTable
                accounts={accounts}
                positions={positions}
                selected={selected}
                onSelect={setSelected}
                alerts={alerts.view.active}
                markets={markets}
              />
            </Suspense>
          )
        }
        whatif={
          panels && (
            <Suspense fallback={null}>
              <WhatIfPanel
                account={account}
                selected={selected}
                market={market}
                onGhostChange={setGhost}
                connected={connected}
              />
            </Suspense>
          )
        }
        alerts={
          panels && (
            <Suspense fallback={null}>
              <AlertsPanel
                view={alerts.view}
                onSelect={setSelected}
                onTest={() => api.sendTestNotification()}
                onNote={alerts.showNote}
                connected={connected}
                browserPermission={transport === 'web' ? permission : undefined}
                onConfigSaved={alertConfig.onSaved}
                onEnableBrowser={() => void Notification.requestPermission().then(setPermission)}
                api={api}
              />
            </Suspense>
          )
        }
        context={
          panels && (
            <Suspense fallback={null}>
              <MarketContext
                api={api}
                market={marketKey}
                base={shown?.displaySymbol.split('/')[0] ?? ''}
                connected={connected}
              />
            </Suspense>
          )
        }
      />
      {helpMounted && (
        <Suspense fallback={null}>
          <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
      <AlertToasts toasts={alerts.toasts} onDismiss={alerts.dismissToast} onSelect={setSelected} note={alerts.note} />
      <footer className="statusbar">
        <span>{info ? `${info.name} ${info.version}` : 'LiqLens'}</span>
        <span title="Settings, history and recordings live here" data-testid="data-dir">
          {info ? `Data: ${info.dataDir}` : ''}
        </span>
      </footer>
    </div>
  );
}
