import type { MarginMode } from '../domain/margin-mode';
import type { RiskAccount } from '../domain/risk-account';
import type { Side } from '../domain/side';
import type { RiskResult } from './risk-result';

/** Names a position: its symbol, and its side when the symbol has two legs (hedge mode). */
export interface PositionTarget {
  readonly symbol: string;
  readonly side?: Side | undefined;
}

/**
 * One what-if operation. Amounts are in the margin asset, prices in the quote currency, sizes in the
 * position's own unit (base units, or contracts on OKX and Binance COIN-M).
 *
 * - `addMargin` / `removeMargin`: isolated: move collateral between the wallet and the position;
 *   cross: deposit to / withdraw from the cross wallet.
 * - `deposit` / `withdraw`: change the wallet balance directly.
 * - `setLeverage`: the venue's leverage rule (see what-if-leverage.ts).
 * - `close`: close a `fraction` (0–1] or a `size` at the current mark.
 * - `add`: add `size` to the position at `price` (new average entry).
 * - `setMarginMode`: show the position as if held in the other margin mode.
 * - `price`: set a symbol's mark (`markPrice`) or move one symbol's or every mark by `change` (−0.1 = −10 %).
 * - `funding`: pay funding at `rate` per interval (positive: longs pay) for `hours`.
 */
export type WhatIfOp =
  | (PositionTarget & { readonly op: 'addMargin'; readonly amount: number })
  | (PositionTarget & { readonly op: 'removeMargin'; readonly amount: number })
  | { readonly op: 'deposit'; readonly amount: number }
  | { readonly op: 'withdraw'; readonly amount: number }
  | (PositionTarget & { readonly op: 'setLeverage'; readonly leverage: number })
  | (PositionTarget & {
      readonly op: 'close';
      readonly fraction?: number | undefined;
      readonly size?: number | undefined;
    })
  | (PositionTarget & { readonly op: 'add'; readonly size: number; readonly price: number })
  | (PositionTarget & { readonly op: 'setMarginMode'; readonly marginMode: MarginMode })
  | {
      readonly op: 'price';
      readonly symbol?: string | undefined;
      readonly markPrice?: number | undefined;
      readonly change?: number | undefined;
    }
  | (PositionTarget & {
      readonly op: 'funding';
      readonly rate: number;
      readonly hours: number;
      readonly intervalHours?: number | undefined;
    });

/** An operation the venue would refuse: it was skipped, and the next ones applied to the state before it. */
export interface Refusal {
  /** Index of the operation in the list. */
  readonly index: number;
  readonly op: WhatIfOp['op'];
  /** Why, in words a trader understands. */
  readonly reason: string;
}

/** The account after the operations, evaluated, with what was refused and any caveats. */
export interface WhatIfResult extends RiskResult {
  readonly refused: readonly Refusal[];
  /** Caveats about hypothetical operations (e.g. a margin-mode switch the venue would not do on an open position). */
  readonly notes: readonly string[];
  /** The account state after the operations. */
  readonly state: RiskAccount;
}

/** What one operation produced: a new state (with an optional caveat), or a refusal reason. */
export type OpOutcome = { readonly state: RiskAccount; readonly note?: string } | { readonly refused: string };
