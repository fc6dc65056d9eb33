import { Badge, visuallyHiddenClass } from '../../ui';
import type { AccountChoice } from './account-form';

const choices: readonly { readonly value: AccountChoice; readonly title: string; readonly text: string }[] = [
  { value: 'demo', title: 'Demo', text: 'Simulated market, already running' },
  { value: 'api-key', title: 'Connect an exchange', text: 'Binance, Bybit or OKX, read-only key' },
  { value: 'address', title: 'Track a Hyperliquid address', text: 'Public wallet, no key' },
  { value: 'manual', title: 'Type a position', text: 'No key: enter it by hand' },
];

/** The four ways in, as native radio buttons (arrow keys move between them). */
export function ChoicePicker({
  value,
  onChange,
  disabled,
}: {
  readonly value: AccountChoice;
  readonly onChange: (choice: AccountChoice) => void;
  readonly disabled: boolean;
}) {
  return (
    <div className="acc-choices" role="radiogroup" aria-label="How to add it">
      {choices.map((choice) => (
        <label
          key={choice.value}
          className="acc-choice"
          data-checked={choice.value === value || undefined}
          data-testid={`acc-choice-${choice.value}`}
        >
          <input
            type="radio"
            className={visuallyHiddenClass}
            name="acc-choice"
            value={choice.value}
            checked={choice.value === value}
            disabled={disabled}
            autoFocus={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          <span className="acc-choice__title">
            {choice.title}
            {choice.value === 'demo' && (
              <Badge tone="demo" className="acc-choice__badge">
                Demo
              </Badge>
            )}
          </span>
          <span className="acc-choice__text">{choice.text}</span>
        </label>
      ))}
    </div>
  );
}
