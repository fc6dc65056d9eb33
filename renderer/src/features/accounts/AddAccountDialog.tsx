import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountAdd } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { Button, visuallyHiddenClass } from '../../ui';
import {
  buildAccountAdd,
  clearSecrets,
  emptyForm,
  errorText,
  progressText,
  type AccountChoice,
  type AccountForm,
  type FieldErrors,
} from './account-form';
import { AddedResult } from './AddedResult';
import { AddressFields } from './AddressFields';
import { ChoicePicker } from './ChoicePicker';
import { DemoChoice } from './DemoChoice';
import { KeyFields } from './KeyFields';
import { ManualFields } from './ManualFields';
import type { KeyStorage } from './key-storage';
import './accounts.css';

/** Props of the add-account dialog. */
export interface AddAccountDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Adds the account through the core; rejects with a plain message (bad key, unknown symbol…). */
  readonly onSubmit: (account: AccountAdd) => Promise<AccountSummary>;
  /** The way in selected on open: 'demo' on first start, otherwise connecting an exchange. */
  readonly initialChoice?: AccountChoice;
  /** Where the core keeps keys: the secret field's hint says so. */
  readonly keyStorage: KeyStorage;
}

type Phase =
  | { readonly kind: 'editing'; readonly failure: string | null }
  | { readonly kind: 'submitting'; readonly text: string }
  | { readonly kind: 'added'; readonly summary: AccountSummary };

const primaryText: Readonly<Record<AccountChoice, string>> = {
  demo: 'Keep exploring the Demo',
  'api-key': 'Connect read-only key',
  address: 'Track address',
  manual: 'Add position',
};

/**
 * The onboarding and add-account dialog (a modal `<dialog>`: the page behind is inert, focus stays
 * inside, Escape closes). Validates with the contract's schema before calling `onSubmit`, shows
 * progress, then the permission check; secrets are cleared from the fields on every submit.
 */
export function AddAccountDialog({
  open,
  onClose,
  onSubmit,
  initialChoice = 'api-key',
  keyStorage,
}: AddAccountDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const attempt = useRef(0);
  const [choice, setChoice] = useState<AccountChoice>(initialChoice);
  const [form, setForm] = useState<AccountForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'editing', failure: null });

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) {
      // Every opening starts clean; a submit still running from a previous opening is ignored.
      attempt.current++;
      setChoice(initialChoice);
      setForm(emptyForm);
      setErrors({});
      setPhase({ kind: 'editing', failure: null });
      element.showModal();
      // Start on the selected way in, so arrow keys move between the choices at once.
      element.querySelector<HTMLInputElement>('input[name="acc-choice"]:checked')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, initialChoice]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const close = (): void => {
    setForm((previous) => clearSecrets(previous));
    onClose();
  };

  const submit = async (): Promise<void> => {
    if (choice === 'demo') return close();
    const built = buildAccountAdd(choice, form);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setForm(clearSecrets(form));
    setPhase({ kind: 'submitting', text: progressText(built.account) });
    const current = ++attempt.current;
    try {
      const summary = await onSubmit(built.account);
      if (current === attempt.current) setPhase({ kind: 'added', summary });
    } catch (error: unknown) {
      if (current === attempt.current) setPhase({ kind: 'editing', failure: errorText(error) });
    }
  };
  const onFormSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };
  const change = (patch: Partial<AccountForm>): void => setForm((previous) => ({ ...previous, ...patch }));
  const busy = phase.kind === 'submitting';

  return (
    <dialog
      ref={dialog}
      className="acc-dialog"
      aria-labelledby="acc-dialog-title"
      data-testid="add-account-dialog"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {phase.kind === 'added' ? (
        <AddedResult
          summary={phase.summary}
          onDone={close}
          onAnother={() => setPhase({ kind: 'editing', failure: null })}
        />
      ) : (
        <form className="acc-form" onSubmit={onFormSubmit} noValidate aria-busy={busy}>
          <header className="acc-head">
            <h2 id="acc-dialog-title" className="acc-title">
              Add an account
            </h2>
            <Button variant="quiet" size="sm" onClick={close} aria-label="Close" title="Close (Esc)">
              ✕
            </Button>
          </header>
          <div className="acc-body">
            <ChoicePicker
              value={choice}
              onChange={(next) => {
                setChoice(next);
                setErrors({});
              }}
              disabled={busy}
            />
            <fieldset className="acc-panel" disabled={busy}>
              <legend className={visuallyHiddenClass}>{primaryText[choice]}</legend>
              {choice === 'demo' && <DemoChoice />}
              {choice === 'api-key' && (
                <KeyFields form={form} errors={errors} onChange={change} keyStorage={keyStorage} />
              )}
              {choice === 'address' && <AddressFields form={form} errors={errors} onChange={change} />}
              {choice === 'manual' && <ManualFields form={form} errors={errors} onChange={change} />}
            </fieldset>
          </div>
          <footer className="acc-foot">
            <div className="acc-status" aria-live="polite" data-testid="add-account-status">
              {phase.kind === 'submitting' && (
                <span className="acc-progress">
                  <span className="acc-spinner" aria-hidden="true" />
                  {phase.text}
                </span>
              )}
              {phase.kind === 'editing' && phase.failure && (
                <p className="acc-failure" role="alert" data-testid="add-account-error">
                  {phase.failure}
                </p>
              )}
            </div>
            <Button size="lg" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="primary"
              size="lg"
              disabled={busy}
              aria-busy={busy}
              data-testid="add-account-submit"
            >
              {primaryText[choice]}
            </Button>
          </footer>
        </form>
      )}
    </dialog>
  );
}
