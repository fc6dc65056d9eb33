import type { Candle } from '../../../shared/domain/candle';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { Tier } from '../../../shared/domain/tier';
import { ledgerBars, type LedgerBar, type VenueMarket } from '../../../shared/clusters/index';
import { venueRulesOf } from '../../sim/market/index';
import type { SimBar, SimInstrument, SimMarketModel } from '../../sim/market/types';

const minuteMs = 60_000;

/** One bar as every estimator sees it: the ledger's view plus the last-price candle and its taker split. */
export interface EvalBar {
  readonly ledger: LedgerBar;
  /** Last-price candle (what the baselines read). */
  readonly candle: Candle;
  /** Taker buy and sell volume, base units. */
  readonly buyVolume: number;
  readonly sellVolume: number;
}

/**
 * The simulated traders are margined by Binance USDS-M rules, so the ledger prices them as that
 * venue: its tiers (SimTier → Tier, an Infinity cap → null) and taker fee.
 */
export function simVenueMarket(instrument: SimInstrument): VenueMarket {
  const rules = venueRulesOf(instrument, 'binance-usdm');
  const tiers: Tier[] = rules.tiers.map((tier) => ({
    floor: tier.notionalFloor,
    cap: Number.isFinite(tier.notionalCap) ? tier.notionalCap : null,
    maintenanceMarginRate: tier.maintenanceMarginRate,
    deduction: tier.maintenanceAmount,
    maxLeverage: tier.maxLeverage,
  }));
  return { venue: 'binance-usdm', tiers, takerFeeRate: rules.takerFeeRate, contractSize: rules.contractValue };
}

function candleOf(bar: SimBar, withTaker: boolean): Candle {
  return {
    openTimeMs: bar.openTimeMs,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
    takerBuyVolume: withTaker ? bar.takerBuyVolume : null,
  };
}

/**
 * What a real venue publishes for bars opening in [fromMs, toMs): 1-minute trade candles with taker
 * buy volume, mark candles and open-interest history, joined by `ledgerBars`. Nothing else of the
 * simulator (no trader, no truth) is read here.
 */
export function publishedBars(market: SimMarketModel, symbol: string, fromMs: number, toMs: number): EvalBar[] {
  const trade = market.bars(symbol, 'last', fromMs, toMs, Number.MAX_SAFE_INTEGER);
  const mark = market.bars(symbol, 'mark', fromMs, toMs, Number.MAX_SAFE_INTEGER);
  const openInterest: OpenInterestPoint[] = market
    .openInterestHistory(symbol, fromMs + minuteMs, toMs + minuteMs)
    .map((point) => ({ timeMs: point.timeMs, base: point.openInterest, usd: null }));
  const candles = trade.map((bar) => candleOf(bar, true));
  const bars = ledgerBars({
    durationMs: minuteMs,
    tradeCandles: candles,
    markCandles: mark.map((bar) => candleOf(bar, false)),
    openInterest,
  });
  const out: EvalBar[] = [];
  for (const [i, ledger] of bars.entries()) {
    const candle = candles[i];
    if (candle === undefined) continue;
    const buy = candle.takerBuyVolume ?? candle.volume / 2;
    out.push({ ledger, candle, buyVolume: buy, sellVolume: Math.max(0, candle.volume - buy) });
  }
  return out;
}

/** Realized liquidations in [fromMs, toMs) as the gateway delivers them (side = the liquidated side). */
export function publishedLiquidations(
  market: SimMarketModel,
  symbol: string,
  fromMs: number,
  toMs: number,
): RealizedLiquidation[] {
  return market.liquidations(symbol, fromMs, toMs).map((item) => ({
    symbol,
    side: item.side,
    price: item.price,
    size: item.size,
    notionalUsd: item.price * item.size,
    timeMs: item.timeMs,
  }));
}
