import type { SimAccount } from '../../market/types';
import { bybitMode } from './bybit-mode';
import { positionInitialMargin } from './bybit-position-payload';
import { decimalText } from '../common/decimal-text';

/** Sums over an account that the wallet-balance payload needs, in quote units. */
export interface AccountTotals {
  /** Wallet balance plus the margin held by isolated positions. */
  readonly walletBalance: number;
  /** Wallet plus every position's unrealized PnL plus isolated margins: what the account is worth. */
  readonly equity: number;
  /** Cross-margin balance: wallet balance plus cross positions' unrealized PnL (isolated excluded, as Bybit's account-wide fields). */
  readonly crossMarginBalance: number;
  readonly crossInitialMargin: number;
  readonly crossMaintenanceMargin: number;
  readonly positionInitialMargin: number;
  readonly positionMaintenanceMargin: number;
  readonly unrealizedPnl: number;
  readonly crossUnrealizedPnl: number;
}

/**
 * Adds up an account's positions (all in its settle currency). The account's own cross equity and
 * cross maintenance margin are used when the model reports them.
 */
export function accountTotals(account: SimAccount): AccountTotals {
  let isolatedMargin = 0;
  let unrealizedPnl = 0;
  let crossUnrealizedPnl = 0;
  let crossInitialMargin = 0;
  let crossMaintenanceMargin = 0;
  let positionIm = 0;
  let positionMm = 0;
  for (const position of account.positions) {
    const initialMargin = positionInitialMargin(position);
    unrealizedPnl += position.unrealizedPnl;
    positionIm += initialMargin;
    positionMm += position.maintenanceMargin;
    if (position.marginMode === 'isolated') isolatedMargin += position.isolatedMargin;
    else {
      crossUnrealizedPnl += position.unrealizedPnl;
      crossInitialMargin += initialMargin;
      crossMaintenanceMargin += position.maintenanceMargin;
    }
  }
  return {
    walletBalance: account.walletBalance + isolatedMargin,
    equity: account.walletBalance + isolatedMargin + unrealizedPnl,
    crossMarginBalance: account.crossEquity ?? account.walletBalance + crossUnrealizedPnl,
    crossInitialMargin,
    crossMaintenanceMargin: account.crossMaintenanceMargin ?? crossMaintenanceMargin,
    positionInitialMargin: positionIm,
    positionMaintenanceMargin: positionMm,
    unrealizedPnl,
    crossUnrealizedPnl,
  };
}

/** The fields of a coin row that the simulator always sends alike: nothing borrowed, locked or on order; collateral on. */
const coinDefaults = {
  free: '',
  locked: '0',
  spotHedgingQty: '0',
  borrowAmount: '0',
  availableToWithdraw: '',
  accruedInterest: '0',
  totalOrderIM: '0',
  cumRealisedPnl: '0',
  bonus: '0',
  marginCollateral: true,
  collateralSwitch: true,
  availableToBorrow: '',
  spotBorrow: '0',
} as const;

/**
 * The UNIFIED row of `GET /v5/account/wallet-balance`. `accountMMRate` = totalMaintenanceMargin /
 * totalMarginBalance over cross positions (Bybit: "account wide fields are not applicable to
 * isolated margin"); '' when there is no margin balance. USDT is valued at 1 USD. In cross and
 * portfolio margin the balance is the account's USD margin (other coins at their collateral value
 * ratio) and the MM includes the fee to close; each other coin gets its own row.
 */
export function walletRow(account: SimAccount, coin: string): Record<string, unknown> {
  const settle = accountTotals(account);
  const margin = account.accountMargin;
  const collateral = account.collateral ?? [];
  const fullValue = collateral.reduce((sum, c) => sum + c.amount * c.priceUsd, 0);
  // Cross and portfolio margin test the whole account in USD: every coin at its collateral value
  // ratio against the maintenance margin with the fee to close (what the liquidation compares).
  const totals =
    bybitMode(account) !== 'isolated' && margin !== undefined
      ? { ...settle, crossMarginBalance: margin.equityUsd, crossMaintenanceMargin: margin.requirementUsd }
      : settle;
  const money = (value: number): string => decimalText(value, 8);
  const rate = (numerator: number): string =>
    totals.crossMarginBalance > 0 ? decimalText(numerator / totals.crossMarginBalance, 4) : '';
  const available = Math.max(0, totals.crossMarginBalance - totals.crossInitialMargin);
  return {
    accountType: 'UNIFIED',
    accountIMRate: rate(totals.crossInitialMargin),
    accountMMRate: rate(totals.crossMaintenanceMargin),
    accountIMRateByMp: rate(totals.crossInitialMargin),
    accountMMRateByMp: rate(totals.crossMaintenanceMargin),
    accountLTV: '0',
    totalEquity: money(totals.equity + fullValue),
    totalWalletBalance: money(totals.walletBalance + fullValue),
    totalMarginBalance: money(totals.crossMarginBalance),
    totalAvailableBalance: money(available),
    totalPerpUPL: money(totals.unrealizedPnl),
    totalInitialMargin: money(totals.crossInitialMargin),
    totalInitialMarginByMp: money(totals.crossInitialMargin),
    totalMaintenanceMargin: money(totals.crossMaintenanceMargin),
    totalMaintenanceMarginByMp: money(totals.crossMaintenanceMargin),
    coin: [
      {
        coin,
        equity: money(totals.equity),
        usdValue: money(totals.equity),
        walletBalance: money(totals.walletBalance),
        ...coinDefaults,
        totalPositionIM: money(totals.positionInitialMargin),
        totalPositionMM: money(totals.positionMaintenanceMargin),
        unrealisedPnl: money(totals.unrealizedPnl),
      },
      ...collateral.map((c) => ({
        coin: c.asset,
        equity: money(c.amount),
        usdValue: money(c.amount * c.priceUsd),
        walletBalance: money(c.amount),
        ...coinDefaults,
        totalPositionIM: '0',
        totalPositionMM: '0',
        unrealisedPnl: '0',
      })),
    ],
  };
}
