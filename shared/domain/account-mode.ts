import { z } from 'zod';
import type { Venue } from './venue';

/**
 * The account modes LiqLens knows: how a venue margins a whole account. The mode decides whether
 * LiqLens can recompute the venue's liquidation price, which account gauge the venue publishes, and
 * whether the what-if is exact, a labelled approximation, or off. `manual` is an account whose
 * positions were typed in: LiqLens's own figures are the only ones.
 *
 * OKX account levels: 1 spot, 2 futures (single-currency margin), 3 multi-currency, 4 portfolio.
 * Hyperliquid's `userAbstraction`: `disabled` is standard, `unifiedAccount`, `portfolioMargin`.
 */
export const accountModeIds = [
  'binance-single-asset',
  'binance-multi-assets',
  'binance-portfolio',
  'bybit-unified-isolated',
  'bybit-unified-cross',
  'bybit-portfolio',
  'okx-spot',
  'okx-futures',
  'okx-multi-currency',
  'okx-portfolio',
  'hyperliquid-standard',
  'hyperliquid-unified',
  'hyperliquid-portfolio',
  'manual',
] as const;

/** One account mode, e.g. `bybit-unified-cross`. */
export type AccountModeId = (typeof accountModeIds)[number];

/**
 * How LiqLens treats a position's liquidation price in a mode:
 * - `exact`: LiqLens recomputes it from the venue's documented formula (the self-check compares);
 * - `venue`: the venue's own figure is shown; LiqLens cannot recompute it in this mode;
 * - `none`: the venue gives none in this mode, so no line is drawn.
 */
export type LiquidationPriceKind = 'exact' | 'venue' | 'none';

/**
 * What the what-if does in a mode: exact (the venue's formula), a named approximation shown as such
 * on screen, or off with the reason.
 */
export type WhatIfSupport =
  | { readonly kind: 'exact' }
  | { readonly kind: 'approximate'; readonly approximation: string }
  | { readonly kind: 'off'; readonly reason: string };

/** The venue's own account-level gauge: Binance PM `uniMMR`, Bybit `accountMMRate`, OKX `mgnRatio`, … */
export type AccountGaugeName = 'accountMarginRatio' | 'uniMMR' | 'accountMMRate' | 'mgnRatio';

/**
 * Which side of `liquidationLevel` liquidates: `at-or-above` (a maintenance / equity rate, Bybit
 * `accountMMRate` at 1) or `at-or-below` (an equity / maintenance rate, Binance `uniMMR` at 1.05,
 * OKX `mgnRatio` at 1).
 */
export type GaugeDirection = 'at-or-above' | 'at-or-below';

/** A gauge's definition: what a mode publishes, before a value is read. */
export interface AccountGaugeDefinition {
  readonly name: AccountGaugeName;
  /** The level at which the venue liquidates, as a plain ratio (1 = 100 %). */
  readonly liquidationLevel: number;
  readonly direction: GaugeDirection;
  /** One line for the panel, e.g. "Binance uniMMR: adjusted equity / maintenance; liquidation at or below 1.05". */
  readonly definition: string;
}

/** The venue's account gauge as read: its definition and the value the venue reported. */
export interface AccountGauge extends AccountGaugeDefinition {
  /** The venue's figure, as a plain ratio (the venue's percentages divided by 100). */
  readonly value: number;
}

/** One mode's entry in the registry. */
export interface AccountModeFacts {
  /** The venues the mode exists on; `manual` exists on every venue. */
  readonly venues: readonly Venue[];
  /** What the account header shows after the venue's short name, e.g. "unified · cross". */
  readonly label: string;
  readonly liquidationPrice: LiquidationPriceKind;
  /**
   * The words shown (and `computedNote` in `liqlens positions --json`) when LiqLens does not
   * recompute the liquidation price; null when it does.
   */
  readonly liquidationNote: string | null;
  readonly whatIf: WhatIfSupport;
  /** The account gauge the venue publishes in this mode, or null when it publishes none. */
  readonly gauge: AccountGaugeDefinition | null;
}

