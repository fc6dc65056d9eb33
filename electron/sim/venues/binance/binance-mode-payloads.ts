import { collateralSymbol } from '../../market/account-mode';
import type { SimAccount, SimCollateral, SimMarket } from '../../market/types';
import { simVenues } from '../sim-venues';
import { figuresOf, type AccountView } from './binance-account-view';
import { accountTotals, money } from './binance-positions';
import { decimalText } from './decimal-text';

/** The account's mode on Binance (docs/research/venue-payloads.md §2): single-asset unless the account says otherwise. */
export function binanceMode(account: SimAccount): 'single-asset' | 'multi-assets' | 'portfolio' {
  const mode = account.mode;
  return mode === 'multi-assets' || mode === 'portfolio' ? mode : 'single-asset';
}

/**
 * `GET /fapi/v1/assetIndex` rows for the assets Binance counts as Multi-Assets collateral, named
 * `<asset>USD`. The simulator's haircut is both buffers: bidRate = index × (1 − haircut), askRate =
 * index × (1 + haircut); the auto-exchange rates repeat them. Stablecoins have index 1.
 */
export function assetIndexRows(market: SimMarket): Record<string, unknown>[] {
  return Object.entries(simVenues['binance-usdm'].collateralRatios).flatMap(([asset, ratio]) => {
    const symbol = collateralSymbol(asset);
    if (symbol !== null && !market.instruments.some((i) => i.symbol === symbol)) return [];
    const index = symbol === null ? 1 : market.ticker(symbol).indexPrice;
    const buffer = 1 - ratio;
    const rate = (sign: 1 | -1): string => decimalText(index * (1 + sign * buffer), 8);
    return [
      {
        symbol: `${asset}USD`,
        time: market.now(),
        index: decimalText(index, 8),
        bidBuffer: decimalText(buffer, 8),
        askBuffer: decimalText(buffer, 8),
        bidRate: rate(-1),
        askRate: rate(1),
        autoExchangeBidBuffer: decimalText(buffer, 8),
        autoExchangeAskBuffer: decimalText(buffer, 8),
        autoExchangeBidRate: rate(-1),
        autoExchangeAskRate: rate(1),
      },
    ];
  });
}

/** The asset rows a Multi-Assets account shows besides USDT: each collateral asset in its own units. */
export function collateralAssetRows(view: AccountView): Record<string, unknown>[] {
  return (view.account.collateral ?? []).map((c: SimCollateral) => ({
    asset: c.asset,
    walletBalance: decimalText(c.amount, 8),
    unrealizedProfit: '0',
    marginBalance: decimalText(c.amount, 8),
    maintMargin: '0',
    initialMargin: '0',
    positionInitialMargin: '0',
    openOrderInitialMargin: '0',
    crossWalletBalance: decimalText(c.amount, 8),
    crossUnPnl: '0',
    availableBalance: decimalText(c.amount, 8),
    maxWithdrawAmount: decimalText(c.amount, 8),
    marginAvailable: true,
    updateTime: view.nowMs,
  }));
}

/**
 * The account header in Multi-Assets mode (cross only), in USD: total margin balance is the account
 * equity with every asset at its bid rate (Binance: Σ min(asset equity × bidRate, × askRate)),
 * total wallet the same without PnL, total maintenance margin the account's.
 */
export function multiAssetsTotals(view: AccountView): Record<string, string> {
  const margin = view.account.accountMargin;
  const totals = accountTotals(view.account, figuresOf(view));
  const collateral = (view.account.collateral ?? []).reduce((sum, c) => sum + c.marginValueUsd, 0);
  const equity = margin?.equityUsd ?? totals.walletBalance + totals.unrealizedProfit;
  const available = Math.max(0, equity - (margin?.initialMarginUsd ?? totals.initialMargin));
  return {
    totalWalletBalance: money(totals.walletBalance + collateral),
    totalMarginBalance: money(equity),
    totalMaintMargin: money(totals.maintMargin),
    totalCrossWalletBalance: money(totals.crossWalletBalance + collateral),
    availableBalance: money(available),
    maxWithdrawAmount: money(Math.min(available, totals.crossWalletBalance + collateral)),
  };
}

/**
 * `GET /fapi/v1/adlQuantile` and `/papi/v1/um/adlQuantile`: per symbol, the quantile of each side.
 * One-way or isolated: LONG, SHORT and BOTH; a cross hedge pair shows one value on LONG and SHORT
 * and `HEDGE` instead of BOTH, as Binance documents.
 */
export function adlQuantileRows(view: AccountView, symbol: string | null): object[] {
  const bySymbol = new Map<string, { LONG: number; SHORT: number; BOTH: number; hedgedCross: boolean }>();
  for (const position of view.account.positions) {
    if (symbol !== null && position.symbol !== symbol) continue;
    const row = bySymbol.get(position.symbol) ?? { LONG: 0, SHORT: 0, BOTH: 0, hedgedCross: false };
    const quantile = position.adlQuantile ?? 0;
    if (position.positionSide === 'long' || position.positionSide === 'short') {
      row[position.positionSide === 'long' ? 'LONG' : 'SHORT'] = quantile;
    } else row.BOTH = quantile;
    bySymbol.set(position.symbol, row);
  }
  for (const [name, row] of bySymbol) {
    const legs = view.account.positions.filter((p) => p.symbol === name && p.marginMode === 'cross');
    if (legs.length === 2) {
      const shared = Math.max(row.LONG, row.SHORT);
      bySymbol.set(name, { ...row, LONG: shared, SHORT: shared, hedgedCross: true });
    }
  }
  return [...bySymbol].map(([name, row]) => ({
    symbol: name,
    adlQuantile: row.hedgedCross
      ? { LONG: row.LONG, SHORT: row.SHORT, HEDGE: 0 }
      : { LONG: row.LONG, SHORT: row.SHORT, BOTH: row.BOTH },
  }));
}
