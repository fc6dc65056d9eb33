import { useId, type ReactNode } from 'react';
import { Badge, Button, Segmented } from '../../ui';
import { formatMoney } from '../../lib/format-money';
import { formatPrice } from '../positions/format';
import type { CloseOutcome } from './close-outcome';
import type { PositionLimits } from './position-limits';
import { rangeFill } from './range-fill';
import type { DraftErrors, WhatIfDraft } from './what-if-draft';
import type { PositionFigures } from './what-if-model';

/** Props of the what-if controls: the draft, how to change it, and what the venue allows. */
export interface WhatIfInputsProps {
  readonly draft: WhatIfDraft;
  readonly errors: DraftErrors;
  readonly onChange: (patch: Partial<WhatIfDraft>) => void;
  readonly current: PositionFigures;
  readonly next: PositionFigures | null;
  readonly limits: PositionLimits;
  readonly tickSize: number;
  /** Size of the position in base units (the table's figure), for the close control's label. */
  readonly sizeBase: number;
  /** True when the engine labelled the margin-mode switch hypothetical. */
  readonly modeHypothetical: boolean;
  /** What the partial close realizes and frees at the mark; null while nothing is closed. */
  readonly closing: CloseOutcome | null;
}

/** The collateral text after a quick-add chip: the typed amount plus the chip's (an unreadable text starts from 0). */
export function addToAmount(text: string, amount: number): string {
  const current = Number(text.replace(/[\s,_]/g, ''));
  const base = Number.isFinite(current) && current > 0 ? current : 0;
  return String(Math.round((base + amount) * 100) / 100);
}

const quickAdds = [100, 500, 1_000, 5_000] as const;
const closeSteps = [25, 50, 75, 100] as const;
const collateralSides = ['add', 'remove'] as const;
const marginModes = ['isolated', 'cross'] as const;

