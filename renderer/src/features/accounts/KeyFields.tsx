import { venueFacts } from '../../../../shared/domain/venue';
import { Field, visuallyHiddenClass } from '../../ui';
import type { AccountForm, FieldErrors } from './account-form';
import { keyGuides } from './key-guides';
import { keyStorageHint, type KeyStorage } from './key-storage';
import { keyVenues } from './venues';

/** Props of the exchange-key step: the form, its errors and how to change it. */
export interface FieldsProps {
  readonly form: AccountForm;
  readonly errors: FieldErrors;
  readonly onChange: (patch: Partial<AccountForm>) => void;
}

/** Props of the key step: the fields' props and where this app keeps keys (the hint says so). */
export interface KeyFieldsProps extends FieldsProps {
  readonly keyStorage: KeyStorage;
}

/** Venue picker, the venue's read-only key guidance, and the key fields (secret masked). */
export function KeyFields({ form, errors, onChange, keyStorage }: KeyFieldsProps) {
  const guide = keyGuides[form.keyVenue];
  return (
    <div className="acc-step">
      <div className="acc-venues" role="radiogroup" aria-label="Exchange">
        {keyVenues.map((venue) => (
          <label key={venue} className="acc-venue" data-checked={form.keyVenue === venue || undefined}>
            <input
              type="radio"
              className={visuallyHiddenClass}
              name="acc-key-venue"
              checked={form.keyVenue === venue}
              onChange={() => onChange({ keyVenue: venue })}
            />
            {venueFacts(venue).product}
          </label>
        ))}
      </div>
      <section className="acc-guide" aria-label={`Make a read-only key on ${venueFacts(form.keyVenue).short}`}>
        <p className="acc-guide__where">{guide.where}</p>
        <ol className="acc-guide__steps">
          {guide.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <div className="acc-guide__perms">
          <div>
            <span className="acc-guide__head acc-guide__head--on">Tick</span>
            <ul>
              {guide.enable.map((item) => (
                <li key={item}>✓ {item}</li>
              ))}
            </ul>
          </div>
          <div>
            <span className="acc-guide__head acc-guide__head--off">Leave off</span>
            <ul>
              {guide.leaveOff.map((item) => (
                <li key={item}>✕ {item}</li>
              ))}
            </ul>
          </div>
        </div>
        <p className="acc-guide__ip">
          <strong>IP whitelist:</strong> {guide.ipAdvice}
        </p>
      </section>
      <Field
        label="Account name"
        value={form.label}
        onChange={(label) => onChange({ label })}
        error={errors['label']}
        placeholder={`${venueFacts(form.keyVenue).short} (read-only key)`}
      />
      <Field
        label="API key"
        value={form.apiKey}
        onChange={(apiKey) => onChange({ apiKey })}
        error={errors['apiKey']}
        testId="acc-api-key"
      />
      <Field
        label="API secret"
        type="password"
        value={form.apiSecret}
        onChange={(apiSecret) => onChange({ apiSecret })}
        error={errors['apiSecret']}
        hint={keyStorageHint(keyStorage)}
        testId="acc-api-secret"
      />
      {guide.needsPassphrase && (
        <Field
          label="Passphrase"
          type="password"
          value={form.passphrase}
          onChange={(passphrase) => onChange({ passphrase })}
          error={errors['passphrase']}
          testId="acc-passphrase"
        />
      )}
      <details className="acc-advanced">
        <summary>Advanced: testnet or simulator</summary>
        <Field
          label="Base URL"
          type="url"
          value={form.baseUrl}
          onChange={(baseUrl) => onChange({ baseUrl })}
          error={errors['baseUrl']}
          placeholder="https://testnet.example.com"
          hint="Leave empty for the real exchange."
        />
      </details>
    </div>
  );
}
