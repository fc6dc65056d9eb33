import type { MarginMode } from '../domain/margin-mode';
import { venueRegistry, type Venue } from '../domain/venue';

/** Where the formulas of each venue come from (the engine cites these in its JSDoc). */
export const sources = {
  binanceUsdmLiquidation:
    'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
  binanceCoinmLiquidation:
    'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-coin-m-futures-contracts-ceccfcfb4e3a45e3b48b0b1bb1a8ae46',
  binanceMarginRatio: 'https://www.binance.com/en/support/faq/liquidation-protocols-360033525271',
  binanceAdjustMargin:
    'https://www.binance.com/en/support/faq/how-to-adjust-margin-balance-in-isolated-margin-mode-360038447311',
  binanceLeverageLowering: 'https://docs.traderwagon.com/faq/futures-trading-introduction/leverage-and-margin',
  bybitLiquidation: 'https://www.bybit.com/en/help-center/article/Liquidation-Price-USDT-Contract',
  bybitAdjustMargin: 'https://help.bybit.com/hc/en-us/articles/900000294083-Adjust-Margin-on-position-USDT-Contract-',
  bybitUtaRules: 'https://www.bybit.com/en/help-center/article/UTA-Trading-Rules',
  bybitNewMarginCalculation:
    'https://www.bybit.com/en/help-center/article/Understanding-the-Adjustment-and-Impact-of-the-New-Margin-Calculation',
  okxTieredMaintenance: 'https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules',
  hyperliquidLiquidations: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
  hyperliquidMarginTiers: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers',
} as const;

/**
 * How a venue computes maintenance and liquidation, as data (the formulas themselves are generic).
 */
export interface VenueRules {
  /** `linear`: PnL = size × (price − entry) in the quote; `inverse`: PnL in the coin, face × (1/entry − 1/price). */
  readonly contractKind: 'linear' | 'inverse';
  /** `notional`: tier chosen by the notional at the price being tested; `contracts`: by contract count (OKX). */
  readonly tierBasis: 'notional' | 'contracts';
  /** Bybit's classic isolated formula fixes maintenance margin at the entry value (tier at entry). */
  readonly isolatedRequirementAtEntry: boolean;
  /** Margin modes whose liquidation requirement adds the taker fee to close at the tested price. */
  readonly closingFeeModes: readonly MarginMode[];
  /** The venue's own margin-ratio convention. */
  readonly venueRatio: 'maintenance-over-equity' | 'equity-over-requirement';
  /** Human-readable definition of `venueMarginRatio`. */
  readonly venueRatioDefinition: string;
  /** Whether the venue offers hedge mode. */
  readonly hedgeMode: boolean;
  /** Whether lowering the leverage of an open isolated position is refused. */
  readonly refusesIsolatedLeverageLowering: boolean;
  /** Whether changing an isolated position's leverage resets its margin to entry notional / leverage. */
  readonly leverageResetsIsolatedMargin: boolean;
  /** Whether removable isolated margin is limited to what exceeds the entry initial margin (Bybit). */
  readonly removableAboveEntryMargin: boolean;
  /** Hours between funding settlements when the input does not say (Hyperliquid: hourly). */
  readonly fundingIntervalHours: number;
  /** Funding of an isolated position is paid from the wallet while it suffices (Bybit), else from its margin. */
  readonly isolatedFundingFromWalletFirst: boolean;
}

/** The rules the venue registry states (contract kind, hedge mode), so they are written once. */
function registryFacts(venue: Venue): Pick<VenueRules, 'contractKind' | 'hedgeMode'> {
  const facts = venueRegistry[venue];
  return { contractKind: facts.contract, hedgeMode: facts.capabilities.hedgeMode };
}

const maintenanceOverEquity =
  'maintenance margin / margin balance (wallet or isolated margin plus unrealized PnL); liquidation at >= 1';

/**
 * Per-venue rules. Sources: Binance USDS-M and COIN-M FAQs (no fee term, bracket at the liquidation
 * notional, leverage not in the formula); Bybit classic isolated formula (MM at entry value) and the
 * 2025 mark-price cross margin (fee to close in MM); OKX margin ratio equity / (MM + fee), tiers by
 * contracts; Hyperliquid maintenance by `hyperliquidMaintenanceRate` (tiers.ts). URLs in `sources`.
 */
export const venueRules: Readonly<Record<Venue, VenueRules>> = {
  'binance-usdm': {
    ...registryFacts('binance-usdm'),
    tierBasis: 'notional',
    isolatedRequirementAtEntry: false,
    closingFeeModes: [],
    venueRatio: 'maintenance-over-equity',
    venueRatioDefinition: `Binance: ${maintenanceOverEquity}`,
    refusesIsolatedLeverageLowering: true,
    leverageResetsIsolatedMargin: false,
    removableAboveEntryMargin: false,
    fundingIntervalHours: 8,
    isolatedFundingFromWalletFirst: false,
  },
  'binance-coinm': {
    ...registryFacts('binance-coinm'),
    tierBasis: 'notional',
    isolatedRequirementAtEntry: false,
    closingFeeModes: [],
    venueRatio: 'maintenance-over-equity',
    venueRatioDefinition: `Binance COIN-M (in the coin): ${maintenanceOverEquity}`,
    refusesIsolatedLeverageLowering: true,
    leverageResetsIsolatedMargin: false,
    removableAboveEntryMargin: false,
    fundingIntervalHours: 8,
    isolatedFundingFromWalletFirst: false,
  },
  'bybit-linear': {
    ...registryFacts('bybit-linear'),
    tierBasis: 'notional',
    isolatedRequirementAtEntry: true,
    closingFeeModes: ['cross'],
    venueRatio: 'maintenance-over-equity',
    venueRatioDefinition:
      'Bybit accountMMRate: total maintenance margin (cross: incl. fee to close) / total margin balance; liquidation at >= 1',
    refusesIsolatedLeverageLowering: false,
    leverageResetsIsolatedMargin: true,
    removableAboveEntryMargin: true,
    fundingIntervalHours: 8,
    isolatedFundingFromWalletFirst: true,
  },
  'okx-swap': {
    ...registryFacts('okx-swap'),
    tierBasis: 'contracts',
    isolatedRequirementAtEntry: false,
    closingFeeModes: ['isolated', 'cross'],
    venueRatio: 'equity-over-requirement',
    venueRatioDefinition: 'OKX mgnRatio: equity / (maintenance margin + fee to close); liquidation at <= 1 (inverted)',
    refusesIsolatedLeverageLowering: false,
    leverageResetsIsolatedMargin: true,
    removableAboveEntryMargin: false,
    fundingIntervalHours: 8,
    isolatedFundingFromWalletFirst: false,
  },
  hyperliquid: {
    ...registryFacts('hyperliquid'),
    tierBasis: 'notional',
    isolatedRequirementAtEntry: false,
    closingFeeModes: [],
    venueRatio: 'maintenance-over-equity',
    venueRatioDefinition:
      'Hyperliquid (app-defined): maintenance margin / account value (cross) or isolated value; liquidation at >= 1',
    refusesIsolatedLeverageLowering: true,
    leverageResetsIsolatedMargin: false,
    removableAboveEntryMargin: false,
    fundingIntervalHours: 1,
    isolatedFundingFromWalletFirst: false,
  },
};
