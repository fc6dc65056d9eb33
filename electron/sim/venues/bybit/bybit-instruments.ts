import { venueRulesOf } from '../../market/instruments';
import type { SimInstrument, SimMarket, SimTier } from '../../market/types';
import { decimalsOf, decimalText, stepText } from '../common/decimal-text';

/** Funding every 8 hours, in minutes as `fundingInterval` reports it. */
const fundingIntervalMinutes = 480;

/** The instrument Bybit calls `symbol` (the simulator's venue-neutral symbols are Bybit's), if listed. */
export function findInstrument(market: SimMarket, symbol: string): SimInstrument | undefined {
  return market.instruments.find((instrument) => instrument.symbol === symbol);
}

/**
 * The upper bound Bybit prints for a tier. Venues never print an open-ended tier; the simulator's
 * last tier (cap Infinity) is reported as ten times its floor or 1e9, whichever is larger.
 */
export function tierCap(tier: SimTier): number {
  return Number.isFinite(tier.notionalCap) ? tier.notionalCap : Math.max(tier.notionalFloor * 10, 1_000_000_000);
}

/** Bybit's risk-limit tiers of an instrument (its own table when the model gives one). */
export function bybitTiers(instrument: SimInstrument): readonly SimTier[] {
  return venueRulesOf(instrument, 'bybit-linear').tiers;
}

/** Bybit's maximum leverage for an instrument: that of its lowest-risk tier. */
export function bybitMaxLeverage(instrument: SimInstrument): number {
  return bybitTiers(instrument)[0]?.maxLeverage ?? instrument.maxLeverage;
}

/** The index of the tier that holds a position of `notional` (quote units); the last tier beyond all caps. */
export function tierIndexFor(instrument: SimInstrument, notional: number): number {
  const tiers = bybitTiers(instrument);
  const index = tiers.findIndex((tier) => notional < tier.notionalCap);
  return index === -1 ? Math.max(0, tiers.length - 1) : index;
}

/** One `GET /v5/market/instruments-info?category=linear` row. */
export function instrumentRow(instrument: SimInstrument, launchTimeMs: number): Record<string, unknown> {
  const priceDecimals = decimalsOf(instrument.tickSize);
  return {
    symbol: instrument.symbol,
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: instrument.base,
    quoteCoin: instrument.quote,
    settleCoin: instrument.quote,
    launchTime: String(launchTimeMs),
    deliveryTime: '0',
    deliveryFeeRate: '',
    priceScale: String(priceDecimals),
    leverageFilter: {
      minLeverage: '1',
      maxLeverage: decimalText(bybitMaxLeverage(instrument), 2),
      leverageStep: '0.01',
    },
    priceFilter: {
      minPrice: stepText(instrument.tickSize, instrument.tickSize),
      maxPrice: stepText(instrument.tickSize * 20_000_000, instrument.tickSize),
      tickSize: stepText(instrument.tickSize, instrument.tickSize),
    },
    lotSizeFilter: {
      maxOrderQty: stepText(instrument.stepSize * 1_000_000, instrument.stepSize),
      minOrderQty: stepText(instrument.stepSize, instrument.stepSize),
      qtyStep: stepText(instrument.stepSize, instrument.stepSize),
      postOnlyMaxOrderQty: stepText(instrument.stepSize * 1_000_000, instrument.stepSize),
      maxMktOrderQty: stepText(instrument.stepSize * 100_000, instrument.stepSize),
      minNotionalValue: '5',
    },
    unifiedMarginTrade: true,
    fundingInterval: fundingIntervalMinutes,
    copyTrading: 'both',
    upperFundingRate: '0.005',
    lowerFundingRate: '-0.005',
    isPreListing: false,
    preListingInfo: null,
    riskParameters: { priceLimitRatioX: '0.01', priceLimitRatioY: '0.02' },
    displayName: '',
  };
}

/**
 * The `GET /v5/market/risk-limit` rows of an instrument: `riskLimitValue` is the tier's notional cap,
 * `maintenanceMargin` and `initialMargin` are rates (fractions), `mmDeduction` the maintenance amount.
 */
export function riskLimitRows(instrument: SimInstrument): Record<string, unknown>[] {
  return bybitTiers(instrument).map((tier, index) => ({
    id: index + 1,
    symbol: instrument.symbol,
    riskLimitValue: decimalText(tierCap(tier), 2),
    maintenanceMargin: decimalText(tier.maintenanceMarginRate, 6),
    initialMargin: decimalText(1 / tier.maxLeverage, 6),
    isLowestRisk: index === 0 ? 1 : 0,
    maxLeverage: decimalText(tier.maxLeverage, 2),
    mmDeduction: decimalText(tier.maintenanceAmount, 6),
  }));
}
