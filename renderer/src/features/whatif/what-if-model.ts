import type { Side } from '../../../../shared/domain/side';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import { cascadePath, type Profile } from '../../../../shared/clusters';
import {
  applyWhatIf,
  isWithinReach,
  liquidationReach,
  type LiquidationReach,
  type Refusal,
  type RiskResult,
  type WhatIfOp,
} from '../../../../shared/risk';
import { liquidationMovement, type Movement } from './liquidation-change';
import { controlsToOps, findTargetIndex, isPristine, type WhatIfControls, type WhatIfTarget } from './what-if-controls';

/** The figures of the selected position in one state (live or hypothetical). */
export interface PositionFigures {
  /** The engine's exact root, even beyond reach (see `reach` for what may be shown). */
  readonly liquidationPrice: number | null;
  /** Liquidated, within reach, beyond reach (shown as "none within reach") or none, at this state's mark. */
  readonly reach: LiquidationReach;
  /** Maintenance / margin balance backing the position; 1 = liquidation. */
  readonly marginRatio: number | null;
  /** |mark − liquidation| / mark, negative once past it. */
  readonly distance: number | null;
  readonly markPrice: number;
  readonly entryPrice: number;
  /** The position's own size unit (base units; contracts on OKX). */
  readonly size: number;
  readonly leverage: number | null;
  readonly marginMode: 'isolated' | 'cross';
  /** Isolated margin (0 for cross), margin asset. */
  readonly isolatedMargin: number;
  readonly liquidatable: boolean;
}

/** Liquidation USD of the crowd between the mark and the position's liquidation price. */
export interface CascadeSummary {
  /** The side whose liquidations lie on the way (long below the mark, short above). */
  readonly side: Side;
  readonly totalUsd: number;
  readonly binCount: number;
  readonly largest: { readonly low: number; readonly high: number; readonly usd: number } | null;
}

/** What the chart draws beside the real liquidation line while a what-if is active. */
export interface Ghost {
  /** Null when fully closed or when the new liquidation price lies beyond reach (nothing to draw). */
  readonly liquidationPrice: number | null;
  readonly marginRatio: number | null;
  readonly distance: number | null;
}

/** Everything the results area shows for one set of controls. */
export interface WhatIfView {
  readonly ops: readonly WhatIfOp[];
  /** True when the controls change nothing: the live state, no ghost. */
  readonly pristine: boolean;
  readonly current: PositionFigures;
  /** The position after the operations, or null when it is fully closed. */
  readonly next: PositionFigures | null;
  /** next − current liquidation price, quote units; null unless both lie within reach of their marks. */
  readonly liquidationDelta: number | null;
  /** Whether the liquidation came closer to the mark or went further (by distance); null when fully closed. */
  readonly movement: Movement | null;
  readonly refused: readonly Refusal[];
  /** The engine's caveats (e.g. a margin-mode switch the venue would not do). */
  readonly notes: readonly string[];
  /** The panel's own explanations of why a number did not move. */
  readonly hints: readonly string[];
  readonly currentCascade: CascadeSummary | null;
  readonly nextCascade: CascadeSummary | null;
  readonly accountMarginRatio: { readonly current: number | null; readonly next: number | null };
  readonly ghost: Ghost | null;
}

/** Inputs of `computeWhatIf`; `live` is `evaluateAccount(account)`, memoized by the caller. */
export interface WhatIfInput {
  readonly account: RiskAccount;
  readonly live: RiskResult;
  readonly target: WhatIfTarget;
  readonly controls: WhatIfControls;
  readonly profile: Profile | null;
}

function figures(account: RiskAccount, result: RiskResult, index: number): PositionFigures | null {
  const position = account.positions[index];
  const risk = result.positions[index];
  if (position === undefined || risk === undefined) return null;
  return {
    liquidationPrice: risk.liquidationPrice,
    reach: liquidationReach(risk, position.markPrice),
    marginRatio: risk.marginRatio,
    distance: risk.distance,
    markPrice: position.markPrice,
    entryPrice: position.entryPrice,
    size: position.size,
    leverage: position.leverage,
    marginMode: position.marginMode,
    isolatedMargin: position.isolatedMargin,
    liquidatable: risk.liquidatable,
  };
}

/** The liquidation price that may be drawn and compared: within reach (or where it liquidated), else null. */
export function reachablePrice(position: PositionFigures): number | null {
  if (position.reach.kind === 'within' || position.reach.kind === 'liquidated') return position.reach.price;
  return null;
}

