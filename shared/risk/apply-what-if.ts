import type { RiskAccount } from '../domain/risk-account';
import { accountModes } from '../domain/account-mode';
import { accountModeOf, evaluateAccount } from './evaluate-account';
import { addMargin, deposit, removeMargin, withdraw } from './what-if-margin';
import { setLeverage } from './what-if-leverage';
import type { OpOutcome, Refusal, WhatIfOp, WhatIfResult } from './what-if-op';
import { movePrice, payFunding, setMarginMode } from './what-if-scenario';
import { addToPosition, closePosition } from './what-if-size';

/** Applies one operation to `account` (pure: returns a new state or a refusal). */
export function applyOperation(account: RiskAccount, op: WhatIfOp): OpOutcome {
  switch (op.op) {
    case 'addMargin':
      return addMargin(account, op, op.amount);
    case 'removeMargin':
      return removeMargin(account, op, op.amount);
    case 'deposit':
      return deposit(account, op.amount);
    case 'withdraw':
      return withdraw(account, op.amount);
    case 'setLeverage':
      return setLeverage(account, op, op.leverage);
    case 'close':
      return closePosition(account, op, op.fraction, op.size);
    case 'add':
      return addToPosition(account, op, op.size, op.price);
    case 'setMarginMode':
      return setMarginMode(account, op, op.marginMode);
    case 'price':
      return movePrice(account, op.symbol, op.markPrice, op.change);
    case 'funding':
      return payFunding(account, op, op.rate, op.hours, op.intervalHours);
  }
}

/**
 * Applies `ops` in order and evaluates the result. A refused operation leaves the state as it was
 * and is listed with its reason; the following operations still apply. Each operation follows its
 * venue's documented rule (see what-if-*.ts). Cost: one evaluation per operation that needs the
 * current margins, plus one final `evaluateAccount`.
 */
export function applyWhatIf(account: RiskAccount, ops: readonly WhatIfOp[]): WhatIfResult {
  let state = account;
  const refused: Refusal[] = [];
  const notes: string[] = [];
  // The account mode gates the what-if (docs/research/account-modes.md §5): off refuses every
  // operation with the mode's reason; an approximation runs and says which one.
  const support = accountModes[accountModeOf(account)].whatIf;
  if (support.kind === 'off') {
    const skipped = ops.map((op, index): Refusal => ({ index, op: op.op, reason: support.reason }));
    return { ...evaluateAccount(state, 'what-if'), refused: skipped, notes, state };
  }
  if (support.kind === 'approximate') notes.push(`approximate: ${support.approximation}`);
  for (const [index, op] of ops.entries()) {
    const outcome = applyOperation(state, op);
    if ('refused' in outcome) {
      refused.push({ index, op: op.op, reason: outcome.refused });
      continue;
    }
    state = outcome.state;
    if (outcome.note !== undefined) notes.push(outcome.note);
  }
  return { ...evaluateAccount(state, 'what-if'), refused, notes, state };
}
