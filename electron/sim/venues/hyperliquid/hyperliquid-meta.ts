import { venueRulesOf } from '../../market/instruments';
import type { SimInstrument, SimMarket } from '../../market/types';
import { dayStats } from '../binance/bar-buckets';
import { decimalText, decimalsOfStep } from '../binance/decimal-text';

/** Hyperliquid's funding is hourly; the simulator's ticker quotes it per 8 hours. */
const fundingHoursPerPeriod = 8;
/** Margin-table ids of 50 and above name an explicit tier table (below 50 the id is the max leverage). */
const firstTableId = 50;

/** The Hyperliquid coin of an instrument: its base asset (BTCUSDT -> BTC), settled in USDC. */
export function coinOf(instrument: SimInstrument): string {
  return instrument.base;
}

/** The instrument trading a coin, or undefined. */
export function instrumentOfCoin(market: SimMarket, coin: string): SimInstrument | undefined {
  return market.instruments.find((instrument) => coinOf(instrument) === coin);
}

/**
 * `{"type":"meta"}`: the perp universe in instrument order (an asset's index is its position) and
 * the tier tables. Hyperliquid tiers state only a lower notional bound and a max leverage; the
 * venue's maintenance rate is half the initial rate at that leverage.
 */
export function meta(market: SimMarket): object {
  return {
    universe: market.instruments.map((instrument, index) => ({
      name: coinOf(instrument),
      szDecimals: decimalsOfStep(instrument.stepSize),
      maxLeverage: instrument.maxLeverage,
      marginTableId: firstTableId + index,
    })),
    marginTables: market.instruments.map((instrument, index) => [
      firstTableId + index,
      {
        description: `tiered ${instrument.maxLeverage}x`,
        marginTiers: venueRulesOf(instrument, 'hyperliquid').tiers.map((tier) => ({
          lowerBound: decimalText(tier.notionalFloor, 1),
          maxLeverage: tier.maxLeverage,
        })),
      },
    ]),
    collateralToken: 0,
  };
}

/** The per-asset context of `metaAndAssetCtxs` and the `activeAssetCtx` stream. */
export function assetContext(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  const stats = dayStats(market, instrument.symbol, ticker.timeMs, ticker.lastPrice);
  const decimals = decimalsOfStep(instrument.tickSize);
  return {
    funding: decimalText(ticker.fundingRate / fundingHoursPerPeriod, 10),
    openInterest: decimalText(ticker.openInterest),
    prevDayPx: decimalText(stats.open, decimals),
    dayNtlVlm: decimalText(stats.quoteVolume, 2),
    premium: decimalText(ticker.indexPrice > 0 ? (ticker.markPrice - ticker.indexPrice) / ticker.indexPrice : 0, 8),
    oraclePx: decimalText(ticker.indexPrice, decimals),
    markPx: decimalText(ticker.markPrice, decimals),
    midPx: decimalText(ticker.lastPrice, decimals),
    impactPxs: [
      decimalText(ticker.lastPrice - instrument.tickSize, decimals),
      decimalText(ticker.lastPrice + instrument.tickSize, decimals),
    ],
    dayBaseVlm: decimalText(stats.volume),
  };
}

/** `{"type":"metaAndAssetCtxs"}`: `[meta, ctx[]]`, contexts in universe order. */
export function metaAndAssetContexts(market: SimMarket): [object, object[]] {
  return [meta(market), market.instruments.map((instrument) => assetContext(market, instrument))];
}

/** `{"type":"allMids"}`: coin -> mid price (the simulator's last price stands in for the book mid). */
export function allMids(market: SimMarket): Record<string, string> {
  return Object.fromEntries(
    market.instruments.map((instrument) => [
      coinOf(instrument),
      decimalText(market.ticker(instrument.symbol).lastPrice, decimalsOfStep(instrument.tickSize)),
    ]),
  );
}
