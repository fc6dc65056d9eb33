import { forEveryVenue, simVenues } from '../venues/sim-venues';
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

/**
 * BTCUSDT near 60,000 and ETHUSDT near 3,000, each venue's margin table from its module
 * (`venues/<venue>/venue.ts`; shaped like the venues' published tables, values the simulator's own:
 * real tables change often and are always fetched by the app, never hard-coded). The default market.
 */
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
        tiers: simVenues['binance-usdm'].defaultRules.BTCUSDT.tiers,
        venueRules: forEveryVenue((venue) => simVenues[venue].defaultRules.BTCUSDT),
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
        tiers: simVenues['binance-usdm'].defaultRules.ETHUSDT.tiers,
        venueRules: forEveryVenue((venue) => simVenues[venue].defaultRules.ETHUSDT),
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
 * The margin rules a venue applies to an instrument: the instrument's own table for the venue, or,
 * for a hand-made instrument that describes none, the venue module's fallback from its
 * (Binance-style) tiers and taker fee.
 */
export function venueRulesOf(instrument: SimInstrument, venue: SimVenue): SimVenueRules {
  return instrument.venueRules?.[venue] ?? simVenues[venue].fallbackRules(instrument);
}
