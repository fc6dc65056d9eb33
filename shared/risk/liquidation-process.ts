import type { Venue } from '../domain/venue';

/** Where each venue states how it liquidates (step by step or all at once). */
export const liquidationProcessSources = {
  binance: 'https://www.binance.com/en/support/faq/liquidation-protocols-360033525271',
  bybit: 'https://help.bybit.com/hc/en-us/articles/900000167723-Liquidation-Process-USDT-Contract-',
  okx: 'https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules',
  hyperliquid: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
} as const;

/**
 * How a venue closes a position once it is liquidatable (docs/research/liquidation-formulas.md §9):
 *
 * - `to-lower-tier`: a position above the lowest tier is first cut by the value between its notional
 *   and the highest lower tier whose requirement it then meets (Bybit's FillOrKill order); in the
 *   lowest tier it is closed whole at the bankruptcy price.
 * - `two-tiers-down`: from `fromTier` (0-based) up, enough contracts are closed to drop two tiers,
 *   then the rest is checked again (OKX); below it, all at once.
 * - `share-above-notional`: above `notionalAbove` (USDC) only `share` of the position is sent first,
 *   then the rest after a cooldown if still liquidatable (Hyperliquid).
 * - `unpublished-partial`: the venue reduces with one order first but publishes no size (Binance):
 *   LiqLens cannot list the steps and says so.
 */
export type LiquidationProcess =
  | { readonly kind: 'to-lower-tier' }
  | { readonly kind: 'two-tiers-down'; readonly fromTier: number }
  | { readonly kind: 'share-above-notional'; readonly notionalAbove: number; readonly share: number }
  | { readonly kind: 'unpublished-partial' };

/** A venue's liquidation process and what happens to the margin left when it is done. */
export interface VenueLiquidation {
  readonly process: LiquidationProcess;
  /**
   * True when the margin left after a market liquidation stays with the trader (Hyperliquid: "any
   * remaining collateral is returned"); false when the venue's insurance fund takes it (Binance,
   * Bybit, OKX close at the bankruptcy price and keep the rest).
   */
  readonly remainingMarginReturned: boolean;
  /** The rule in one line, with its source, for the what-if and the shock test. */
  readonly rule: string;
}

/** Per venue: how it liquidates (sources in `liquidationProcessSources`). */
export const venueLiquidation: Readonly<Record<Venue, VenueLiquidation>> = {
  'binance-usdm': {
    process: { kind: 'unpublished-partial' },
    remainingMarginReturned: false,
    rule: 'Binance first tries one reduce order without closing the whole position, but does not publish its size; what it cannot save closes at the bankruptcy price (Liquidation Protocols FAQ)',
  },
  'binance-coinm': {
    process: { kind: 'unpublished-partial' },
    remainingMarginReturned: false,
    rule: 'Binance first tries one reduce order without closing the whole position, but does not publish its size; what it cannot save closes at the bankruptcy price (Liquidation Protocols FAQ)',
  },
  'bybit-linear': {
    process: { kind: 'to-lower-tier' },
    remainingMarginReturned: false,
    rule: 'Bybit cuts a position above its lowest risk-limit tier down to the lower tier whose margin it meets; in the lowest tier it closes all at once (Liquidation Process, USDT Contract)',
  },
  'okx-swap': {
    process: { kind: 'two-tiers-down', fromTier: 2 },
    remainingMarginReturned: false,
    rule: 'OKX partially liquidates a position in tier 3 or above by enough contracts to drop two tiers, then checks again; tiers 1 and 2 close all at once (tiered maintenance margin rules)',
  },
  hyperliquid: {
    process: { kind: 'share-above-notional', notionalAbove: 100_000, share: 0.2 },
    remainingMarginReturned: true,
    rule: 'Hyperliquid sends only 20 % of a position above 100,000 USDC first and the rest after a 30 s cooldown if still liquidatable; smaller positions close all at once (Liquidations)',
  },
};
