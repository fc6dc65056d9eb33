import { buildContractTiers, buildHyperliquidTiers, buildTiers } from './tiers';
import type { SimInstrument, SimVenue, SimVenueRules } from './types';

/** An instrument plus the parameters that shape its simulated market. */
export interface SimSymbolSpec {
  readonly instrument: SimInstrument;
  /** Price when the pre-generated history starts, quote units. */
  readonly initialPrice: number;
  /** Volatility relative to the regimes' base figures (1 = BTC-like). */
  readonly volatilityScale: number;
  /** Order-book depth: the taker notional that moves the price by 1 %, quote units. */
  readonly depthPerPercent: number;
  /** Median notional of a simulated trader's position, quote units. */
  readonly medianPositionNotional: number;
  /** Taker volume from participants outside the trader population, base units per second. */
  readonly backgroundVolumePerSecond: number;
  /** Open interest held outside the trader population (hedged, unlevered), base units. */
  readonly backgroundOpenInterest: number;
}

// Tier tables shaped like the venues' published BTC/ETH tables (values are the simulator's own;
// real tables change often and are always fetched by the app, never hard-coded).
const btcRules: Record<SimVenue, SimVenueRules> = {
  'binance-usdm': {
    venue: 'binance-usdm',
    contractValue: 1,
    takerFeeRate: 0.0005,
    tiers: buildTiers([
      [50_000, 0.004, 125],
      [250_000, 0.005, 100],
      [3_000_000, 0.01, 50],
      [15_000_000, 0.025, 20],
      [30_000_000, 0.05, 10],
      [80_000_000, 0.1, 5],
      [100_000_000, 0.125, 4],
      [200_000_000, 0.15, 3],
      [300_000_000, 0.25, 2],
      [Infinity, 0.5, 1],
    ]),
  },
  'bybit-linear': {
    venue: 'bybit-linear',
    contractValue: 1,
    takerFeeRate: 0.00055,
    tiers: buildTiers([
      [2_000_000, 0.005, 100],
      [10_000_000, 0.01, 50],
      [20_000_000, 0.02, 25],
      [50_000_000, 0.04, 12.5],
      [Infinity, 0.08, 6.25],
    ]),
  },
  'okx-swap': {
    venue: 'okx-swap',
    contractValue: 0.01,
    takerFeeRate: 0.0005,
    tiers: buildTiers([[Infinity, 0.004, 125]]),
    contractTiers: buildContractTiers([
      [5_000, 0.004, 125],
      [20_000, 0.01, 50],
      [50_000, 0.02, 25],
      [100_000, 0.05, 10],
      [Infinity, 0.1, 5],
    ]),
  },
  hyperliquid: {
    venue: 'hyperliquid',
    contractValue: 1,
    takerFeeRate: 0.00045,
    tiers: buildHyperliquidTiers([
      [150_000_000, 40],
      [Infinity, 20],
    ]),
  },
};

const ethRules: Record<SimVenue, SimVenueRules> = {
  'binance-usdm': {
    venue: 'binance-usdm',
    contractValue: 1,
    takerFeeRate: 0.0005,
    tiers: buildTiers([
      [50_000, 0.005, 100],
      [250_000, 0.0065, 75],
      [1_000_000, 0.01, 50],
      [10_000_000, 0.02, 25],
      [20_000_000, 0.05, 10],
      [50_000_000, 0.1, 5],
      [100_000_000, 0.125, 4],
      [200_000_000, 0.15, 3],
      [Infinity, 0.25, 2],
    ]),
  },
  'bybit-linear': {
    venue: 'bybit-linear',
    contractValue: 1,
    takerFeeRate: 0.00055,
    tiers: buildTiers([
      [1_000_000, 0.005, 100],
      [5_000_000, 0.01, 50],
      [10_000_000, 0.02, 25],
      [Infinity, 0.04, 12.5],
    ]),
  },
  'okx-swap': {
    venue: 'okx-swap',
    contractValue: 0.1,
    takerFeeRate: 0.0005,
    tiers: buildTiers([[Infinity, 0.005, 100]]),
    contractTiers: buildContractTiers([
      [10_000, 0.005, 100],
      [40_000, 0.01, 50],
      [100_000, 0.02, 25],
      [Infinity, 0.05, 10],
    ]),
  },
  hyperliquid: {
    venue: 'hyperliquid',
    contractValue: 1,
    takerFeeRate: 0.00045,
    tiers: buildHyperliquidTiers([
      [100_000_000, 25],
      [Infinity, 15],
    ]),
  },
};

/** BTCUSDT near 60,000 and ETHUSDT near 3,000 with Binance-like tiers: the default market. */
export function defaultSymbols(): SimSymbolSpec[] {
  return [
    {
      instrument: {
        symbol: 'BTCUSDT',
        base: 'BTC',
        quote: 'USDT',
        tickSize: 0.1,
        stepSize: 0.001,
        maxLeverage: 125,
        takerFeeRate: 0.0005,
        tiers: btcRules['binance-usdm'].tiers,
        venueRules: btcRules,
      },
      initialPrice: 60_000,
      volatilityScale: 1,
      depthPerPercent: 12_000_000,
      medianPositionNotional: 150_000,
      backgroundVolumePerSecond: 2.5,
      backgroundOpenInterest: 30_000,
    },
    {
      instrument: {
        symbol: 'ETHUSDT',
        base: 'ETH',
        quote: 'USDT',
        tickSize: 0.01,
        stepSize: 0.001,
        maxLeverage: 100,
        takerFeeRate: 0.0005,
        tiers: ethRules['binance-usdm'].tiers,
        venueRules: ethRules,
      },
      initialPrice: 3_000,
      volatilityScale: 1.25,
      depthPerPercent: 5_000_000,
      medianPositionNotional: 60_000,
      backgroundVolumePerSecond: 40,
      backgroundOpenInterest: 600_000,
    },
  ];
}

/**
 * The margin rules a venue applies to an instrument. Falls back to the instrument's own
 * (Binance-style) tiers and taker fee for a venue the instrument does not describe; for OKX the
 * fallback treats one contract as one base unit with the first tier's rate.
 */
export function venueRulesOf(instrument: SimInstrument, venue: SimVenue): SimVenueRules {
  const rules = instrument.venueRules?.[venue];
  if (rules) return rules;
  if (venue !== 'okx-swap')
    return { venue, tiers: instrument.tiers, contractValue: 1, takerFeeRate: instrument.takerFeeRate };
  const first = instrument.tiers[0];
  return {
    venue,
    tiers: instrument.tiers,
    contractValue: 1,
    takerFeeRate: instrument.takerFeeRate,
    contractTiers: [
      {
        tier: 1,
        maxContracts: Infinity,
        maintenanceMarginRate: first?.maintenanceMarginRate ?? 0.005,
        maxLeverage: first?.maxLeverage ?? 100,
      },
    ],
  };
}
