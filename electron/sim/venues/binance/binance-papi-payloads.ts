import { figuresOf, walletAsset, type AccountView } from './binance-account-view';
import { accountTotals, money } from './binance-positions';
import { decimalText } from './decimal-text';

/**
 * `GET /papi/v1/account` of a Portfolio Margin account: `uniMMR` = account equity / account
 * maintenance margin (liquidation at 1.05 and below); `accountEquity` values every asset at its
 * collateral ratio, `actualEquity` at full value. `accountStatus` follows Binance's bands: NORMAL
 * above 1.5, MARGIN_CALL down to 1.2, REDUCE_ONLY down to 1.05, then ACTIVE_LIQUIDATION.
 */
export function papiAccount(view: AccountView): object {
  const margin = view.account.accountMargin;
  const collateral = view.account.collateral ?? [];
  const equity = margin?.equityUsd ?? 0;
  const maintenance = margin?.maintenanceMarginUsd ?? 0;
  const fullValue = collateral.reduce((sum, c) => sum + c.amount * c.priceUsd, 0);
  const uniMMR = maintenance > 0 ? equity / maintenance : null;
  const status =
    uniMMR === null || uniMMR > 1.5
      ? 'NORMAL'
      : uniMMR > 1.2
        ? 'MARGIN_CALL'
        : uniMMR > 1.05
          ? 'REDUCE_ONLY'
          : 'ACTIVE_LIQUIDATION';
  const available = Math.max(0, equity - (margin?.initialMarginUsd ?? 0));
  return {
    uniMMR: uniMMR === null ? '999.00000000' : decimalText(uniMMR, 8),
    accountEquity: money(equity),
    actualEquity: money(equity - collateral.reduce((sum, c) => sum + c.marginValueUsd, 0) + fullValue),
    accountInitialMargin: money(margin?.initialMarginUsd ?? 0),
    accountMaintMargin: money(maintenance),
    accountStatus: status,
    virtualMaxWithdrawAmount: money(available),
    totalAvailableBalance: money(available),
    totalMarginOpenLoss: '0',
    updateTime: view.nowMs,
  };
}

/**
 * `GET /papi/v1/balance`: one row per asset. USDT carries the UM wallet and PnL; every other
 * collateral asset sits in the cross margin wallet, as a PM account keeps it.
 */
export function papiBalance(view: AccountView): object[] {
  const totals = accountTotals(view.account, figuresOf(view));
  const row = (asset: string, amount: number, umWallet: number, umPnl: number): object => ({
    asset,
    totalWalletBalance: decimalText(amount + umWallet, 8),
    crossMarginAsset: decimalText(amount, 8),
    crossMarginBorrowed: '0',
    crossMarginFree: decimalText(amount, 8),
    crossMarginInterest: '0',
    crossMarginLocked: '0',
    umWalletBalance: money(umWallet),
    umUnrealizedPNL: money(umPnl),
    cmWalletBalance: '0',
    cmUnrealizedPNL: '0',
    updateTime: view.nowMs,
    negativeBalance: '0',
  });
  return [
    row(walletAsset, 0, totals.walletBalance, totals.unrealizedProfit),
    ...(view.account.collateral ?? []).map((c) => row(c.asset, c.amount, 0, 0)),
  ];
}

/** `GET /papi/v1/um/positionRisk`: open UM positions with the venue's liquidation price ("0" when none). */
export function papiPositionRisk(view: AccountView, symbol: string | null): object[] {
  return figuresOf(view)
    .filter((figure) => symbol === null || figure.symbol === symbol)
    .map((figure) => ({
      symbol: figure.symbol,
      positionAmt: decimalText(figure.positionAmt),
      entryPrice: decimalText(figure.source.entryPrice),
      markPrice: decimalText(figure.source.markPrice),
      unRealizedProfit: money(figure.source.unrealizedPnl),
      liquidationPrice:
        figure.source.liquidationPrice === null || figure.source.liquidationPrice <= 0
          ? '0'
          : decimalText(figure.source.liquidationPrice, 8),
      leverage: String(figure.source.leverage),
      maxNotionalValue: money(figure.maxNotional),
      positionSide: figure.positionSide,
      notional: money(figure.notional),
      breakEvenPrice: decimalText(figure.breakEvenPrice),
      updateTime: view.nowMs,
    }));
}
