import { venueFacts } from '../../../../shared/domain/venue';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AccountAdd, AccountKey } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { Badge, Button, FreshnessNote } from '../../ui';
import type { AccountChoice } from './account-form';
import { AddAccountDialog } from './AddAccountDialog';
import { KeyAgainForm } from './KeyAgainForm';
import { keyStorageNote, type KeyStorage } from './key-storage';
import { isShortcut } from './shortcut-target';
import { readCadenceText, statusWords, worstStatus } from './venues';
import { usePopoverDismiss } from './usePopoverDismiss';
import './accounts.css';

/** Props of the accounts menu. */
export interface AccountsMenuProps {
  readonly accounts: readonly AccountSummary[];
  readonly onAdd: (account: AccountAdd) => Promise<AccountSummary>;
  readonly onRemove: (accountId: string) => Promise<unknown>;
  /** Gives a "key needed" account its key again (checked with the venue like a new key). */
  readonly onSetKey: (key: AccountKey) => Promise<AccountSummary>;
  /** First start: open the dialog at once with Demo selected. */
  readonly firstRun?: boolean;
  /** The first start's dialog was closed: the core remembers, so a reload does not open it again. */
  readonly onWelcomeClosed?: () => void;
  /** Where the core keeps keys (`app:info`): the dialog and the list say so. */
  readonly keyStorage: KeyStorage;
}

/**
 * The accounts button of the top bar: a popover listing every account (status, Demo badge, key
 * warning, remove with confirmation) and "Add account", which opens the dialog. `A` opens the
 * dialog from anywhere but a text field; Escape or a click outside closes the popover.
 */
export function AccountsMenu({
  accounts,
  onAdd,
  onRemove,
  onSetKey,
  firstRun = false,
  onWelcomeClosed,
  keyStorage,
}: AccountsMenuProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [dialog, setDialog] = useState<{ open: boolean; choice: AccountChoice }>({
    open: firstRun,
    choice: firstRun ? 'demo' : 'api-key',
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  /** The "key needed" account whose key is being typed in again. */
  const [givingKey, setGivingKey] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const welcoming = useRef(firstRun);
  const collapse = useCallback((reason: 'outside' | 'escape') => {
    setExpanded(false);
    // Escape returns the focus to the button; a click elsewhere leaves it where the user clicked.
    if (reason === 'escape') trigger.current?.focus();
  }, []);
  usePopoverDismiss(root, expanded, dialog.open, collapse);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (dialog.open || !isShortcut(event, 'a')) return;
      event.preventDefault();
      setDialog({ open: true, choice: 'api-key' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog.open]);

  const remove = (accountId: string): void => {
    setRemoveError(null);
    onRemove(accountId).then(
      () => setConfirming(null),
      (error: unknown) => setRemoveError(error instanceof Error ? error.message : String(error)),
    );
  };
  const worst = worstStatus(accounts);
  return (
    <div className="acc-menu" ref={root}>
      <Button
        ref={trigger}
        className="acc-trigger"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        data-testid="accounts-menu"
        onClick={() => setExpanded((value) => !value)}
      >
        <span className={`acc-dot acc-dot--${worst ?? 'none'}`} aria-hidden="true" />
        Accounts <span className="acc-count">{accounts.length}</span>
      </Button>
      {expanded && (
        <div className="acc-popover" id={`${id}-list`} role="region" aria-label="Accounts">
          {accounts.length === 0 ? (
            <p className="acc-empty">
              No accounts yet. Add the Demo, a read-only key, a Hyperliquid address or a typed-in position.
            </p>
          ) : (
            <ul className="acc-items">
              {accounts.map((account) => (
                <li key={account.id} className="acc-item" data-testid="accounts-item">
                  <div className="acc-item__main">
                    <span className={`acc-dot acc-dot--${account.status}`} aria-hidden="true" />
                    <span className="acc-item__label">{account.label}</span>
                    {account.kind === 'demo' && <Badge tone="demo">Demo</Badge>}
                    <span className="acc-item__venue">{venueFacts(account.venue).short}</span>
                    <span className={`acc-status-word acc-status-word--${account.status}`}>
                      {account.keyNeeded ? 'Key needed' : statusWords[account.status]}
                    </span>
                  </div>
                  {account.status === 'error' && account.statusMessage ? (
                    <p className="acc-item__message">{account.statusMessage}</p>
                  ) : (
                    <FreshnessNote
                      freshness={account.freshness}
                      className="acc-item__message"
                      testId="accounts-item-freshness"
                    />
                  )}
                  {account.freshness.state === 'live' && account.refreshMs !== undefined && (
                    <p className="acc-item__cadence" data-testid="accounts-item-cadence">
                      {readCadenceText(account.refreshMs)}
                    </p>
                  )}
                  {account.permissions?.warning && (
                    <p className="acc-item__warning" role="alert">
                      {account.permissions.warning}
                    </p>
                  )}
                  {account.keyNeeded &&
                    (givingKey === account.id ? (
                      <KeyAgainForm account={account} onSetKey={onSetKey} onDone={() => setGivingKey(null)} />
                    ) : (
                      <Button
                        variant="link"
                        className="acc-give-key"
                        onClick={() => setGivingKey(account.id)}
                        aria-label={`Give the key of ${account.label} again`}
                        data-testid="key-again-open"
                      >
                        Give its key again
                      </Button>
                    ))}
                  {confirming === account.id ? (
                    <div className="acc-confirm" role="group" aria-label={`Remove ${account.label}?`}>
                      <span>
                        Remove {account.label}
                        {account.kind === 'api-key' ? ' and forget its key' : ''}?
                      </span>
                      <Button variant="danger" size="sm" onClick={() => remove(account.id)} autoFocus>
                        Remove
                      </Button>
                      <Button size="sm" onClick={() => setConfirming(null)}>
                        Keep
                      </Button>
                    </div>
                  ) : (
                    <Button
                      variant="link"
                      className="acc-remove"
                      onClick={() => setConfirming(account.id)}
                      aria-label={`Remove ${account.label}`}
                    >
                      Remove
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {keyStorageNote(keyStorage) && (
            <p className="acc-keys-note" data-testid="accounts-key-storage">
              {keyStorageNote(keyStorage)}
            </p>
          )}
          {removeError && (
            <p className="acc-failure" role="alert">
              {removeError}
            </p>
          )}
          <Button
            variant="primary"
            size="lg"
            className="acc-add"
            aria-keyshortcuts="a"
            onClick={() => setDialog({ open: true, choice: 'api-key' })}
            data-testid="accounts-add"
          >
            Add account <kbd>A</kbd>
          </Button>
        </div>
      )}
      <AddAccountDialog
        open={dialog.open}
        initialChoice={dialog.choice}
        onClose={() => {
          setDialog((value) => ({ ...value, open: false }));
          if (welcoming.current) onWelcomeClosed?.();
          welcoming.current = false;
        }}
        onSubmit={onAdd}
        keyStorage={keyStorage}
      />
    </div>
  );
}
