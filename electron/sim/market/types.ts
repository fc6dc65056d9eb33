import type { DemoVenue } from '../../../shared/domain/venue';

/**
 * The simulated market as the venue protocol servers see it. The market model implements
 * `SimMarket`; each venue server (Binance, Bybit, OKX, Hyperliquid) only translates it into that
 * venue's REST and WebSocket formats. Everything is deterministic for a seed: the same seed,
 * scenario and sequence of `advance` calls give the same prices, trades and liquidations.
 *
 * Units: prices in quote currency (USDT/USDC), sizes in base units, times in epoch milliseconds.
 */

/** The venues the simulator speaks. */
export type SimVenue = DemoVenue;

/**
 * The account modes each venue offers (docs/research/venue-payloads.md §1). Binance: single-asset,
 * Multi-Assets or Portfolio Margin; Bybit's unified account: isolated, cross (REGULAR_MARGIN) or
 * portfolio margin; OKX account levels 1-4 (spot, futures, multi-currency, portfolio); Hyperliquid:
 * standard, unified account or portfolio margin.
 */
export interface SimAccountModes {
  'binance-usdm': 'single-asset' | 'multi-assets' | 'portfolio';
  'bybit-linear': 'isolated' | 'cross' | 'portfolio';
  'okx-swap': 'spot' | 'futures' | 'multi-currency' | 'portfolio';
  hyperliquid: 'standard' | 'unified' | 'portfolio';
}

/** Any venue's account mode. */
export type SimAccountMode = SimAccountModes[SimVenue];

/** One collateral asset an account holds besides its settle-currency wallet, valued the venue's way. */
export interface SimCollateral {
  /** Asset code, e.g. 'BTC', 'USDC'. */
  readonly asset: string;
  /** Units of the asset, > 0. */
  readonly amount: number;
  /** USD price now: 1 for stablecoins, else the index price of `<asset>USDT`. */
  readonly priceUsd: number;
  /** Fraction of the value the venue counts as margin (1 − haircut; collateral value ratio, discount rate). */
  readonly collateralRatio: number;
  /** amount × priceUsd × collateralRatio, USD. */
  readonly marginValueUsd: number;
}

/**
 * Named market scenarios. `long-squeeze-crash` and `short-squeeze` build a crowded side for three
 * hours before the shock; `trend`, `crash` and `squeeze` start their move at once (the Demo's
 * scenario control switches to them mid-run).
 */
export type SimScenarioName = 'calm' | 'long-squeeze-crash' | 'short-squeeze' | 'chop' | 'trend' | 'crash' | 'squeeze';

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
  /**
   * Each venue's own margin table for this instrument. The model always fills it; when absent (a
   * hand-made instrument), `venueRulesOf` in `instruments.ts` derives Binance-style rules from `tiers`.
   */
  readonly venueRules?: Readonly<Record<SimVenue, SimVenueRules>>;
}

/** One OKX position tier: by contract count, inclusive upper bound, no deduction. */
export interface SimContractTier {
  readonly tier: number;
  /** Inclusive upper bound of |position| in contracts; Infinity for the last tier. */
  readonly maxContracts: number;
  /** Maintenance margin rate, fraction, applied to the whole position. */
  readonly maintenanceMarginRate: number;
  readonly maxLeverage: number;
}

/**
 * How one venue margins an instrument. Binance, Bybit and Hyperliquid use `tiers` (by notional,
 * with deduction); OKX uses `contractTiers` (by contract count, no deduction) and `contractValue`.
 */
