import { venueFacts } from '../../../../shared/domain/venue';
import type { AccountVenue } from '../../../../shared/domain/account-venue';
import { Field, SelectField } from '../../ui';
import type { ManualPositionForm } from './account-form';
import type { FieldsProps } from './KeyFields';

const venues: readonly AccountVenue[] = ['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid'];

/** A position typed in by hand: venue, symbol, side, size, entry, leverage, margin mode and margin. */
export function ManualFields({ form, errors, onChange }: FieldsProps) {
  const position = form.position;
  const set = (patch: Partial<ManualPositionForm>): void => onChange({ position: { ...position, ...patch } });
  return (
    <div className="acc-step">
      <p className="acc-lede">
        No key at all: type the position as the exchange shows it. LiqLens prices it with the venue's public mark price
        and leverage tiers.
      </p>
      <div className="acc-grid">
        <SelectField
          label="Venue"
          value={form.manualVenue}
          options={venues.map((venue) => ({ value: venue, text: venueFacts(venue).product }))}
          onChange={(manualVenue) => onChange({ manualVenue })}
          testId="acc-manual-venue"
        />
        <Field
          label="Symbol"
          value={position.symbol}
          onChange={(symbol) => set({ symbol })}
          error={errors['position.symbol']}
          placeholder="BTCUSDT"
          testId="acc-symbol"
        />
        <SelectField
          label="Side"
          value={position.side}
          options={[
            { value: 'long', text: 'Long' },
            { value: 'short', text: 'Short' },
          ]}
          onChange={(side) => set({ side })}
        />
        <Field
          label="Size (base units)"
          inputMode="decimal"
          value={position.sizeBase}
          onChange={(sizeBase) => set({ sizeBase })}
          error={errors['position.sizeBase']}
          placeholder="0.5"
          hint="Coins, not contracts"
          testId="acc-size"
        />
        <Field
          label="Entry price"
          inputMode="decimal"
          value={position.entryPrice}
          onChange={(entryPrice) => set({ entryPrice })}
          error={errors['position.entryPrice']}
          testId="acc-entry"
        />
        <Field
          label="Leverage"
          inputMode="decimal"
          value={position.leverage}
          onChange={(leverage) => set({ leverage })}
          error={errors['position.leverage']}
          placeholder="10"
          testId="acc-leverage"
        />
        <SelectField
          label="Margin mode"
          value={position.marginMode}
          options={[
            { value: 'isolated', text: 'Isolated' },
            { value: 'cross', text: 'Cross' },
          ]}
          onChange={(marginMode) => set({ marginMode })}
        />
        {position.marginMode === 'isolated' ? (
          <Field
            label="Isolated margin"
            inputMode="decimal"
            value={position.isolatedMargin}
            onChange={(isolatedMargin) => set({ isolatedMargin })}
            error={errors['position.isolatedMargin']}
            hint="Without PnL; empty = size × entry ÷ leverage"
          />
        ) : (
          <Field
            label="Wallet balance (cross)"
            inputMode="decimal"
            value={form.walletBalance}
            onChange={(walletBalance) => onChange({ walletBalance })}
            error={errors['walletBalance']}
            hint="Without unrealized PnL"
            testId="acc-wallet"
          />
        )}
      </div>
      <Field
        label="Account name"
        value={form.label}
        onChange={(label) => onChange({ label })}
        error={errors['label']}
        placeholder={`${venueFacts(form.manualVenue).short} position (typed in)`}
      />
    </div>
  );
}
