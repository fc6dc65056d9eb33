import { forEveryVenue, simVenues } from '../venues/sim-venues';
import type { LeverageWeight, OtherHoldings } from './traders';
import type { SimInstrument, SimVenue, SimVenueRules } from './types';

/** Simulated traders per symbol unless the market's options say otherwise. */
export const defaultTraderCount = 1500;

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
  /**
   * Open interest held outside the trader population (hedged, unlevered), base units, at the market's
   * default `traderCount` (1,500); scaled with it, so a smaller crowd is a smaller market.
   */
  readonly backgroundOpenInterest: number;
  /** Small, high-leverage traders beside the main population (none when absent). */
  readonly smallTraders?: SmallTraderSpec;
  /** Cross-margin accounts whose other holdings' PnL moves their liquidation prices (none when absent). */
  readonly crossTraders?: CrossTraderSpec;
}

/** A second crowd of a symbol: many small positions at high leverage, opened at the price and held briefly. */
export interface SmallTraderSpec {
  /** Traders at the market's default `traderCount` (1,500); scaled with it. */
  readonly count: number;
  /** Median notional of one position, quote units. */
  readonly medianPositionNotional: number;
  readonly leverageMix: readonly LeverageWeight[];
  /** Mean time flat before opening, ms. */
  readonly meanFlatMs: number;
  /** Mean time a position of up to 10x is held (shorter ∝ 10/leverage above), ms. */
  readonly meanHoldMs: number;
  /** Whether they close a losing position when their time is up (false: they hold it until it recovers or is liquidated). */
  readonly closesLosers: boolean;
}

/** A crowd of cross-margin accounts: traders as `SmallTraderSpec` describes, each also holding other things. */
export interface CrossTraderSpec extends SmallTraderSpec {
  readonly otherHoldings: OtherHoldings;
}

/**
 * The cross-margin crowd of a symbol whose main traders' median position is `medianPositionNotional`
 * (sizes follow it: 6,000 USD against BTCUSDT's 120,000). Tuned with the book's depth, the open
 * interest outside the traders and the traders' positions against the real sets' shape of
 * liquidations (electron/cli/scorecard/README.md, "The simulator beside the real sets"): 200
 * accounts at 20/50/100x (30/40/30 %), flat 8 hours and holding 16 on average, other holdings ten
 * times the position moving with the market plus a walk of their own of 1 % of the position per
 * √hour, revalued every 5 minutes on average.
 */
function crossCrowd(medianPositionNotional: number): CrossTraderSpec {
  return {
    count: 200,
    medianPositionNotional: medianPositionNotional * 0.05,
    leverageMix: [
      { leverage: 20, weight: 0.3 },
      { leverage: 50, weight: 0.4 },
      { leverage: 100, weight: 0.3 },
    ],
    meanFlatMs: 8 * 3_600_000,
    meanHoldMs: 16 * 3_600_000,
    closesLosers: true,
    otherHoldings: { withMarket: 10, volatilityPerSqrtHour: 0.01, meanRevalueMs: 300_000 },
  };
}

/**
 * BTCUSDT near 60,000 and ETHUSDT near 3,000, each venue's margin table from its module
 * (`venues/<venue>/venue.ts`; shaped like the venues' published tables, values the simulator's own:
 * real tables change often and are always fetched by the app, never hard-coded). The default market:
 * its calm hours look like the real sets on their measure (the share of hourly bucket-sides with
 * liquidations, their size against open interest and against move × open interest, the map-free
 * references' ranks), which the depth, the open interest outside the traders, the traders' median
 * position and the cross-margin crowd were tuned for together (electron/cli/scorecard/README.md,
 * "The simulator beside the real sets").
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
      depthPerPercent: 36_000_000,
      medianPositionNotional: 120_000,
      backgroundVolumePerSecond: 2.5,
      backgroundOpenInterest: 63_000,
      crossTraders: crossCrowd(120_000),
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
      depthPerPercent: 15_000_000,
      medianPositionNotional: 48_000,
      backgroundVolumePerSecond: 40,
      backgroundOpenInterest: 1_260_000,
      crossTraders: crossCrowd(48_000),
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
