import type { PositionView } from '../../../../shared/ipc/views/positions';
import { formatPrice } from '../positions/format';

/**
 * What the liquidation line says on hover: the exchange's value, the app's own and the difference
 * between them ("Exchange 56,980.2 · LiqLens 56,980.3 · +0.1, within one tick").
 */
export function selfCheckText(position: PositionView): string {
  // A mode LiqLens cannot recompute: whose figure it is and why, not a failed check.
  if (position.computedNote !== null) return position.computedNote;
  const tick = position.tickSize;
  const exchange = `Exchange ${formatPrice(position.exchangeLiquidationPrice, tick)}`;
  const own = `LiqLens ${formatPrice(position.computedLiquidationPrice, tick)}`;
  const difference = position.selfCheckDifference;
  if (difference === null) return `${exchange} · ${own} · self-check unavailable`;
  const rounded = Math.abs(difference) < tick / 2 ? 0 : difference;
  const signed = `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatPrice(Math.abs(rounded), tick)}`;
  return `${exchange} · ${own} · ${signed}, ${position.selfCheckOk === true ? 'within one tick' : 'differs by more than one tick'}`;
}
