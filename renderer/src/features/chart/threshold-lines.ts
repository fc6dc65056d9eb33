import { levels } from '../../../../shared/alerts/levels';
import { formatPercent } from '../../../../shared/alerts/message';
import type { RuleSet } from '../../../../shared/alerts/rule-schemas';
import { thresholdPrices } from '../../../../shared/alerts/threshold-prices';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { ThresholdLine } from './price-line-specs';

/**
 * The threshold lines of one position: where each level of each price rule that is on would fire,
 * each titled with its rule and level, so the line the price crosses names the alert that fires there.
 * - margin ratio ("MR 70 %"): the mark at which the position's margin ratio reaches the level
 *   (`thresholdPrices`: shared/risk moves this symbol's mark, other symbols frozen);
 * - distance ("2.5 % away"): the mark at which the liquidation price is that fraction of the mark away,
 *   liq / (1 − d) for a long and liq / (1 + d) for a short, holding the liquidation price where it is
 *   now (exact for an isolated position; for cross, the liquidation price of the current balance).
 * Levels already reached at the current mark, rules switched off, and a position without a
 * liquidation price (distance) draw nothing. `liquidationPrice` is the one drawn as "Liq".
 */
export function thresholdLines(
  risk: RiskAccount,
  index: number,
  liquidationPrice: number | null,
  rules: Pick<RuleSet, 'marginRatio' | 'distance'>,
): ThresholdLine[] {
  const position = risk.positions[index];
  if (position === undefined) return [];
  const lines: ThresholdLine[] = [];
  if (rules.marginRatio.enabled)
    for (const threshold of thresholdPrices(risk, index, rules.marginRatio.levels))
      if (threshold.price !== null && !threshold.reached)
        lines.push({
          price: threshold.price,
          level: threshold.level,
          rule: 'marginRatio',
          title: `MR ${formatPercent(threshold.marginRatio)}`,
        });
  if (rules.distance.enabled && liquidationPrice !== null && liquidationPrice > 0) {
    const long = position.side === 'long';
    const mark = position.markPrice;
    for (const level of levels) {
      const away = rules.distance.levels[level];
      const price = long ? liquidationPrice / (1 - away) : liquidationPrice / (1 + away);
      // Reached: the mark is already this close to the liquidation price.
      if (long ? mark <= price : mark >= price) continue;
      lines.push({ price, level, rule: 'distance', title: `${formatPercent(away)} away` });
    }
  }
  return lines;
}
