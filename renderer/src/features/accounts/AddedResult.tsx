import { venueFacts } from '../../../../shared/domain/venue';
import { useEffect, useRef } from 'react';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { Button } from '../../ui';
import { permissionOutcome } from './account-form';
import { statusWords } from './venues';

/** After a successful add: the account, its status, and the permission check (the warning stays visible). */
export function AddedResult({
  summary,
  onDone,
  onAnother,
}: {
  readonly summary: AccountSummary;
  readonly onDone: () => void;
  readonly onAnother: () => void;
}) {
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => done.current?.focus(), []);
  const outcome = permissionOutcome(summary);
  return (
    <div className="acc-form" data-testid="add-account-result">
      <header className="acc-head">
        <h2 id="acc-dialog-title" className="acc-title">
          Account added
        </h2>
      </header>
      <div className="acc-result">
        <p className="acc-result__name">
          <strong>{summary.label}</strong> <span className="muted">{venueFacts(summary.venue).product}</span>
          <span className={`acc-status-word acc-status-word--${summary.status}`}>{statusWords[summary.status]}</span>
        </p>
        <p
          className={`acc-outcome acc-outcome--${outcome.tone}`}
          role={outcome.tone === 'warning' ? 'alert' : 'status'}
          data-testid="add-account-permissions"
        >
          {outcome.text}
        </p>
        {summary.statusMessage && <p className="field__hint">{summary.statusMessage}</p>}
        {summary.kind === 'api-key' && (
          <p className="field__hint">The fields were cleared: the key now lives only in the core's secret store.</p>
        )}
      </div>
      <footer className="acc-foot">
        <span className="acc-status" />
        <Button size="lg" onClick={onAnother}>
          Add another
        </Button>
        <Button variant="primary" size="lg" ref={done} onClick={onDone}>
          Done
        </Button>
      </footer>
    </div>
  );
}
