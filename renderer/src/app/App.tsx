import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Notice, Theme } from '../../../shared/ipc/contract';
import { Workspace } from '../features/layout/Workspace';
import { PositionsTable } from '../features/positions/PositionsTable';
import { usePositions } from '../features/positions/usePositions';
import { NoticeBanner } from '../features/notices/NoticeBanner';
import { ConnectionPill } from '../features/status/ConnectionPill';
import { CoreClock } from '../features/status/CoreClock';
import { useBridge, useConnectionState, useHeartbeat } from './bridge-context';
import { useShortcut } from './useShortcut';

type LoadState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly info: AppInfo } | { readonly kind: 'error'; readonly message: string };

/**
 * The app shell: top bar (mode, connection, live core clock, theme), notices, the workspace and a
 * status bar. `data-app-state` turns "ready" once the core has answered, which is what tests wait on.
 */
export function App() {
  const { api, transport, problem } = useBridge();
  const connection = useConnectionState();
  const heartbeat = useHeartbeat(api);
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [theme, setTheme] = useState<Theme>('dark');
  const [actionError, setActionError] = useState<string>();
  const { accounts, positions, error: positionsError } = usePositions(api, connection === 'connected');

  useEffect(() => {
    if (connection !== 'connected') return;
    let cancelled = false;
    Promise.all([api.getAppInfo(), api.getSettings()]).then(
      ([info, settings]) => {
        if (cancelled) return;
        setLoad({ kind: 'ready', info });
        setNotices(info.notices);
        setTheme(settings.theme);
      },
      (error: unknown) => {
        if (!cancelled) setLoad({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, connection]);

  useEffect(() => api.onNoticesChanged(setNotices), [api]);
  useEffect(() => api.onSettingsChanged((settings) => setTheme(settings.theme)), [api]);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const toggleTheme = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    api.updateSettings({ theme: next }).then(
      () => setActionError(undefined),
      (error: unknown) => setActionError(`Theme not saved: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [api, theme]);
  useShortcut('t', toggleTheme);

  const dismiss = useCallback((id: string) => {
    api.dismissNotice(id).then(setNotices, (error: unknown) => setActionError(error instanceof Error ? error.message : String(error)));
  }, [api]);

  const appState = load.kind === 'ready' ? 'ready' : load.kind === 'error' ? 'error' : 'connecting';
  const info = load.kind === 'ready' ? load.info : undefined;
  return (
    <div className="app" data-app-state={appState}>
      <header className="topbar">
        <div className="brand">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M6.5 12.5h8M8.5 9h4" stroke="var(--short)" strokeWidth="1.6" strokeLinecap="round" />
            <path d="M15.6 15.6 21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          </svg>
          <span className="brand__name">LiqLens</span>
          <span className="badge" data-testid="app-mode">{transport === 'electron' ? 'Desktop' : 'Web mode'}</span>
        </div>
        <div className="topbar__status">
          <CoreClock heartbeat={heartbeat} stale={connection !== 'connected'} />
          <ConnectionPill state={connection} />
          <button type="button" className="button button--ghost" onClick={toggleTheme} aria-keyshortcuts="t" title="Switch theme (T)" data-testid="theme-toggle">
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
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
      {actionError && (
        <div className="notice notice--error" role="alert">
          {actionError}
        </div>
      )}
      {positionsError && (
        <div className="notice notice--error" role="alert">
          Positions could not be loaded: {positionsError}
        </div>
      )}
      <Workspace positions={<PositionsTable accounts={accounts} positions={positions} />} />
      <footer className="statusbar">
        <span>{info ? `${info.name} ${info.version}` : 'LiqLens'}</span>
        <span title="Settings, history and recordings live here" data-testid="data-dir">
          {info ? `Data: ${info.dataDir}` : ''}
        </span>
      </footer>
    </div>
  );
}
