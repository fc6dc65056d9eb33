import type { AccountModeId } from '../../../../shared/domain/account-mode';
import type { CollateralAsset } from '../../../../shared/domain/collateral';

/** Calls one of ccxt's implicit raw endpoints by name; rejects with a `GatewayError`. */
export type RawCall = (method: string, params: Readonly<Record<string, unknown>>) => Promise<unknown>;

/** What a venue's mode reader found at connect or on a refresh. */
export interface ModeRead {
  readonly mode: AccountModeId;
  /**
   * ccxt options the account calls need in this mode, set on the client before them: Binance
   * `portfolioMargin` (true sends positions, balance and brackets to papi; false back to fapi, so a
   * mode changed on the venue is followed both ways). Empty where the mode changes no call.
   */
  readonly options: Readonly<Record<string, unknown>>;
  /** The raw answer the mode was read from, for the gauge reader (Binance PM `papi/v1/account`). */
  readonly answer: unknown;
  /** Hyperliquid unified: the spot clearinghouse's USDC total backing every position; else null. */
  readonly spotQuoteTotal: number | null;
  /**
   * Hyperliquid unified: the USD value of the spot tokens besides USDC, at their spot prices; part of
   * the account's equity, not of the margin behind the positions. Absent elsewhere.
   */
  readonly otherSpotUsd?: number;
}

/**
 * How a venue publishes its account mode, account gauge and ADL rank (docs/research/account-modes.md
 * §1, §7): readers of raw answers, as data beside the rest of the venue's profile.
 */
export interface ModeSource {
  /** Reads the account mode through the venue's own endpoint; `user` is the address where one is read. */
  readonly detect: (raw: RawCall, user: string | null) => Promise<ModeRead>;
  /**
   * The venue's gauge value as a plain ratio (percentages / 100), from `fetchBalance().info` or the
   * mode answer; null when the answer lacks it. Only asked in modes whose registry entry names a gauge.
   */
  readonly gauge: (mode: AccountModeId, balanceInfo: unknown, modeAnswer: unknown) => number | null;
  /** The ADL scale of the venue (lowest, highest = nearest to deleveraging), or null when it publishes none. */
  readonly adlScale: { readonly min: number; readonly max: number } | null;
  /**
   * Where the rank lives when the position rows lack it (Binance `adlQuantile`): the raw endpoint
   * for the mode and the reader of one position's figure (`leg` is LONG, SHORT or BOTH). Null: the
   * position reader's `adl` carries it.
   */
  /**
   * Reads the account's collateral assets in the venue's multi-asset mode (Binance Multi-Assets, Bybit
   * unified cross; docs/research/account-modes.md §2, §3): each asset's amount, USD index and the
   * venue's discount, the settle asset first. Answers null in every other mode (the settle wallet
   * alone backs the positions). `balanceInfo` is `fetchBalance().info`; `settleAssets` the assets the
   * open positions settle in (listed even at a zero balance, since their PnL lands there). Null: the
   * venue has no such mode.
   */
  readonly collateral:
    | ((
        raw: RawCall,
        mode: AccountModeId,
        balanceInfo: unknown,
        settleAssets: readonly string[],
      ) => Promise<readonly CollateralAsset[] | null>)
    | null;
  readonly adlEndpoint: {
    readonly rawMethod: (mode: AccountModeId) => string;
    readonly read: (answer: unknown, symbol: string, leg: 'LONG' | 'SHORT' | 'BOTH') => number | null;
  } | null;
}