/**
 * The crowd's liquidation USD between `figures`' mark and its liquidation price; null without a
 * profile or a liquidation price within reach (a path to 1.4 billion sums nothing a trader can use).
 */
export function cascadeSummary(profile: Profile | null, position: PositionFigures | null): CascadeSummary | null {
  if (profile === null || position === null || position.liquidationPrice === null) return null;
  if (!isWithinReach(position.liquidationPrice, position.markPrice)) return null;
  const path = cascadePath(profile, position.markPrice, position.liquidationPrice);
  return { side: path.side, totalUsd: path.totalUsd, binCount: path.bins.length, largest: path.largest };
}

function explain(
  current: PositionFigures,
  next: PositionFigures | null,
  ops: readonly WhatIfOp[],
  refused: readonly Refusal[],
): string[] {
  const hints: string[] = [];
  const leverageApplied = ops.some(
    (op, index) => op.op === 'setLeverage' && !refused.some((refusal) => refusal.index === index),
  );
  if (leverageApplied && next !== null && next.marginMode === 'cross') {
    hints.push(
      'Cross margin: leverage is not in the liquidation equation, so only the free balance changes. Add collateral to move the liquidation price.',
    );
  } else if (
    leverageApplied &&
    next !== null &&
    next.isolatedMargin === current.isolatedMargin &&
    next.liquidationPrice === current.liquidationPrice
  ) {
    hints.push(
      'A higher leverage keeps the isolated margin on this venue, so the liquidation price stays; it only raises how much margin could be removed.',
    );
  }
  if (next === null) hints.push('The position is fully closed: no liquidation price remains.');
  return hints;
}

/**
 * Applies the controls to the account with the risk engine and reads the selected position before
 * and after: liquidation price, margin ratio, distance, the cascade path from the (moved) mark to
 * the liquidation price, refusals and notes. Pure and synchronous; returns null when the account
 * holds no such position. The ghost is null for pristine controls (the chart shows only the real line).
 */
export function computeWhatIf(input: WhatIfInput): WhatIfView | null {
  const { account, live, target, controls, profile } = input;
  const index = findTargetIndex(account, target);
  const position = account.positions[index];
  const current = figures(account, live, index);
  if (position === undefined || current === null) return null;
  const currentCascade = cascadeSummary(profile, current);
  const accountRatioNow = live.account.marginRatio;
  if (isPristine(position, controls)) {
    return {
      ops: [],
      pristine: true,
      current,
      next: current,
      liquidationDelta: 0,
      movement: 'same',
      refused: [],
      notes: [],
      hints: [],
      currentCascade,
      nextCascade: currentCascade,
      accountMarginRatio: { current: accountRatioNow, next: accountRatioNow },
      ghost: null,
    };
  }
  const ops = controlsToOps(account, position, controls);
  const result = applyWhatIf(account, ops);
  const nextIndex = findTargetIndex(result.state, target);
  const next = nextIndex < 0 ? null : figures(result.state, result, nextIndex);
  const nextLiquidation = next === null ? null : reachablePrice(next);
  const currentLiquidation = reachablePrice(current);
  const liquidationDelta =
    nextLiquidation !== null && currentLiquidation !== null ? nextLiquidation - currentLiquidation : null;
  return {
    ops,
    pristine: false,
    current,
    next,
    liquidationDelta,
    movement: next === null ? null : liquidationMovement(current, next),
    refused: result.refused,
    notes: result.notes,
    hints: explain(current, next, ops, result.refused),
    currentCascade,
    nextCascade: cascadeSummary(profile, next),
    accountMarginRatio: { current: accountRatioNow, next: result.account.marginRatio },
    // Beyond reach the ghost has no price: the chart draws nothing rather than rescale to it.
    ghost:
      next === null
        ? { liquidationPrice: null, marginRatio: null, distance: null }
        : {
            liquidationPrice: nextLiquidation,
            marginRatio: next.marginRatio,
            distance: nextLiquidation === null ? null : next.distance,
          },
  };
}

/** True when two ghosts draw the same (null = no ghost); saves the chart a redraw per identical frame. */
export function sameGhost(a: Ghost | null, b: Ghost | null): boolean {
  if (a === null || b === null) return a === b;
  return a.liquidationPrice === b.liquidationPrice && a.marginRatio === b.marginRatio && a.distance === b.distance;
}
