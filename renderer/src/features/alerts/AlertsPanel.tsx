import { useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AlertsView } from '../../../../shared/ipc/views/alerts';
import { AlertSettings } from './AlertSettings';
import { Button, EmptyState } from '../../ui';
import { eventTime, eventTitle, isQuietLine, levelTitle } from './alert-text';
import './alerts.css';

/** Props of the alerts panel. */
export interface AlertsPanelProps {
  readonly view: AlertsView;
  readonly onSelect: (target: { accountId: string; symbol: string; side: 'long' | 'short' }) => void;
  readonly onTest: () => Promise<unknown>;
  /** Web mode: the browser's notification permission, and a way to ask for it. */
  readonly browserPermission?: NotificationPermission | 'unsupported';
  readonly onEnableBrowser?: () => void;
  /** The API, for the settings section. */
  readonly api: LiqLensApi;
  /** Whether the core is reachable now: the settings are read again when it comes back. */
  readonly connected: boolean;
}

/**
 * What is wrong now (each position's worst level and which rules hold it) and the history, newest
 * first. Clicking an entry shows that position on the chart.
 */
export function AlertsPanel({
  view,
  onSelect,
  onTest,
  browserPermission,
  onEnableBrowser,
  api,
  connected,
}: AlertsPanelProps) {
  /** What the test button last did: nothing yet (''), or a line to show. */
  const [testState, setTestState] = useState('');
  const test = (): void => {
    onTest().then(
      () => setTestState('Test sent.'),
      (error: unknown) => setTestState(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <div className="alerts" data-testid="alerts">
      <div className="alerts__actions">
        <Button onClick={test} data-testid="test-notification">
          Send a test notification
        </Button>
        {browserPermission === 'default' && onEnableBrowser && (
          <Button variant="ghost" onClick={onEnableBrowser}>
            Allow browser notifications
          </Button>
        )}
        {browserPermission === 'denied' && (
          <span className="muted">Browser notifications are blocked: alerts show here and in the title.</span>
        )}
        <span className="muted" role="status">
          {testState}
        </span>
      </div>
      <details className="alerts__settings">
        <summary>Alert settings</summary>
        <AlertSettings api={api} connected={connected} />
      </details>
      {view.active.length > 0 && (
        <ul className="alerts__active" aria-label="Active alerts">
          {view.active.map((alert) => (
            <li key={`${alert.accountId}-${alert.symbol}-${alert.side}`}>
              <Button
                variant="bare"
                className={`alert-chip alert-chip--${alert.level}`}
                onClick={() => onSelect(alert)}
                data-testid="active-alert"
              >
                <strong>{levelTitle(alert.level)}</strong> {alert.displaySymbol} {alert.side}
                <span className="muted"> · {alert.rules.map((rule) => rule.rule).join(', ')}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {view.history.length === 0 ? (
        <EmptyState heading="No alerts yet">
          Margin-ratio, distance, cluster, stale-data, ADL and exchange-cut alerts appear here and as desktop
          notifications.
        </EmptyState>
      ) : (
        <ol className="alerts__history" aria-label="Alert history">
          {view.history.slice(0, 200).map((event) => (
            <li
              key={event.id}
              className={`alert-line alert-line--${isQuietLine(event) ? 'cleared' : event.level}`}
              data-testid="alert-history-item"
            >
              <Button variant="bare" className="alert-line__button" onClick={() => onSelect(event)}>
                <time className="alert-line__time">{eventTime(event)}</time>
                <span className="alert-line__level">{eventTitle(event)}</span>
                <span className="alert-line__text">{event.message}</span>
              </Button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
