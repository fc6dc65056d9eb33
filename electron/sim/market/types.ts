/**
 * The simulated market as the venue protocol servers see it. The market model implements
 * `SimMarket`; each venue server (Binance, Bybit, OKX, Hyperliquid) only translates it into that
 * venue's REST and WebSocket formats. Everything is deterministic for a seed: the same seed,
 * scenario and sequence of `advance` calls give the same prices, trades and liquidations.
 *
 * Units: prices in quote currency (USDT/USDC), sizes in base units, times in epoch milliseconds.
 */

/** The venues the simulator speaks. */
export type SimVenue = 'binance-usdm' | 'bybit-linear' | 'okx-swap' | 'hyperliquid';

/** Named market scenarios. */
export type SimScenarioName = 'calm' | 'long-squeeze-crash' | 'short-squeeze' | 'chop';

/** Price regimes the model switches between. */
export type SimRegime = 'trend-up' | 'trend-down' | 'range' | 'crash' | 'squeeze';

/** One maintenance-margin tier of an instrument (notional in quote currency, Binance-style). */
export interface SimTier {
  readonly tier: number;
  readonly notionalFloor: number;
  /** Exclusive upper bound; Infinity for the last tier. */
  readonly notionalCap: number;
  /** Maintenance margin rate, fraction. */
  readonly maintenanceMarginRate: number;
  /** Maintenance deduction ("cum"), quote currency. */
  readonly maintenanceAmount: number;
  readonly maxLeverage: number;
}

/** A perpetual instrument the simulator lists. */
export interface SimInstrument {
  /** Venue-neutral symbol, e.g. 'BTCUSDT'. */
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: number;
  /** Smallest size step, base units. */
  readonly stepSize: number;
  readonly maxLeverage: number;
  readonly tiers: readonly SimTier[];
  /** Taker fee rate, fraction. */
  readonly takerFeeRate: number;
}

/** A one-minute bar of last-trade or mark prices with taker flow. */
export interface SimBar {
  readonly openTimeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Traded volume, base units. */
  readonly volume: number;
  /** Traded volume, quote units. */
  readonly quoteVolume: number;
  /** Volume where the taker bought, base units. */
  readonly takerBuyVolume: number;
  readonly takerBuyQuoteVolume: number;
  readonly trades: number;
}

/** The state of one instrument at a moment. */
export interface SimTicker {
  readonly symbol: string;
  readonly timeMs: number;
  readonly markPrice: number;
  readonly indexPrice: number;
  readonly lastPrice: number;
  /** Funding rate per 8 hours, fraction. */
  readonly fundingRate: number;
  readonly nextFundingTimeMs: number;
  /** Open interest, base units. */
  readonly openInterest: number;
  readonly regime: SimRegime;
}

/** A forced liquidation that happened. `side` is the side of the position that was liquidated. */
export interface SimLiquidation {
  readonly symbol: string;
  readonly timeMs: number;
  readonly side: 'long' | 'short';
  readonly price: number;
  /** Base units. */
  readonly size: number;
}

/** One simulated trader's open position, as ground truth for the liquidation map. */
export interface SimTruthLevel {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly liquidationPrice: number;
  /** Base units. */
  readonly size: number;
  readonly leverage: number;
  readonly openedAtMs: number;
}

/** A position of the user's own (demo/test) account, with what the venue reports for it. */
export interface SimAccountPosition {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** Base units, positive. */
  readonly size: number;
  readonly entryPrice: number;
  readonly leverage: number;
  readonly marginMode: 'isolated' | 'cross';
  /** Isolated only: margin held by the position excluding unrealized PnL, quote units. */
  readonly isolatedMargin: number;
  readonly markPrice: number;
  readonly unrealizedPnl: number;
  readonly maintenanceMargin: number;
  /** What the venue reports, found by a numeric root search of equity = maintenance margin (null if none). */
  readonly liquidationPrice: number | null;
}

/** The user's account on one venue. */
export interface SimAccount {
  readonly id: string;
  readonly venue: SimVenue;
  /** Cross wallet balance excluding unrealized PnL, quote units. */
  readonly walletBalance: number;
  readonly positions: readonly SimAccountPosition[];
}

/** Events the market emits as time advances. */
export interface SimMarketEvents {
  ticker: SimTicker;
  /** A closed one-minute bar (last-trade prices) and the matching mark-price bar. */
  bar: { readonly symbol: string; readonly bar: SimBar; readonly markBar: SimBar };
  liquidation: SimLiquidation;
}

/** The simulated market. */
export interface SimMarket {
  readonly seed: number;
  readonly scenario: SimScenarioName;
  readonly instruments: readonly SimInstrument[];
  /** Simulated time now. */
  now(): number;
  ticker(symbol: string): SimTicker;
  /** Closed one-minute bars in [startMs, endMs), oldest first, at most `limit`. `kind` picks last or mark prices. */
  bars(symbol: string, kind: 'last' | 'mark', startMs: number, endMs: number, limit: number): readonly SimBar[];
  /** Open interest (base units) sampled at the close of each bar in [startMs, endMs). */
  openInterestHistory(symbol: string, startMs: number, endMs: number): readonly { readonly timeMs: number; readonly openInterest: number }[];
  /** Liquidations in [startMs, endMs), oldest first. */
  liquidations(symbol: string, startMs: number, endMs: number): readonly SimLiquidation[];
  /** Every simulated trader's open position: the true liquidation map. */
  truth(symbol: string): readonly SimTruthLevel[];
  /** The user's account on a venue (demo and test accounts). */
  account(id: string): SimAccount | undefined;
  accounts(): readonly SimAccount[];
  /** Moves simulated time forward by `ms`, emitting events as it goes. */
  advance(ms: number): void;
  on<E extends keyof SimMarketEvents>(event: E, listener: (payload: SimMarketEvents[E]) => void): () => void;
}
