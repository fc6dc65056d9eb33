import type { MarginMode } from '../../../../shared/domain/margin-mode';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { RiskPosition } from '../../../../shared/domain/risk-position';
import type { WhatIfOp } from '../../../../shared/risk';

/**
 * The what-if panel's inputs. Every field at its `liveControls` value means "no change": the panel
 * then shows the live state and no ghost line.
 */
export interface WhatIfControls {
  /** The leverage to set, or null to keep the position's own. */
  readonly leverage: number | null;
  /** Collateral to move, margin asset: positive adds, negative removes. */
  readonly collateral: number;
  /** Share of the position to close, 0–1. */
  readonly closeFraction: number;
  /** Size to add, base units (converted to contracts on OKX); 0 adds nothing. */
  readonly addSizeBase: number;
  /** Price of the added size, quote units; null adds at the mark. */
  readonly addPrice: number | null;
  /** The margin mode to show the position in, or null to keep its own. */
  readonly marginMode: MarginMode | null;
  /** Move of this symbol's mark, signed fraction (−0.05 = 5 % lower). */
  readonly priceChange: number;
}

/** The controls of the live state: nothing changed. */
export const liveControls: WhatIfControls = {
  leverage: null,
  collateral: 0,
  closeFraction: 0,
  addSizeBase: 0,
  addPrice: null,
  marginMode: null,
  priceChange: 0,
};

/** The position a what-if is about. */
export interface WhatIfTarget {
  readonly symbol: string;
  readonly side: 'long' | 'short';
}

/** Index of `target` in the account, or −1 when it holds no such position. */
export function findTargetIndex(account: RiskAccount, target: WhatIfTarget): number {
  return account.positions.findIndex((position) => position.symbol === target.symbol && position.side === target.side);
}

/**
 * Converts base units into the position's own size unit: contracts on OKX (`contractSize` base per
 * contract) and Binance COIN-M (`contractSize` USD per contract, valued at `price`), base elsewhere.
 */
export function toPositionUnits(account: RiskAccount, position: RiskPosition, sizeBase: number, price: number): number {
  if (account.venue === 'okx-swap') return sizeBase / position.contractSize;
  if (account.venue === 'binance-coinm') return (sizeBase * price) / position.contractSize;
  return sizeBase;
}

/**
 * The engine operations the controls stand for, in the order a trader would do them: margin mode
 * first (it decides where collateral lives), then leverage, collateral, the partial close, the
 * added size, and the price scenario last so that every earlier step is judged at today's mark.
 * Controls left at their live value produce no operation.
 */
export function controlsToOps(account: RiskAccount, position: RiskPosition, controls: WhatIfControls): WhatIfOp[] {
  const target = { symbol: position.symbol, side: position.side };
  const ops: WhatIfOp[] = [];
  if (controls.marginMode !== null && controls.marginMode !== position.marginMode)
    ops.push({ ...target, op: 'setMarginMode', marginMode: controls.marginMode });
  if (controls.leverage !== null && controls.leverage !== position.leverage)
    ops.push({ ...target, op: 'setLeverage', leverage: controls.leverage });
  if (controls.collateral > 0) ops.push({ ...target, op: 'addMargin', amount: controls.collateral });
  if (controls.collateral < 0) ops.push({ ...target, op: 'removeMargin', amount: -controls.collateral });
  if (controls.closeFraction > 0) ops.push({ ...target, op: 'close', fraction: Math.min(1, controls.closeFraction) });
  if (controls.addSizeBase > 0) {
    const price = controls.addPrice ?? position.markPrice;
    ops.push({ ...target, op: 'add', size: toPositionUnits(account, position, controls.addSizeBase, price), price });
  }
  if (controls.priceChange !== 0) ops.push({ op: 'price', symbol: position.symbol, change: controls.priceChange });
  return ops;
}

/** True when the controls change nothing for `position` (the live state). */
export function isPristine(position: RiskPosition, controls: WhatIfControls): boolean {
  return (
    (controls.marginMode === null || controls.marginMode === position.marginMode) &&
    (controls.leverage === null || controls.leverage === position.leverage) &&
    controls.collateral === 0 &&
    controls.closeFraction <= 0 &&
    controls.addSizeBase <= 0 &&
    controls.priceChange === 0
  );
}
