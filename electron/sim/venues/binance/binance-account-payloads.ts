import { venueRulesOf } from '../../market/instruments';
import type { SimInstrument } from '../../market/types';
import { accountTotals, money, unboundedNotionalCap } from './binance-positions';
import { figuresOf, walletAsset, type AccountView } from './binance-account-view';
import { decimalText } from './decimal-text';
import { binanceMode, collateralAssetRows, multiAssetsTotals } from './binance-mode-payloads';

function assetRow(view: AccountView): Record<string, unknown> {
  const totals = accountTotals(view.account, figuresOf(view));
  return {
    asset: walletAsset,
    walletBalance: money(totals.walletBalance),
    unrealizedProfit: money(totals.unrealizedProfit),
    marginBalance: money(totals.walletBalance + totals.unrealizedProfit),
    maintMargin: money(totals.maintMargin),
    initialMargin: money(totals.initialMargin),
    positionInitialMargin: money(totals.initialMargin),
    openOrderInitialMargin: '0',
    crossWalletBalance: money(totals.crossWalletBalance),
    crossUnPnl: money(totals.crossUnPnl),
    availableBalance: money(totals.availableBalance),
    maxWithdrawAmount: money(totals.maxWithdrawAmount),
    marginAvailable: true,
    updateTime: view.nowMs,
  };
}

function accountHeader(view: AccountView): Record<string, unknown> {
  const totals = accountTotals(view.account, figuresOf(view));
  return {
    totalInitialMargin: money(totals.initialMargin),
    totalMaintMargin: money(totals.maintMargin),
    totalWalletBalance: money(totals.walletBalance),
    totalUnrealizedProfit: money(totals.unrealizedProfit),
    totalMarginBalance: money(totals.walletBalance + totals.unrealizedProfit),
    totalPositionInitialMargin: money(totals.initialMargin),
    totalOpenOrderInitialMargin: '0',
    totalCrossWalletBalance: money(totals.crossWalletBalance),
    totalCrossUnPnl: money(totals.crossUnPnl),
    availableBalance: money(totals.availableBalance),
    maxWithdrawAmount: money(totals.maxWithdrawAmount),
    ...(binanceMode(view.account) === 'multi-assets' ? multiAssetsTotals(view) : {}),
  };
}

/** The asset rows: USDT, and in Multi-Assets mode each other collateral asset. */
function assetRows(view: AccountView): Record<string, unknown>[] {
  return [assetRow(view), ...(binanceMode(view.account) === 'multi-assets' ? collateralAssetRows(view) : [])];
}

/** `GET /fapi/v3/account`: totals, the USDT asset row, open positions only. */
export function accountV3(view: AccountView): object {
  return {
    ...accountHeader(view),
    assets: assetRows(view),
    positions: figuresOf(view).map((figure) => ({
      symbol: figure.symbol,
      positionSide: figure.positionSide,
      positionAmt: decimalText(figure.positionAmt),
      unrealizedProfit: money(figure.source.unrealizedPnl),
      isolatedMargin: money(figure.isolatedMargin),
      notional: money(figure.notional),
      isolatedWallet: money(figure.isolatedWallet),
      initialMargin: money(figure.initialMargin),
      maintMargin: money(figure.source.maintenanceMargin),
      updateTime: view.nowMs,
    })),
  };
}

/** `GET /fapi/v2/account`: v3's fields plus permissions, leverage and `isolated` per position. */
export function accountV2(view: AccountView): object {
  return {
    feeTier: 0,
    canTrade: view.permissions.trade,
    canDeposit: true,
    canWithdraw: view.permissions.withdraw,
    updateTime: 0,
    multiAssetsMargin: binanceMode(view.account) === 'multi-assets',
    tradeGroupId: -1,
    ...accountHeader(view),
    assets: assetRows(view),
    positions: figuresOf(view).map((figure) => ({
      symbol: figure.symbol,
      initialMargin: money(figure.initialMargin),
      maintMargin: money(figure.source.maintenanceMargin),
      unrealizedProfit: money(figure.source.unrealizedPnl),
      positionInitialMargin: money(figure.initialMargin),
      openOrderInitialMargin: '0',
      leverage: String(figure.source.leverage),
      isolated: figure.isolated,
      entryPrice: decimalText(figure.source.entryPrice),
      breakEvenPrice: decimalText(figure.breakEvenPrice),
      maxNotional: money(figure.maxNotional),
      bidNotional: '0',
      askNotional: '0',
      positionSide: figure.positionSide,
      positionAmt: decimalText(figure.positionAmt),
      isolatedWallet: money(figure.isolatedWallet),
      updateTime: view.nowMs,
    })),
  };
}

/** `GET /fapi/v2/balance` and `/fapi/v3/balance`: one row per asset (USDT, and the Multi-Assets collateral). */
export function balanceRows(view: AccountView): object[] {
  const totals = accountTotals(view.account, figuresOf(view));
  const collateral = assetRows(view)
    .slice(1)
    .map((row) => ({
      accountAlias: 'SgsR',
      asset: row['asset'],
      balance: row['walletBalance'],
      crossWalletBalance: row['crossWalletBalance'],
      crossUnPnl: '0',
      availableBalance: row['availableBalance'],
      maxWithdrawAmount: row['maxWithdrawAmount'],
      marginAvailable: true,
      updateTime: view.nowMs,
    }));
  return [
    {
      accountAlias: 'SgsR',
      asset: walletAsset,
      balance: money(totals.walletBalance),
      crossWalletBalance: money(totals.crossWalletBalance),
      crossUnPnl: money(totals.crossUnPnl),
      availableBalance: money(totals.availableBalance),
      maxWithdrawAmount: money(totals.maxWithdrawAmount),
      marginAvailable: true,
      updateTime: view.nowMs,
    },
    ...collateral,
  ];
}

/** `GET /fapi/v1/leverageBracket` entry for one instrument: its Binance tiers, numbers not strings. */
export function leverageBracket(instrument: SimInstrument): object {
  return {
    symbol: instrument.symbol,
    notionalCoef: 1.0,
    brackets: venueRulesOf(instrument, 'binance-usdm').tiers.map((tier) => ({
      bracket: tier.tier,
      initialLeverage: tier.maxLeverage,
      notionalCap: Number.isFinite(tier.notionalCap) ? tier.notionalCap : unboundedNotionalCap,
      notionalFloor: tier.notionalFloor,
      maintMarginRatio: tier.maintenanceMarginRate,
      cum: tier.maintenanceAmount,
    })),
  };
}
