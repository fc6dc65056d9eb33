import { useState } from 'react';
import { venueFacts } from '../../../../shared/domain/venue';
import { AccountKeySchema, type AccountKey } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { Button, Field } from '../../ui';

/** Props of the form that gives a "key needed" account its key again. */
export interface KeyAgainFormProps {
  readonly account: AccountSummary;
  /** Checks the key with the venue (like a new key) and resumes the account; rejects with the venue's reason. */
  readonly onSetKey: (key: AccountKey) => Promise<AccountSummary>;
  readonly onDone: () => void;
}

/**
 * The key of an account LiqLens lost (web mode forgets keys when it stops), typed in again beside
 * the account: key, secret and, for OKX, the passphrase. Nothing is kept if the venue refuses it.
 */
export function KeyAgainForm({ account, onSetKey, onDone }: KeyAgainFormProps) {
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const needsPassphrase = venueFacts(account.venue).credentials === 'key-passphrase';
  const submit = (): void => {
    const parsed = AccountKeySchema.safeParse({
      accountId: account.id,
      apiKey,
      apiSecret,
      ...(needsPassphrase ? { passphrase } : {}),
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      return;
    }
    setError(null);
    setSending(true);
    onSetKey(parsed.data).then(
      () => {
        setSending(false);
        onDone();
      },
      (reason: unknown) => {
        setSending(false);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  };
  return (
    <form
      className="acc-key-again"
      aria-label={`Give the key of ${account.label} again`}
      data-testid="key-again-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field label="API key" value={apiKey} onChange={setApiKey} testId="key-again-key" autoFocus />
      <Field label="API secret" type="password" value={apiSecret} onChange={setApiSecret} testId="key-again-secret" />
      {needsPassphrase && (
        <Field
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          testId="key-again-passphrase"
        />
      )}
      {error && (
        <p className="acc-failure" role="alert">
          {error}
        </p>
      )}
      <div className="acc-key-again__actions">
        <Button variant="primary" size="sm" type="submit" disabled={sending}>
          {sending ? 'Checking with the venue…' : 'Use this key'}
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