const usdm: readonly Venue[] = ['binance-usdm'];
const binance: readonly Venue[] = ['binance-usdm', 'binance-coinm'];
const bybit: readonly Venue[] = ['bybit-linear'];
const okx: readonly Venue[] = ['okx-swap'];
const hyperliquid: readonly Venue[] = ['hyperliquid'];

const exactWhatIf: WhatIfSupport = { kind: 'exact' };

const bybitAccountMmRate: AccountGaugeDefinition = {
  name: 'accountMMRate',
  liquidationLevel: 1,
  direction: 'at-or-above',
  definition: 'Bybit accountMMRate: maintenance margin / margin balance; liquidation at or above 100 %',
};

const okxAccountMgnRatio: AccountGaugeDefinition = {
  name: 'mgnRatio',
  liquidationLevel: 1,
  direction: 'at-or-below',
  definition:
    'OKX account mgnRatio (USD): adjusted equity / (maintenance margin + fees); liquidation at or below 100 %',
};

/**
 * Every account mode. Typed `Record<AccountModeId, …>` so a new mode makes `tsc` ask for its entry.
 * Which modes LiqLens can recompute, and why the others not, is argued in docs/research/account-modes.md.
 */
export const accountModes: Readonly<Record<AccountModeId, AccountModeFacts>> = {
  'binance-single-asset': {
    venues: binance,
    label: 'single-asset',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
  'binance-multi-assets': {
    venues: usdm,
    label: 'multi-assets',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: {
      name: 'accountMarginRatio',
      liquidationLevel: 1,
      direction: 'at-or-above',
      definition: 'Binance account margin ratio (USD): maintenance margin / account equity; liquidation at 100 %',
    },
  },
  'binance-portfolio': {
    venues: binance,
    label: 'portfolio margin',
    liquidationPrice: 'venue',
    liquidationNote:
      "venue's figure; LiqLens cannot recompute it in this mode (portfolio margin liquidates on the account's uniMMR, with collateral ratios across spot, margin and futures)",
    whatIf: {
      kind: 'off',
      reason: "portfolio margin weighs every wallet's collateral at rates Binance changes by announcement; no what-if",
    },
    gauge: {
      name: 'uniMMR',
      liquidationLevel: 1.05,
      direction: 'at-or-below',
      definition: 'Binance uniMMR: adjusted equity / unified maintenance margin; liquidation at or below 105 %',
    },
  },
  'bybit-unified-isolated': {
    venues: bybit,
    label: 'unified · isolated',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
  'bybit-unified-cross': {
    venues: bybit,
    label: 'unified · cross',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: bybitAccountMmRate,
  },
  'bybit-portfolio': {
    venues: bybit,
    label: 'unified · portfolio margin',
    liquidationPrice: 'none',
    liquidationNote:
      'Bybit gives no liquidation price in portfolio margin: it liquidates on the account maintenance rate from stress tests',
    whatIf: {
      kind: 'off',
      reason: "portfolio margin is set by Bybit's stress-test scenarios, which LiqLens cannot reproduce; no what-if",
    },
    gauge: bybitAccountMmRate,
  },
  'okx-spot': {
    venues: okx,
    label: 'spot mode',
    liquidationPrice: 'none',
    liquidationNote: 'OKX spot mode holds no perpetual positions',
    whatIf: { kind: 'off', reason: 'OKX spot mode holds no perpetual positions; no what-if' },
    gauge: null,
  },
  'okx-futures': {
    venues: okx,
    label: 'futures mode',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
  'okx-multi-currency': {
    venues: okx,
    label: 'multi-currency margin',
    liquidationPrice: 'venue',
    liquidationNote:
      "venue's figure; LiqLens cannot recompute it in this mode (multi-currency margin discounts each currency by tiers OKX does not publish per account)",
    whatIf: {
      kind: 'approximate',
      approximation: "cross positions against OKX's adjusted equity in USD, discounts held at today's rates",
    },
    gauge: okxAccountMgnRatio,
  },
  'okx-portfolio': {
    venues: okx,
    label: 'portfolio margin',
    liquidationPrice: 'venue',
    liquidationNote:
      "venue's figure; LiqLens cannot recompute it in this mode (portfolio margin is OKX's scenario stress test)",
    whatIf: {
      kind: 'off',
      reason: "portfolio margin is set by OKX's scenario stress tests, which LiqLens cannot reproduce; no what-if",
    },
    gauge: okxAccountMgnRatio,
  },
  'hyperliquid-standard': {
    venues: hyperliquid,
    label: 'standard',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
  'hyperliquid-unified': {
    venues: hyperliquid,
    label: 'unified',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
  'hyperliquid-portfolio': {
    venues: hyperliquid,
    label: 'portfolio margin',
    liquidationPrice: 'venue',
    liquidationNote:
      "venue's figure; LiqLens cannot recompute it in this mode (Hyperliquid does not document portfolio margin's formula)",
    whatIf: { kind: 'off', reason: "Hyperliquid's portfolio margin formula is not documented; no what-if" },
    gauge: null,
  },
  manual: {
    venues: ['binance-usdm', 'binance-coinm', 'bybit-linear', 'okx-swap', 'hyperliquid'],
    label: 'manual',
    liquidationPrice: 'exact',
    liquidationNote: null,
    whatIf: exactWhatIf,
    gauge: null,
  },
};

/**
 * The mode an account is in when nothing says otherwise: the venue's classic mode, the one the
 * engine computed before modes were read (Binance single-asset; Bybit unified cross, its default;
 * OKX futures mode; Hyperliquid standard).
 */
export const defaultAccountMode: Readonly<Record<Venue, AccountModeId>> = {
  'binance-usdm': 'binance-single-asset',
  'binance-coinm': 'binance-single-asset',
  'bybit-linear': 'bybit-unified-cross',
  'okx-swap': 'okx-futures',
  hyperliquid: 'hyperliquid-standard',
};

/** The facts of one mode. */
export function accountModeFacts(mode: AccountModeId): AccountModeFacts {
  return accountModes[mode];
}

/** The account header's mode part, e.g. "unified · cross" (the venue's short name goes before it). */
export function accountModeLabel(mode: AccountModeId): string {
  return accountModes[mode].label;
}

/**
 * The venue's gauge on LiqLens's margin-ratio scale, where 1 is liquidation (the scale the alerts
 * and the gauges on screen use): a maintenance / equity rate divided by its liquidation level
 * (Bybit `accountMMRate` 4.75 % at 100 % -> 0.0475), or the level divided by an equity / maintenance
 * rate (Binance `uniMMR` 3 at 1.05 -> 0.35; OKX `mgnRatio` 4 at 1 -> 0.25). Only a rescaling of the
 * venue's own figure, for the modes where LiqLens cannot recompute its own. Null for a rate of 0 or
 * less on the equity side (no equity left to divide by: the venue liquidates).
 */
export function gaugeMarginRatio(gauge: AccountGauge): number | null {
  if (gauge.direction === 'at-or-above') return gauge.value / gauge.liquidationLevel;
  return gauge.value > 0 ? gauge.liquidationLevel / gauge.value : null;
}

/**
 * What each gauge measures, in words a trader reads before the venue's own field name: alerts and the
 * account header name the measure this way ("account maintenance margin rate (accountMMRate)").
 */
export const gaugeTitles: Readonly<Record<AccountGaugeName, string>> = {
  accountMarginRatio: 'account margin ratio',
  uniMMR: 'unified maintenance margin ratio',
  accountMMRate: 'account maintenance margin rate',
  mgnRatio: 'account margin ratio',
};

/**
 * A value on LiqLens's margin-ratio scale (1 = liquidation, see `gaugeMarginRatio`) back on the
 * gauge's own scale, as the venue shows it: a rate's fraction (Bybit `accountMMRate` 0.72 for 72 %),
 * or an equity / maintenance figure (`uniMMR` 1.5 for a ratio of 0.7 at level 1.05). Null for a
 * ratio of 0 or less on the equity side (nothing to divide by).
 */
export function gaugeValueOf(gauge: AccountGaugeDefinition, marginRatio: number): number | null {
  if (gauge.direction === 'at-or-above') return marginRatio * gauge.liquidationLevel;
  return marginRatio > 0 ? gauge.liquidationLevel / marginRatio : null;
}

/** Parses an account mode id (settings, the `risk` input, the contract). */
export const AccountModeSchema = z.enum(accountModeIds);
