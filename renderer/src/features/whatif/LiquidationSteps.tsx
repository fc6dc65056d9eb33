import { useMemo } from 'react';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import { isWithinReach, liquidationSteps } from '../../../../shared/risk';
import { formatPercent, formatPrice } from '../positions/format';
import type { WhatIfTarget } from './what-if-controls';

/** Props: the live account, the position, and how to write its prices and sizes. */
export interface LiquidationStepsProps {
  readonly account: RiskAccount;
  readonly target: WhatIfTarget;
  readonly tickSize: number;
  /** The position's size in base units (the table's figure), to write each part in the coin. */
  readonly sizeBase: number;
  /** The coin the size is in, e.g. ETH. */
  readonly coin: string;
}

const sizeFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * Which part of the position the venue closes at which price if the mark walks to its liquidation
 * and on, and what remains (shared/risk `liquidationSteps`, docs/research/liquidation-formulas.md §9);
 * or that it closes all at once; or, for Binance, that the first cut's size is not published. The
 * venue's rule closes the section, named by its source.
 */
export function LiquidationSteps({ account, target, tickSize, sizeBase, coin }: LiquidationStepsProps) {
  const result = useMemo(() => liquidationSteps(account, target), [account, target]);
  const mark = account.positions.find((p) => p.symbol === target.symbol && p.side === target.side)?.markPrice ?? 0;
  const base = (share: number): string => `${sizeFormat.format(share * sizeBase)} ${coin}`;
  const price = (value: number): string =>
    isWithinReach(value, mark) ? formatPrice(value, tickSize) : 'a price beyond reach';
  return (
    <section className="wi-steps" aria-label="How the venue liquidates it" data-testid="whatif-liquidation-steps">
      <h3 className="wi-label">How the venue liquidates it</h3>
      {result.kind === 'none' && <p className="field__hint">No liquidation price: nothing would be closed.</p>}
      {result.kind === 'all-at-once' && (
        <p data-testid="whatif-steps-summary">
          All at once at <strong>{price(result.price)}</strong>: the whole {base(1)}.
        </p>
      )}
      {result.kind === 'unpublished' && (
        <p data-testid="whatif-steps-summary">
          A first cut of unpublished size, then the rest; all of it by <strong>{price(result.price)}</strong> at the
          latest.
        </p>
      )}
      {result.kind === 'steps' && (
        <ol className="wi-steps__list" data-testid="whatif-steps-summary">
          {result.steps.map((step, index) => {
            const remaining = step.remainingSize / (step.remainingSize + step.closedSize) || 0;
            const remainingShare = result.steps.slice(index + 1).reduce((sum, next) => sum + next.closedShare, 0);
            return (
              <li key={step.price} data-testid="whatif-step">
                at <strong>{price(step.price)}</strong>{' '}
                {remaining > 0
                  ? `closes ${formatPercent(step.closedShare, 0)} (${base(step.closedShare)}); ${base(remainingShare)} remains`
                  : `closes the rest (${base(step.closedShare)})`}
              </li>
            );
          })}
        </ol>
      )}
      <p className="field__hint" data-testid="whatif-steps-rule">
        {result.rule}
      </p>
    </section>
  );
}
