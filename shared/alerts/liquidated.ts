import type { LiquidationFacts } from './alert-event';
import type { LiquidationInput } from './inputs';
import { rankLevel } from './levels';
import { liquidationMessage } from './message';
import type { EmitContext } from './position-rules';
import { eventHead } from './position-rules';
import { ruleKinds } from './rule-schemas';
import { silenceOf } from './silence';
import type { Tracked } from './tracked';

/**
 * Emits the one `liquidated` event of a tracked position (critical, so quiet hours let it ring
 * unless the settings took critical out of their loud levels) and ends its levels as part of it: they are listed in the event and dropped with
 * the position, with no cleared event of their own, so no reader takes the end for an all-clear.
 */
export function endByLiquidation(tracked: Tracked, liquidation: LiquidationInput, context: EmitContext): void {
  const ended: LiquidationFacts['ended'][number][] = [];
  for (const rule of ruleKinds) {
    const level = rankLevel(tracked.states[rule]?.notified ?? 0);
    if (level !== null) ended.push({ rule, level });
  }
  const { price, lossUsd, lossSource, evidence } = liquidation;
  context.out.push({
    ...eventHead(tracked, context),
    rule: 'liquidated',
    level: 'critical',
    value: price,
    threshold: liquidation.liquidationPrice ?? tracked.last?.liquidationPrice ?? null,
    tickTimeMs: liquidation.timeMs,
    cleared: false,
    ...silenceOf(tracked, 'liquidated', 'critical', false, context.nowMs, context.silent),
    message: liquidationMessage({ ...tracked, price, lossUsd, lossSource }),
    liquidation: { price, lossUsd, lossSource, evidence, ended },
  });
}
