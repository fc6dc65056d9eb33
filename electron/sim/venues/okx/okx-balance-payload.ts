import type { SimAccount, SimMarket } from '../../market/types';
import { decimalText } from '../common/decimal-text';
import { isAccountLevelMargin } from './okx-mode';
import { crossTotals, listedPositions, marginRatioText } from './okx-position-payload';

/** Detail fields the simulator always sends alike: no loans, strategies or rewards. */
const detailDefaults = {
  maxLoan: '',
  borrowFroz: '',
  fixedBal: '0',
  stgyEq: '0',
  twap: '0',
  spotInUseAmt: '',
  spotIsoBal: '0',
  smtSyncEq: '0',
  rewardBal: '0',
} as const;

/**
 * `GET /api/v5/account/balance` (single-currency margin): one detail for the settle currency.
 * `cashBal` = wallet balance + isolated margins, `eq` = cashBal + every position's upl; `imr`,
 * `mmr` and `mgnRatio` are the cross figures (OKX convention: equity / (MM + fee)); `isoEq` the
 * isolated positions' margin + upl. USDT is valued at 1 USD. The account-level `imr`/`mmr`/
 * `mgnRatio` repeat the cross figures in USD. At levels 3 and 4 (multi-currency, portfolio)
 * `adjEq` is the USD equity with every currency at its discount rate, `mgnRatio` = adjEq-based
 * equity / (MM + fee) for the account, the currency-level `mgnRatio` is '' and each other
 * currency gets a detail row (`disEq` its discounted USD value).
 */
export function balanceRow(
  market: SimMarket,
  account: SimAccount,
  ccy: string,
): Record<string, unknown> & { readonly details: readonly Record<string, unknown>[] } {
  const money = (value: number): string => decimalText(value, 8);
  const listed = listedPositions(market, account);
  const isolated = listed.filter(({ position }) => position.marginMode === 'isolated');
  const isolatedMargin = isolated.reduce((sum, { position }) => sum + position.isolatedMargin, 0);
  const isolatedUpl = isolated.reduce((sum, { position }) => sum + position.unrealizedPnl, 0);
  const cross = crossTotals(market, account);
  const cashBal = account.walletBalance + isolatedMargin;
  const equity = cashBal + cross.unrealizedPnl + isolatedUpl;
  const available = Math.max(0, cross.equity - cross.initialMargin);
  const notional = listed.reduce((sum, { position }) => sum + position.size * position.markPrice, 0);
  const nowMs = String(market.now());
  const accountLevel = isAccountLevelMargin(account);
  const collateral = account.collateral ?? [];
  const collateralUsd = collateral.reduce((sum, c) => sum + c.amount * c.priceUsd, 0);
  // Levels 3 and 4 report the account-wide margin in USD and no currency-level margin ratio.
  const currencyRatio = accountLevel ? '' : marginRatioText(cross.equity, cross.requirement);
  return {
    adjEq: accountLevel ? money(cross.equity + isolatedMargin + isolatedUpl) : '',
    availEq: '',
    borrowFroz: '',
    imr: money(cross.initialMargin),
    isoEq: money(isolatedMargin + isolatedUpl),
    mgnRatio: marginRatioText(cross.equity, cross.requirement),
    mmr: money(cross.maintenanceMargin),
    notionalUsd: money(notional),
    notionalUsdForSwap: money(notional),
    ordFroz: '',
    totalEq: money(equity + collateralUsd),
    upl: money(cross.unrealizedPnl + isolatedUpl),
    uTime: nowMs,
    details: [
      {
        ccy,
        eq: money(equity),
        eqUsd: money(equity),
        disEq: money(equity),
        cashBal: money(cashBal),
        availBal: money(Math.max(0, account.walletBalance - cross.initialMargin)),
        availEq: money(available),
        frozenBal: money(cross.initialMargin + isolatedMargin),
        ordFrozen: '0',
        upl: money(cross.unrealizedPnl + isolatedUpl),
        isoEq: money(isolatedMargin + isolatedUpl),
        isoUpl: money(isolatedUpl),
        imr: money(cross.initialMargin),
        mmr: money(cross.maintenanceMargin),
        mgnRatio: currencyRatio,
        notionalLever: decimalText(equity > 0 ? notional / equity : 0, 4),
        crossLiab: '',
        liab: '',
        isoLiab: '',
        interest: '',
        ...detailDefaults,
        uTime: nowMs,
      },
      ...collateral.map((c) => ({
        ccy: c.asset,
        eq: decimalText(c.amount, 8),
        eqUsd: money(c.amount * c.priceUsd),
        disEq: money(c.marginValueUsd),
        cashBal: decimalText(c.amount, 8),
        availBal: decimalText(c.amount, 8),
        availEq: decimalText(c.amount, 8),
        frozenBal: '0',
        ordFrozen: '0',
        upl: '0',
        isoEq: '0',
        isoUpl: '0',
        imr: '',
        mmr: '',
        mgnRatio: '',
        notionalLever: '0',
        crossLiab: '0',
        liab: '0',
        isoLiab: '0',
        interest: '0',
        ...detailDefaults,
        uTime: nowMs,
      })),
    ],
  };
}
