import { Field } from '../../ui';
import type { FieldsProps } from './KeyFields';

/** Tracking a Hyperliquid account by its public address: no key, nothing that can trade. */
export function AddressFields({ form, errors, onChange }: FieldsProps) {
  return (
    <div className="acc-step">
      <p className="acc-lede">
        Hyperliquid publishes every account's positions. Paste the wallet address: LiqLens reads it like any explorer
        would, with no key and no signature.
      </p>
      <Field
        label="Wallet address"
        value={form.address}
        onChange={(address) => onChange({ address })}
        error={errors['address']}
        placeholder="0x… (40 hex digits)"
        testId="acc-address"
        autoFocus
      />
      <Field
        label="Account name"
        value={form.label}
        onChange={(label) => onChange({ label })}
        error={errors['label']}
        placeholder="Hyperliquid main"
      />
      <details className="acc-advanced">
        <summary>Advanced: testnet or simulator</summary>
        <Field
          label="Base URL"
          type="url"
          value={form.baseUrl}
          onChange={(baseUrl) => onChange({ baseUrl })}
          error={errors['baseUrl']}
          hint="Leave empty for Hyperliquid mainnet."
        />
      </details>
    </div>
  );
}