export interface SimVenueRules {
  readonly venue: SimVenue;
  /** Tiers by notional, quote currency, with deduction. For OKX: informational only. */
  readonly tiers: readonly SimTier[];
  /** OKX only: tiers by contract count. */
  readonly contractTiers?: readonly SimContractTier[];
  /** Base units per contract (OKX ctVal); 1 on the other venues. */
  readonly contractValue: number;
  /** The account's taker fee rate, fraction (enters OKX's and Bybit cross's requirement). */
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
  /** A user account's liquidation only: the position's entry price, quote units (for the venue's realised PnL). */
  readonly entryPrice?: number;
  /** A user account's liquidation only: the position's margin mode and leverage (the venue's order record names them). */
  readonly marginMode?: 'isolated' | 'cross';
  readonly leverage?: number;
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
  /** Entry price, quote units (the model always fills it). */
  readonly entryPrice?: number;
  /**
   * Isolated margin excluding PnL, quote units (the model always fills it); for a cross-margin
   * account, the margin behind the position with its other holdings' PnL at their last valuation.
   */
  readonly isolatedMargin?: number;
  /** The trader's index in its symbol's population (the same index trades every symbol): names it on a venue. */
  readonly trader?: number;
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
  /** Hedge mode only: the position side the venue files it under ('both' in one-way mode). */
  readonly positionSide?: 'both' | 'long' | 'short';
  /**
   * Auto-deleveraging queue quantile, 0 (last in line) to 4 (first), from the position's return on
   * margin (Binance's `adlQuantile` scale; Bybit's `adlRankIndicator` and OKX's `adl` are one higher).
   */
  readonly adlQuantile?: number;
  /** When the venue lowered this position's risk limit on its own, epoch ms (Bybit `mmrSysUpdatedTime`). */
  readonly riskLimitLoweredAtMs?: number;
  /** When the venue lowered this position's leverage on its own, epoch ms (Bybit `leverageSysUpdatedTime`). */
  readonly leverageLoweredAtMs?: number;
  /** Hyperliquid only: the HIP-3 dex the position trades on (isolated only); absent on the main dex. */
  readonly dex?: string;
}

/** The user's account on one venue. */
export interface SimAccount {
  readonly id: string;
  readonly venue: SimVenue;
  /** Cross wallet balance excluding unrealized PnL, quote units. */
  readonly walletBalance: number;
  readonly positions: readonly SimAccountPosition[];
  /** Binance and Bybit: one-way (default) or hedge mode (a long and a short leg per symbol). */
  readonly positionMode?: 'one-way' | 'hedge';
  /** Hyperliquid: the public address the account is read by (0x + 40 hex). */
  readonly address?: string;
  /** Cross equity: wallet balance plus the cross positions' unrealized PnL, quote units. */
  readonly crossEquity?: number;
  /** Maintenance margin of the cross positions at their marks (venue rule, fee terms excluded), quote units. */
  readonly crossMaintenanceMargin?: number;
  /** Positions of this account that were force-closed, oldest first. */
  readonly liquidations?: readonly SimLiquidation[];
  /** The account mode (default per venue: the venue module's `defaultMode`). */
  readonly mode?: SimAccountMode;
  /** Multi-collateral modes: assets held besides the settle-currency wallet. */
  readonly collateral?: readonly SimCollateral[];
  /**
   * The account-level test the venue liquidates by, in USD, for every mode: equity (wallet, the
   * other collateral at its collateral ratio, cross PnL) and the cross requirement (maintenance
   * margin plus the venue's fee term), with the venue's trigger: liquidation when
   * equityUsd <= liquidationThreshold × requirementUsd. Isolated positions are tested on their own.
   */
  readonly accountMargin?: SimAccountMargin;
}

