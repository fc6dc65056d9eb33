import { useState } from 'react';
import type { AlertConfig } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AlertsView } from '../../../../shared/ipc/views/alerts';
import { channelNames, type TestReport } from '../../../../shared/ipc/views/channels';
import { ChannelSettings } from '../channels/ChannelSettings';
import { testLines, type BrowserTest, type TestLine } from '../channels/test-report';
import { useChannels } from '../channels/useChannels';
import { AlertSettings } from './AlertSettings';
import { Button, EmptyState } from '../../ui';
import { ActiveAlertRow } from './ActiveAlertRow';
import { eventTime, eventTitle, isQuietLine } from './alert-text';
import { heldText } from './snooze-options';
import './alerts.css';

/** Props of the alerts panel. */
export interface AlertsPanelProps {
  readonly view: AlertsView;
  readonly onSelect: (target: { accountId: string; symbol: string; side: 'long' | 'short' }) => void;
  readonly onTest: () => Promise<TestReport>;
  /** Pops an in-app toast with this text (the test notification's own). */
  readonly onNote: (text: string) => void;
  /** Whether the core answers now: the channels and the settings are read (again) once it does. */
  readonly connected: boolean;
  /** Web mode: the browser's notification permission, and a way to ask for it; absent in the desktop app. */
  readonly browserPermission?: NotificationPermission | 'unsupported' | undefined;
  readonly onEnableBrowser?: () => void;
  /** The API, for the settings section. */
  readonly api: LiqLensApi;
  /** The alert settings were saved (the chart redraws its threshold lines). */
  readonly onConfigSaved?: (config: AlertConfig) => void;
}

/**
 * What is wrong now (each position's worst level and which rules hold it) and the history, newest
 * first. Clicking an entry shows that position on the chart.
 */
export function AlertsPanel(props: AlertsPanelProps) {
  const { view, onSelect, onTest, onNote, connected, browserPermission, onEnableBrowser, api, onConfigSaved } = props;
  const channels = useChannels(api, connected);
  /** What the test button last did, per channel: nothing yet, sending, or one line per channel. */
  const [testState, setTestState] = useState<readonly TestLine[] | 'sending' | null>(null);
  const test = (): void => {
    setTestState('sending');
    onNote('LiqLens test notification: alerts will pop up here.');
    const browser = browserPermission === undefined ? null : browserTest(browserPermission);
    onTest().then(
      (report) => setTestState(testLines(report, true, browser)),
      (error: unknown) =>
        setTestState(testLines(error instanceof Error ? error : new Error(String(error)), true, browser)),
    );
  };
  const testLinesShown = testState === 'sending' ? null : testState;
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
      </div>
      <div role="status" aria-label="Test notification results">
        {testState === 'sending' && <span className="muted">Sending the test to every channel…</span>}
        {testLinesShown && (
          <ul className="test-results" data-testid="test-results">
            {testLinesShown.map((line) => (
              <li
                key={line.channel}
                className={`test-results__line--${line.ok ? 'ok' : 'failed'}`}
                data-channel={line.channel}
              >
                {line.channel}: {line.text}
                {line.allowBrowser && onEnableBrowser && (
                  <>
                    {' — '}
                    <Button variant="link" size="sm" onClick={onEnableBrowser}>
                      Allow
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <details className="alerts__settings">
        <summary>Alert settings</summary>
        <AlertSettings api={api} connected={connected} {...(onConfigSaved ? { onSaved: onConfigSaved } : {})} />
        <ChannelSettings api={api} view={channels} />
      </details>
      {view.active.length > 0 && (
        <ul className="alerts__active" aria-label="Active alerts">
          {view.active.map((alert) => (
            <ActiveAlertRow
              key={`${alert.accountId}-${alert.symbol}-${alert.side}`}
              alert={alert}
              api={api}
              onSelect={onSelect}
            />
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
                {channels.failures
                  .filter((failure) => failure.eventId === event.id)
                  .map((failure) => (
                    <span key={failure.kind} className="alert-line__delivery" data-testid="alert-delivery-failure">
                      {channelNames[failure.kind]}: {failure.detail}
                    </span>
                  ))}
                {event.silent && !event.cleared && (
                  <span className="alert-line__held muted" data-testid="alert-held">
                    {heldText(event.silencedBy)}
                  </span>
                )}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Shows the test in the browser when allowed, and says what happened. */
function browserTest(permission: NotificationPermission | 'unsupported'): BrowserTest {
  if (permission !== 'granted' || typeof Notification === 'undefined')
    return permission === 'granted' ? 'unsupported' : permission;
  new Notification('LiqLens test notification', { body: 'Alerts will look like this.', tag: 'liqlens-test' });
  return 'shown';
}
