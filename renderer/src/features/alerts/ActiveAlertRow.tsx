import { useState } from 'react';
import type { ActiveAlert } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import { Button } from '../../ui';
import { levelTitle } from './alert-text';
import { snoozeChoices, snoozeEndText, snoozeUntil, type SnoozeChoice } from './snooze-options';

/**
 * One position holding an alert: its worst level and rules (click: show it on the chart), a snooze
 * menu (15 min to tomorrow morning; recorded, not notified, except a liquidation) and an Acknowledge
 * button (its alerts stop ringing until the level rises). Both are native controls, so the keyboard
 * reaches them with Tab and works them with Enter, Space and the arrow keys.
 */
export function ActiveAlertRow({
  alert,
  api,
  onSelect,
}: {
  readonly alert: ActiveAlert;
  readonly api: LiqLensApi;
  readonly onSelect: (alert: ActiveAlert) => void;
}) {
  const [problem, setProblem] = useState('');
  const position = { accountId: alert.accountId, symbol: alert.symbol, side: alert.side };
  const name = `${alert.accountLabel} ${alert.displaySymbol} ${alert.side}`;
  const report = (action: Promise<unknown>): void => {
    setProblem('');
    action.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const nowMs = Date.now();
  const snoozed = alert.snoozedUntilMs !== null && alert.snoozedUntilMs > nowMs ? alert.snoozedUntilMs : null;
  return (
    <li className="alert-row" data-testid="active-alert-row">
      <Button
        variant="bare"
        className={`alert-chip alert-chip--${alert.level}`}
        onClick={() => onSelect(alert)}
        data-testid="active-alert"
      >
        <strong>{levelTitle(alert.level)}</strong> {alert.accountLabel} · {alert.displaySymbol} {alert.side}
        <span className="muted"> · {alert.rules.map((rule) => rule.rule).join(', ')}</span>
      </Button>
      <span className="alert-row__state muted" data-testid="active-alert-state">
        {snoozed !== null ? `Snoozed until ${snoozeEndText(snoozed, nowMs)}` : ''}
        {snoozed !== null && alert.acknowledged !== null ? ' · ' : ''}
        {alert.acknowledged !== null ? `Acknowledged at ${levelTitle(alert.acknowledged).toLowerCase()}` : ''}
      </span>
      <select
        className="alert-row__snooze"
        aria-label={`Snooze alerts of ${name}`}
        value=""
        onChange={(event) => {
          const choice = event.currentTarget.value;
          if (choice === 'end') report(api.snoozeAlerts(position, null));
          else if (choice !== '') report(api.snoozeAlerts(position, snoozeUntil(choice as SnoozeChoice, Date.now())));
        }}
        data-testid="snooze-alert"
      >
        <option value="">Snooze…</option>
        {snoozeChoices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
        {snoozed !== null && <option value="end">End snooze</option>}
      </select>
      <Button
        variant="ghost"
        disabled={alert.acknowledged !== null}
        aria-label={`Acknowledge alerts of ${name}`}
        title="Stop repeating these alerts until the level rises"
        onClick={() => report(api.acknowledgeAlerts(position))}
        data-testid="acknowledge-alert"
      >
        Acknowledge
      </Button>
      {problem && (
        <span role="alert" className="alert-row__problem">
          {problem}
        </span>
      )}
    </li>
  );
}