/** The account-level margin test of a simulated account, USD. */
export interface SimAccountMargin {
  readonly equityUsd: number;
  /** Cross maintenance margin, fee terms excluded. */
  readonly maintenanceMarginUsd: number;
  /** Cross maintenance margin plus the venue's fee term: what equity is compared with. */
  readonly requirementUsd: number;
  /** Cross initial margin (notional at mark / leverage). */
  readonly initialMarginUsd: number;
  /** 1, or 1.05 for Binance Portfolio Margin (uniMMR <= 105 %). */
  readonly liquidationThreshold: number;
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
  /**
   * Closed one-minute bars whose open time is in [startMs, endMs), oldest first, the first `limit` of
   * them. `kind` picks last or mark prices (mark bars carry zero volume, as Binance's markPriceKlines).
   */
  bars(symbol: string, kind: 'last' | 'mark', startMs: number, endMs: number, limit: number): readonly SimBar[];
  /**
   * Open interest (base units) at each minute boundary `timeMs` in [startMs, endMs) up to now: the
   * value at the close of the bar that ends at `timeMs`.
   */
  openInterestHistory(
    symbol: string,
    startMs: number,
    endMs: number,
  ): readonly { readonly timeMs: number; readonly openInterest: number }[];
  /**
   * The crowd's long share at each minute boundary in [startMs, endMs) up to now: the simulated
   * traders' long positions as a fraction of all their positions by size (what the venues' long/short
   * account ratios stand for; ratio = share / (1 − share)).
   */
  longShareHistory(
    symbol: string,
    startMs: number,
    endMs: number,
  ): readonly { readonly timeMs: number; readonly longShare: number }[];
  /** Liquidations in [startMs, endMs), oldest first. */
  liquidations(symbol: string, startMs: number, endMs: number): readonly SimLiquidation[];
  /** Every simulated trader's open position: the true liquidation map. */
  truth(symbol: string): readonly SimTruthLevel[];
  /** The user's account on a venue (demo and test accounts), by id or (Hyperliquid) address. */
  account(id: string): SimAccount | undefined;
  accounts(): readonly SimAccount[];
  /**
   * Moves simulated time forward by `ms`, in 1-second steps (a remainder below a second is carried
   * to the next call), emitting a ticker per symbol per step, closed bars and liquidations. ms <= 0: no-op.
   */
  advance(ms: number): void;
  on<E extends keyof SimMarketEvents>(event: E, listener: (payload: SimMarketEvents[E]) => void): () => void;
}

/** What a venue may change on a position on its own (`SimMarketModel.adjustPosition`). */
export interface SimVenueAdjustment {
  /** The new, lower leverage. */
  readonly leverage?: number;
  /** A lowered risk limit: the maintenance rate the position is charged at least, fraction. */
  readonly maintenanceMarginRate?: number;
  /**
   * The position's ADL quantile as the venue ranks it, 0–4 (Binance's scale; Bybit and OKX report
   * it + 1), in place of the simulator's own banding; null goes back to the banding. For tests.
   */
  readonly adlQuantile?: number | null;
}

/** What `createSimMarket` returns: the venue-facing market plus the model's own clock facts. */
export interface SimMarketModel extends SimMarket {
  /** When the scenario starts (the end of the pre-generated history), epoch ms. */
  readonly startTimeMs: number;
  /** The oldest pre-generated bar's open time, epoch ms. */
  readonly historyStartMs: number;
  /** The scenario's natural length from when it started, ms; afterwards the market stays calm. */
  readonly scenarioDurationMs: number;
  /**
   * Starts scenario `name` now, in place of the one running: its phases count from this moment and
   * the regime is drawn again at once; prices, traders and accounts carry on from where they are.
   */
  setScenario(name: SimScenarioName): void;
  /**
   * The venue lowers the risk limit or the leverage of an account's `symbol` positions on its own,
   * now (Bybit then stamps `mmrSysUpdatedTime` / `leverageSysUpdatedTime`), or moves them in the
   * ADL queue. For tests. Throws on an unknown account or symbol, a leverage that is not lower, or a
   * quantile outside 0–4.
   */
  adjustPosition(accountId: string, symbol: string, change: SimVenueAdjustment): void;
  /**
   * The account (by id) is switched to another of its venue's modes, positions and collateral held,
   * now: the venue reports the new mode from the next read on. For tests. Throws on an unknown
   * account, a mode the venue lacks, or one that would not allow the account's positions or collateral.
   */
  changeAccountMode(accountId: string, mode: SimAccountMode): void;
  /**
   * The user closes a position of an account (by id) at the mark, as from the venue's own app: it
   * leaves the account with no liquidation recorded. Returns false when there is no such position.
   */
  closePosition(accountId: string, symbol: string, side: 'long' | 'short'): boolean;
}
