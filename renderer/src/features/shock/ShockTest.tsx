import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { LiqLensApi, MarketKey } from '../../../../shared/ipc/contract';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { portfolioShock } from '../../../../shared/risk';
import { Button, Segmented } from '../../ui';
import { formatSignedPercent } from '../../lib/format-money';
import { ShockResults } from './ShockResults';
import {
  coinMoves,
  coinsHeld,
  movesOf,
  presetControls,
  shockScope,
  type AltMode,
  type ShockControls,
} from './shock-model';
import { betaTimeframe, useBetas } from './useBetas';
import './shock.css';

/** Props of the shock test: every account and its positions, as the positions table has them. */
export interface ShockTestProps {
  readonly accounts: readonly AccountSummary[];
  readonly positions: ReadonlyMap<string, AccountPositions>;
  /** Where betas' candles come from; null offers no "by beta". */
  readonly api?: Pick<LiqLensApi, 'openMarket' | 'closeMarket'> | null;
  /** The charted market, which the betas never open (it would switch the chart's timeframe). */
  readonly charted?: MarketKey | null;
}

const altModes = ['same', 'beta', 'hand'] as const satisfies readonly AltMode[];

/**
 * The portfolio shock test: a top-bar button opening a modal dialog (Escape closes, focus stays in)
 * where one or several coins move by a percentage across every account and venue at once, computed
 * on shared/risk as the inputs change; the results list which positions liquidate, in the order the
 * move reaches them, and the equity left per account.
 */
export function ShockTest({ accounts, positions, api = null, charted = null }: ShockTestProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const coins = useMemo(() => coinsHeld(positions), [positions]);
  const reference = coins.includes('BTC') ? 'BTC' : (coins[0] ?? 'BTC');
  const offerBeta = api !== null;
  const [controls, setControls] = useState<ShockControls>(() => presetControls('BTC', offerBeta ? 'beta' : 'same'));
  const betas = useBetas(api, positions, reference, charted, open && controls.altMode === 'beta');
  const moves = useMemo(() => coinMoves({ ...controls, reference }, coins, betas), [controls, reference, coins, betas]);
  const scope = useMemo(() => shockScope(accounts, positions), [accounts, positions]);
  const result = useMemo(() => (open ? portfolioShock(scope.accounts, movesOf(moves)) : null), [open, scope, moves]);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  const change = (patch: Partial<ShockControls>): void => setControls((previous) => ({ ...previous, ...patch }));
  const percent = controls.referencePercent;
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => setOpen(true)}
        disabled={scope.accounts.length === 0 && scope.skipped.length === 0}
        title="What happens to every position if a coin drops or rises"
        data-testid="shock-open"
      >
        Shock test
      </Button>
      <dialog
        ref={dialog}
        className="shock"
        aria-labelledby={`${id}-title`}
        data-testid="shock-dialog"
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
      >
        <header className="shock-head">
          <h2 id={`${id}-title`} className="shock-title">
            Portfolio shock test
          </h2>
          <Button variant="quiet" size="sm" onClick={() => setOpen(false)} aria-label="Close" title="Close (Esc)">
            ✕
          </Button>
        </header>
        <div className="shock-body">
          <section className="shock-controls" aria-label="Shock">
            <div className="shock-row">
              <Button
                size="sm"
                onClick={() => setControls(presetControls(reference, offerBeta ? 'beta' : 'same'))}
                data-testid="shock-preset"
              >
                {reference} −10 %
              </Button>
              <span className="muted">every account and venue at once</span>
            </div>
            <label className="shock-label" htmlFor={`${id}-move`}>
              {reference} move <output htmlFor={`${id}-move`}>{formatSignedPercent(percent / 100)}</output>
            </label>
            <div className="shock-row">
              <input
                id={`${id}-move`}
                type="range"
                className="shock-range"
                min={-50}
                max={50}
                step={0.5}
                value={percent}
                aria-valuetext={`${reference} ${formatSignedPercent(percent / 100)}`}
                data-testid="shock-move"
                onChange={(event) => change({ referencePercent: Number(event.currentTarget.value) })}
              />
              <input
                className="input input--sm shock-number"
                type="number"
                min={-99}
                max={500}
                step={0.5}
                value={percent}
                aria-label={`${reference} move, percent`}
                data-testid="shock-move-number"
                onChange={(event) => {
                  const value = Number(event.currentTarget.value);
                  if (Number.isFinite(value) && value > -100 && value <= 500) change({ referencePercent: value });
                }}
              />
            </div>
            <span className="shock-label" id={`${id}-alts`}>
              Other coins
            </span>
            <Segmented
              label="How the other coins move"
              options={offerBeta ? altModes : altModes.filter((mode) => mode !== 'beta')}
              value={controls.altMode}
              labels={{ same: `Same as ${reference}`, beta: `By beta to ${reference}`, hand: 'By hand' }}
              size="sm"
              testId="shock-alt-mode"
              onChange={(altMode) => change({ altMode })}
            />
            {controls.altMode === 'beta' && (
              <p className="muted shock-hint">
                β: least squares of each coin's hourly ({betaTimeframe}) log returns on {reference}'s, over the bars its
                venue holds; a coin without one does not move.
              </p>
            )}
            <ul className="shock-coins" aria-label="Move per coin">
              {moves.map((move) => (
                <li key={move.coin} className="shock-coin" data-testid="shock-coin">
                  <span className="shock-coin__name">{move.coin}</span>
                  {controls.altMode === 'hand' && move.coin !== reference ? (
                    <input
                      className="input input--sm shock-number"
                      inputMode="decimal"
                      placeholder="0"
                      aria-label={`${move.coin} move, percent`}
                      value={controls.handPercents[move.coin] ?? ''}
                      onChange={(event) =>
                        change({ handPercents: { ...controls.handPercents, [move.coin]: event.currentTarget.value } })
                      }
                    />
                  ) : (
                    <span className="shock-coin__move">{formatSignedPercent(move.move)}</span>
                  )}
                  <span className="muted shock-coin__basis">{move.basis}</span>
                </li>
              ))}
            </ul>
          </section>
          {result !== null && (
            <ShockResults
              result={result}
              positions={positions}
              skipped={scope.skipped}
              reference={reference}
              referenceMove={percent / 100}
            />
          )}
        </div>
      </dialog>
    </>
  );
}
