import type { StopSuggestion } from '../../../../shared/clusters';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { breakEvenPrice } from './break-even';

/** A threshold an alert rule watches, drawn as a faint line titled with its rule and level. */
export interface ThresholdLine {
  readonly price: number;
  readonly level: 'warning' | 'danger' | 'critical';
  /** The rule whose alert fires when the mark crosses the line. */
  readonly rule: 'marginRatio' | 'distance';
  /** What the line says on the price axis: the rule and its level ("MR 70 %", "2.5 % away"). */
  readonly title: string;
}

/** What the chart draws as a price line: lightweight-charts options minus the colours' source. */
export interface PriceLineSpec {
  /** Stable id: a line is updated in place, never re-created, while its id stays. */
  readonly id: string;
  readonly price: number;
  readonly color: string;
  /** 0 solid, 1 dotted, 2 dashed, 3 large dashed (lightweight-charts `LineStyle`). */
  readonly lineStyle: 0 | 1 | 2 | 3;
  readonly lineWidth: 1 | 2;
  readonly title: string;
  /** False hides the price label on the axis (merged into a neighbour's, see `mergeCollidingLabels`); default shown. */
  readonly axisLabelVisible?: boolean;
}

/** Colours of the lines, read from the theme's CSS variables. */
export interface LineColors {
  readonly entry: string;
  readonly breakEven: string;
  readonly liquidation: string;
  readonly ghost: string;
  readonly warning: string;
  readonly danger: string;
  readonly critical: string;
  /** Suggested stops. */
  readonly stop: string;
}

/** Inputs of `priceLineSpecs`. */
export interface PriceLineInput {
  readonly position: PositionView | null;
  /** Fee rate to close, fraction; null hides the break-even line (see `breakEvenPrice`). */
  readonly closeFeeRate: number | null;
  readonly ghostLiquidationPrice: number | null;
  readonly thresholdLines: readonly ThresholdLine[];
  /** Suggested stops outside the clusters, nearest first ("Stop 1", "Stop 2"); none when omitted. */
  readonly stops?: readonly StopSuggestion[];
}

const valid = (price: number | null | undefined): price is number =>
  price !== null && price !== undefined && Number.isFinite(price) && price > 0;

/**
 * The price lines of the selected position: entry, break-even, liquidation (the exchange's value;
 * the app's own when the exchange gives none, titled so), the what-if ghost, the thresholds and
 * the suggested stops.
 * A ghost equal to the real liquidation price (to a tenth of a tick) is not drawn twice.
 */
export function priceLineSpecs(input: PriceLineInput, colors: LineColors): PriceLineSpec[] {
  const specs: PriceLineSpec[] = [];
  const position = input.position;
  let liquidation: number | null = null;
  if (position !== null) {
    specs.push({
      id: 'entry',
      price: position.entryPrice,
      color: colors.entry,
      lineStyle: 2,
      lineWidth: 1,
      title: 'Entry',
    });
    const breakEven = breakEvenPrice(position.side, position.entryPrice, input.closeFeeRate);
    if (valid(breakEven))
      specs.push({
        id: 'break-even',
        price: breakEven,
        color: colors.breakEven,
        lineStyle: 1,
        lineWidth: 1,
        title: 'BE',
      });
    if (valid(position.exchangeLiquidationPrice)) liquidation = position.exchangeLiquidationPrice;
    const title = valid(position.exchangeLiquidationPrice) ? 'Liq' : 'Liq (app)';
    liquidation ??= valid(position.computedLiquidationPrice) ? position.computedLiquidationPrice : null;
    if (liquidation !== null)
      specs.push({
        id: 'liquidation',
        price: liquidation,
        color: colors.liquidation,
        lineStyle: 0,
        lineWidth: 2,
        title,
      });
  }
  const ghost = input.ghostLiquidationPrice;
  const tick = position?.tickSize ?? 0;
  if (valid(ghost) && (liquidation === null || Math.abs(ghost - liquidation) > tick / 10)) {
    specs.push({ id: 'ghost', price: ghost, color: colors.ghost, lineStyle: 2, lineWidth: 2, title: 'What-if liq' });
  }
  for (const line of input.thresholdLines)
    if (valid(line.price))
      specs.push({
        id: `threshold-${line.rule}-${line.level}`,
        price: line.price,
        color: colors[line.level],
        lineStyle: 3,
        lineWidth: 1,
        title: line.title,
      });
  (input.stops ?? []).forEach((stop, i) =>
    specs.push({
      id: `stop-${i + 1}`,
      price: stop.price,
      color: colors.stop,
      lineStyle: 2,
      lineWidth: 1,
      title: (input.stops?.length ?? 0) > 1 ? `Stop ${i + 1}` : 'Stop',
    }),
  );
  return specs;
}
