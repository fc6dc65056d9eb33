import { liquidationReachFactor, type LiquidationReach } from '../../../../shared/risk';
import { formatPercent, formatPrice } from '../positions/format';
import type { PositionFigures, WhatIfView } from './what-if-model';

/** How a what-if moved the liquidation relative to the mark. */
export type Movement = 'closer' | 'further' | 'same';

/** Relative tolerance below which two distances count as the same (float noise of the solver). */
const sameDistance = 1e-9;

/**
 * Distance from the mark as a fraction of it: 0 once liquidated, Infinity without a liquidation
 * price within reach (none at all, or only beyond the reachable band: both are "as far as it gets").
 */
function reachDistance(reach: LiquidationReach, markPrice: number): number {
  if (reach.kind === 'liquidated') return 0;
  if (reach.kind === 'within') return Math.abs(markPrice - reach.price) / markPrice;
  return Infinity;
}

/**
 * Whether `next`'s liquidation sits closer to its mark than `current`'s, further, or the same, by
 * distance from each state's own mark. The sign of the price change cannot say it: a hedged pair's
 * liquidation can jump from below the mark to above it, and a price scenario moves the mark itself.
 */
export function liquidationMovement(current: PositionFigures, next: PositionFigures): Movement {
  const before = reachDistance(current.reach, current.markPrice);
  const after = reachDistance(next.reach, next.markPrice);
  if (before === after) return 'same';
  if (
    Number.isFinite(before) &&
    Number.isFinite(after) &&
    Math.abs(after - before) <= sameDistance * Math.max(before, after)
  )
    return 'same';
  return after < before ? 'closer' : 'further';
}

/** What the card shows for a liquidation: the text, and the exact figure on hover where the text hides it. */
export interface LiquidationLabel {
  readonly text: string;
  readonly title: string | undefined;
}

/**
 * The liquidation of `position` as a trader reads it: the price; "liquidated at P" once the mark
 * is at or past it; "none within reach" with the exact root on hover beyond the reachable band;
 * "none" when no price above 0 liquidates it.
 */
export function liquidationLabel(position: PositionFigures, tickSize: number): LiquidationLabel {
  const reach = position.reach;
  switch (reach.kind) {
    case 'within':
      return { text: formatPrice(reach.price, tickSize), title: undefined };
    case 'liquidated':
      return {
        text: reach.price === null ? 'liquidated' : `liquidated at ${formatPrice(reach.price, tickSize)}`,
        title: 'The mark is at or past the liquidation price: the venue liquidates the position',
      };
    case 'beyond':
      return {
        text: 'none within reach',
        title: `Exact root ${formatPrice(reach.root, tickSize)}: more than ${liquidationReachFactor}x away from the mark ${formatPrice(position.markPrice, tickSize)}`,
      };
    case 'none':
      return { text: 'none', title: 'No price above 0 liquidates this position' };
  }
}

const movementWords: Record<Movement, string> = {
  closer: 'closer to the mark',
  further: 'further from the mark',
  same: '',
};

function signed(value: number, tickSize: number): string {
  const text = formatPrice(Math.abs(value), tickSize);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/**
 * The line under the liquidation price: what the what-if did to it. A change in price and percent
 * only between two prices within reach; otherwise what happened in words ("now within reach",
 * "moved beyond reach", "liquidated"); then whether it came closer to the mark or went further.
 */
export function changeText(view: WhatIfView, tickSize: number): string {
  const { current, next, liquidationDelta, movement } = view;
  if (view.pristine) return 'Live state: change a control below';
  if (next === null || movement === null) return '—';
  if (next.reach.kind === 'liquidated') return 'liquidated: the mark reaches the liquidation price';
  const words = movementWords[movement];
  let what: string;
  if (liquidationDelta !== null && liquidationDelta !== 0) {
    const base = current.reach.kind === 'within' ? current.reach.price : null;
    what = `${signed(liquidationDelta, tickSize)} (${formatPercent(base === null ? null : liquidationDelta / base, 2)})`;
  } else if (liquidationDelta === 0 || next.reach.kind === current.reach.kind) {
    what = next.reach.kind === 'beyond' ? 'still none within reach' : 'unchanged';
  } else if (next.reach.kind === 'within') what = 'now within reach';
  else if (next.reach.kind === 'beyond') what = 'moved beyond reach';
  else what = 'no liquidation price remains';
  return words === '' ? what : `${what} · ${words}`;
}
