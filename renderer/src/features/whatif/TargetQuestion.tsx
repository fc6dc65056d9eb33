import { useId, useMemo, useState } from 'react';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { Profile } from '../../../../shared/clusters';
import { Button, visuallyHiddenClass } from '../../ui';
import { formatMoney } from '../../lib/format-money';
import { formatUsdCompact } from '../chart/usd-compact';
import { formatPercent, formatPrice } from '../positions/format';
import { parseAmount } from './what-if-draft';
import { answerTarget, beyondBuffer, clustersOnTheWay } from './target-question';
import type { WhatIfTarget } from './what-if-controls';

/** Props of "put my liquidation beyond this price / cluster". */
export interface TargetQuestionProps {
  readonly account: RiskAccount;
  readonly target: WhatIfTarget;
  readonly markPrice: number;
  readonly tickSize: number;
  readonly profile: Profile | null;
  /** Puts the answer into the controls: collateral to add, or a leverage. */
  readonly onApplyCollateral: (amount: number) => void;
  readonly onApplyLeverage: (leverage: number) => void;
}

/** Asks for a price (or offers the clusters on the way) and answers with the collateral or leverage it takes. */
export function TargetQuestion({
  account,
  target,
  markPrice,
  tickSize,
  profile,
  onApplyCollateral,
  onApplyLeverage,
}: TargetQuestionProps) {
  const id = useId();
  const [text, setText] = useState('');
  const clusters = useMemo(
    () => clustersOnTheWay(profile, markPrice, target.side, tickSize),
    [profile, markPrice, target.side, tickSize],
  );
  const price = parseAmount(text);
  const answer = typeof price === 'number' && price > 0 ? answerTarget(account, target, price) : null;
  // Round collateral up and leverage down so that applying the answer really clears the target.
  const collateral =
    answer?.kind === 'answer' && answer.collateral !== null ? Math.ceil(answer.collateral * 100) / 100 : null;
  const leverage =
    answer?.kind === 'answer' && answer.maximumLeverage !== null ? Math.floor(answer.maximumLeverage) : null;
  return (
    <section className="wi-target" aria-labelledby={`${id}-title`}>
      <h3 className="wi-label" id={`${id}-title`}>
        Put my liquidation beyond…
      </h3>
      <div className="wi-row">
        <label className={visuallyHiddenClass} htmlFor={`${id}-price`}>
          Target liquidation price
        </label>
        <input
          id={`${id}-price`}
          className="input input--sm"
          inputMode="decimal"
          autoComplete="off"
          placeholder={target.side === 'long' ? 'a price below the mark' : 'a price above the mark'}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-testid="whatif-target"
        />
      </div>
      {clusters.length > 0 && (
        <>
          <div className="wi-chips" aria-label="Clusters on the way">
            {clusters.map((cluster) => (
              <Button
                key={cluster.low}
                variant="ghost"
                size="sm"
                className="wi-chip wi-chip--cluster"
                onClick={() => setText(String(cluster.beyond))}
                title={`Cluster ${formatPrice(cluster.low, tickSize)}–${formatPrice(cluster.high, tickSize)} of ${formatMoney(cluster.usd)}; the target is ${formatPrice(cluster.beyond, tickSize)}`}
                data-testid="whatif-cluster-chip"
              >
                {formatUsdCompact(cluster.usd)} @ {formatPrice(cluster.beyond, tickSize)}
              </Button>
            ))}
          </div>
          <p className="field__hint" data-testid="whatif-beyond-buffer">
            A cluster's price is {formatPercent(beyondBuffer)} of the mark past its far edge, on the tick: a liquidation
            right on the edge is what a sweep through the cluster reaches first.
          </p>
        </>
      )}
      <div className="wi-answer" aria-live="polite" data-testid="whatif-target-answer">
        {typeof price === 'string' && <p className="field__error">{price}</p>}
        {answer?.kind === 'invalid' && <p className="field__error">{answer.reason}</p>}
        {answer?.kind === 'answer' && (
          <>
            <p>
              {collateral === null ? (
                answer.collateralReason
              ) : collateral > 0 ? (
                <>
                  Add <strong>{formatMoney(collateral)}</strong> of collateral
                </>
              ) : (
                <>
                  Already beyond: <strong>{formatMoney(-collateral)}</strong> to spare
                </>
              )}
              {collateral !== null && collateral > 0 && (
                <Button variant="link" className="wi-link" onClick={() => onApplyCollateral(collateral)}>
                  Try it
                </Button>
              )}
            </p>
            <p>
              {leverage !== null && answer.leverageFeasible ? (
                <>
                  or open at <strong>{leverage}x</strong> or less
                </>
              ) : null}
              {leverage !== null && answer.leverageFeasible && leverage >= 1 && (
                <Button variant="link" className="wi-link" onClick={() => onApplyLeverage(leverage)}>
                  Try it
                </Button>
              )}
              {answer.leverageReason && <span className="field__hint"> {answer.leverageReason}</span>}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