function Field({
  label,
  htmlFor,
  value,
  children,
  error,
}: {
  readonly label: string;
  readonly htmlFor: string;
  readonly value?: ReactNode;
  readonly children: ReactNode;
  readonly error?: string | undefined;
}) {
  return (
    <div className="wi-field">
      <div className="wi-field__head">
        <label className="wi-label" htmlFor={htmlFor}>
          {label}
        </label>
        {value !== undefined && (
          <output className="wi-field__value" htmlFor={htmlFor}>
            {value}
          </output>
        )}
      </div>
      {children}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function removableText(maxRemovable: number | string): string {
  return typeof maxRemovable === 'string' ? maxRemovable : `max removable ${formatMoney(maxRemovable)}`;
}

/** The what-if controls: leverage, collateral, partial close, added size, margin mode, price move. */
export function WhatIfInputs({
  draft,
  errors,
  onChange,
  current,
  next,
  limits,
  tickSize,
  sizeBase,
  modeHypothetical,
  closing,
}: WhatIfInputsProps) {
  const id = useId();
  const leverage = draft.leverage ?? current.leverage ?? limits.minLeverage;
  const maxLeverage = Math.max(limits.maxLeverage, current.leverage ?? 1);
  const removable = typeof limits.maxRemovable === 'number' ? limits.maxRemovable : null;
  const mode = draft.marginMode ?? current.marginMode;
  const newEntry =
    draft.addSizeText.trim() !== '' && next !== null && next.entryPrice !== current.entryPrice ? next.entryPrice : null;
  return (
    <div className="wi-inputs">
      <Field label="Leverage" htmlFor={`${id}-lev`} value={`${leverage}x`}>
        <input
          id={`${id}-lev`}
          type="range"
          className="wi-range"
          min={limits.minLeverage}
          max={maxLeverage}
          step={1}
          value={leverage}
          style={rangeFill(limits.minLeverage, maxLeverage, leverage, current.leverage ?? limits.minLeverage)}
          aria-valuetext={`${leverage}x`}
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
          data-testid="whatif-leverage"
          onChange={(event) => onChange({ leverage: Number(event.currentTarget.value) })}
        />
        <div className="wi-scale" aria-hidden="true">
          <span>{limits.minLeverage}x</span>
          <span>now {current.leverage ?? '?'}x</span>
          <span>{maxLeverage}x</span>
        </div>
      </Field>

      <Field label="Collateral" htmlFor={`${id}-col`} error={errors.collateral}>
        <div className="wi-row">
          <Segmented
            label="Add or remove collateral"
            value={draft.collateralSide}
            testId="whatif-collateral-side"
            options={collateralSides}
            labels={{ add: 'Add', remove: 'Remove' }}
            onChange={(collateralSide) => onChange({ collateralSide })}
          />
          <input
            id={`${id}-col`}
            className="input input--sm"
            inputMode="decimal"
            placeholder="0"
            autoComplete="off"
            value={draft.collateralText}
            aria-invalid={errors.collateral ? true : undefined}
            aria-describedby={`${id}-col-hint`}
            data-testid="whatif-collateral"
            onChange={(event) => onChange({ collateralText: event.currentTarget.value })}
          />
        </div>
        <div className="wi-chips">
          {draft.collateralSide === 'add'
            ? quickAdds.map((amount) => (
                <Button
                  key={amount}
                  variant="ghost"
                  size="sm"
                  className="wi-chip"
                  title={`Add ${formatMoney(amount)} to the amount`}
                  onClick={() => onChange({ collateralText: addToAmount(draft.collateralText, amount) })}
                >
                  +{amount.toLocaleString('en-US')}
                </Button>
              ))
            : removable !== null &&
              [0.25, 0.5, 1].map((share) => (
                <Button
                  key={share}
                  variant="ghost"
                  size="sm"
                  className="wi-chip"
                  disabled={removable <= 0}
                  onClick={() => onChange({ collateralText: String(Math.floor(removable * share * 100) / 100) })}
                >
                  {share === 1 ? 'Max' : `${share * 100} %`}
                </Button>
              ))}
        </div>
        <p className="field__hint" id={`${id}-col-hint`} data-testid="whatif-max-removable">
          {removableText(limits.maxRemovable)}
          {current.marginMode === 'cross' ? ' (cross: moves the wallet)' : ''}
        </p>
      </Field>

      <Field label="Close" htmlFor={`${id}-close`} value={`${draft.closePercent} %`}>
        <div className="wi-chips">
          {closeSteps.map((step) => (
            <Button
              key={step}
              variant="ghost"
              size="sm"
              className="wi-chip"
              aria-pressed={draft.closePercent === step}
              onClick={() => onChange({ closePercent: draft.closePercent === step ? 0 : step })}
            >
              {step} %
            </Button>
          ))}
        </div>
        <input
          id={`${id}-close`}
          type="range"
          className="wi-range"
          min={0}
          max={100}
          step={1}
          value={draft.closePercent}
          style={rangeFill(0, 100, draft.closePercent)}
          aria-valuetext={`close ${draft.closePercent} % of ${sizeBase.toLocaleString('en-US', { maximumFractionDigits: 4 })}`}
          data-testid="whatif-close"
          onChange={(event) => onChange({ closePercent: Number(event.currentTarget.value) })}
        />
        <p className="field__hint wi-close-outcome" data-testid="whatif-close-outcome" aria-live="polite">
          {closing === null
            ? 'Closing realizes PnL at the mark and frees margin.'
            : `Realizes ${formatMoney(closing.realizedPnl)} PnL · frees ${
                closing.freedMargin === null ? 'an unknown amount of' : formatMoney(closing.freedMargin)
              } margin${current.marginMode === 'cross' ? ' (initial margin at the mark)' : ''}`}
        </p>
      </Field>

      <div className="wi-field">
        <span className="wi-label" id={`${id}-add-label`}>
          Add size
        </span>
        <div className="wi-row" role="group" aria-labelledby={`${id}-add-label`}>
          <input
            className="input input--sm"
            inputMode="decimal"
            placeholder="size (base)"
            aria-label="Size to add, base units"
            autoComplete="off"
            value={draft.addSizeText}
            aria-invalid={errors.addSize ? true : undefined}
            data-testid="whatif-add-size"
            onChange={(event) => onChange({ addSizeText: event.currentTarget.value })}
          />
          <span className="muted" aria-hidden="true">
            @
          </span>
          <input
            className="input input--sm"
            inputMode="decimal"
            placeholder={formatPrice(current.markPrice, tickSize)}
            aria-label="Price of the added size (empty: at the mark)"
            autoComplete="off"
            value={draft.addPriceText}
            aria-invalid={errors.addPrice ? true : undefined}
            data-testid="whatif-add-price"
            onChange={(event) => onChange({ addPriceText: event.currentTarget.value })}
          />
        </div>
        {(errors.addSize ?? errors.addPrice) && (
          <p className="field__error" role="alert">
            {errors.addSize ?? errors.addPrice}
          </p>
        )}
        {newEntry !== null && (
          <p className="field__hint">
            New average entry {formatPrice(newEntry, tickSize)} (was {formatPrice(current.entryPrice, tickSize)})
          </p>
        )}
      </div>

      <div className="wi-field">
        <div className="wi-field__head">
          <span className="wi-label">Margin mode</span>
          {modeHypothetical && (
            <Badge tone="warning" title="The venue does not switch the margin mode of an open position">
              hypothetical
            </Badge>
          )}
        </div>
        <Segmented
          label="Margin mode"
          value={mode}
          testId="whatif-mode"
          options={marginModes}
          labels={{ isolated: 'Isolated', cross: 'Cross' }}
          onChange={(option) => onChange({ marginMode: option === current.marginMode ? null : option })}
        />
      </div>

      <Field
        label="Move the price"
        htmlFor={`${id}-price`}
        value={`${draft.pricePercent > 0 ? '+' : ''}${draft.pricePercent} % · ${formatPrice(current.markPrice * (1 + draft.pricePercent / 100), tickSize)}`}
      >
        <input
          id={`${id}-price`}
          type="range"
          className="wi-range"
          min={-30}
          max={30}
          step={0.5}
          value={draft.pricePercent}
          style={rangeFill(-30, 30, draft.pricePercent, 0)}
          aria-valuetext={`${draft.pricePercent} %, mark ${formatPrice(current.markPrice * (1 + draft.pricePercent / 100), tickSize)}`}
          data-testid="whatif-price"
          onChange={(event) => onChange({ pricePercent: Number(event.currentTarget.value) })}
        />
        <div className="wi-scale" aria-hidden="true">
          <span>−30 %</span>
          <span>mark</span>
          <span>+30 %</span>
        </div>
      </Field>
    </div>
  );
}
