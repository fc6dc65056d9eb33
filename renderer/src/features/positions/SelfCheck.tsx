import type { PositionView } from '../../../../shared/ipc/views/positions';
import { formatPrice } from './format';

/**
 * The self-check beside a liquidation price: "✓ matches" when LiqLens's own figure is within a tick
 * of the venue's, the difference when not, and why not when the mode keeps LiqLens from computing it.
 */
export function SelfCheck({ position }: { readonly position: PositionView }) {
  // A mode LiqLens cannot recompute is not a mismatch: say whose figure it is and why.
  if (position.computedNote !== null)
    return (
      <span
        className="self-check self-check--unknown position-note"
        title={position.computedNote}
        data-testid="self-check"
      >
        {position.computedNote}
      </span>
    );
  if (position.selfCheckOk === null)
    return (
      <span
        className="self-check self-check--unknown"
        title="The exchange reports no liquidation price to check against"
      >
        n/a
      </span>
    );
  const difference = position.selfCheckDifference ?? 0;
  const title = `LiqLens computes ${formatPrice(position.computedLiquidationPrice, position.tickSize)}; the exchange reports ${formatPrice(position.exchangeLiquidationPrice, position.tickSize)} (difference ${difference.toFixed(6)})`;
  return (
    <span
      className={`self-check ${position.selfCheckOk ? 'self-check--ok' : 'self-check--off'}`}
      title={title}
      data-testid="self-check"
    >
      {position.selfCheckOk ? '✓ matches' : `Δ ${formatPrice(difference, position.tickSize)}`}
    </span>
  );
}
