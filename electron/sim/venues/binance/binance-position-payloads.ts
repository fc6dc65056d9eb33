import { venueRulesOf } from '../../market/instruments';
import { decimalText } from './decimal-text';
import { isHedgeMode, money, unboundedNotionalCap, type BinancePositionFigures } from './binance-positions';
import { figuresOf, walletAsset, type AccountView } from './binance-account-view';

/** Binance writes a missing liquidation price (none, or at or below zero) as "0". */
function liquidationText(figure: BinancePositionFigures): string {
  const price = figure.source.liquidationPrice;
  return price === null || price <= 0 ? '0' : decimalText(price, 8);
}

/** Zero rows for the symbols (and sides, in hedge mode) that hold no position: v2 lists every one. */
function emptySlots(view: AccountView): { symbol: string; positionSide: 'BOTH' | 'LONG' | 'SHORT' }[] {
  const hedge = isHedgeMode(view.account);
  const sides = hedge ? (['LONG', 'SHORT'] as const) : (['BOTH'] as const);
  const taken = new Set(figuresOf(view).map((figure) => `${figure.symbol}/${figure.positionSide}`));
  return view.instruments.flatMap((instrument) =>
    sides
      .filter((side) => !taken.has(`${instrument.symbol}/${side}`))
      .map((positionSide) => ({ symbol: instrument.symbol, positionSide })),
  );
}

/** `GET /fapi/v3/positionRisk`: open positions only; no leverage or marginType fields in v3. */
export function positionRiskV3(view: AccountView, symbol: string | null): object[] {
  return figuresOf(view)
    .filter((figure) => symbol === null || figure.symbol === symbol)
    .map((figure) => ({
      symbol: figure.symbol,
      positionSide: figure.positionSide,
      positionAmt: decimalText(figure.positionAmt),
      entryPrice: decimalText(figure.source.entryPrice),
      breakEvenPrice: decimalText(figure.breakEvenPrice),
      markPrice: decimalText(figure.source.markPrice),
      unRealizedProfit: money(figure.source.unrealizedPnl),
      liquidationPrice: liquidationText(figure),
      isolatedMargin: money(figure.isolatedMargin),
      notional: money(figure.notional),
      // A USDC-margined perpetual (BTCUSDC) settles in USDC: the market's quote asset.
      marginAsset: view.instruments.find((i) => i.symbol === figure.symbol)?.quote ?? walletAsset,
      isolatedWallet: money(figure.isolatedWallet),
      initialMargin: money(figure.initialMargin),
      maintMargin: money(figure.source.maintenanceMargin),
      positionInitialMargin: money(figure.initialMargin),
      openOrderInitialMargin: '0',
      adl: figure.source.adlQuantile ?? 0,
      bidNotional: '0',
      askNotional: '0',
      updateTime: view.nowMs,
    }));
}

/** `GET /fapi/v2/positionRisk`: every symbol (zero rows too), with leverage and marginType. */
export function positionRiskV2(view: AccountView, symbol: string | null): object[] {
  const open = figuresOf(view).map((figure) => ({
    symbol: figure.symbol,
    positionAmt: decimalText(figure.positionAmt),
    entryPrice: decimalText(figure.source.entryPrice),
    breakEvenPrice: decimalText(figure.breakEvenPrice),
    markPrice: decimalText(figure.source.markPrice),
    unRealizedProfit: money(figure.source.unrealizedPnl),
    liquidationPrice: liquidationText(figure),
    leverage: String(figure.source.leverage),
    maxNotionalValue: money(figure.maxNotional),
    marginType: figure.isolated ? 'isolated' : 'cross',
    isolatedMargin: money(figure.isolatedMargin),
    isAutoAddMargin: 'false',
    positionSide: figure.positionSide,
    notional: money(figure.notional),
    isolatedWallet: money(figure.isolatedWallet),
    updateTime: view.nowMs,
  }));
  const empty = emptySlots(view).map((slot) => {
    const instrument = view.instruments.find((i) => i.symbol === slot.symbol);
    const leverage = Math.min(20, instrument?.maxLeverage ?? 20);
    const cap = Math.max(
      0,
      ...(instrument ? venueRulesOf(instrument, 'binance-usdm').tiers : [])
        .filter((t) => t.maxLeverage >= leverage)
        .map((t) => t.notionalCap),
    );
    return {
      symbol: slot.symbol,
      positionAmt: '0',
      entryPrice: '0',
      breakEvenPrice: '0',
      markPrice: '0',
      unRealizedProfit: '0',
      liquidationPrice: '0',
      leverage: String(leverage),
      maxNotionalValue: money(Number.isFinite(cap) ? cap : unboundedNotionalCap),
      marginType: 'cross',
      isolatedMargin: '0',
      isAutoAddMargin: 'false',
      positionSide: slot.positionSide,
      notional: '0',
      isolatedWallet: '0',
      updateTime: 0,
    };
  });
  return [...open, ...empty].filter((row) => symbol === null || row.symbol === symbol);
}
