import type { SimAccount, SimAccountModes } from '../../market/types';
import { decimalText } from '../common/decimal-text';
import { simVenues } from '../sim-venues';

/** The unified account's margin mode (docs/research/venue-payloads.md §3): the account's, else the one its positions imply. */
export function bybitMode(account: SimAccount | undefined): SimAccountModes['bybit-linear'] {
  const mode = account?.mode;
  if (mode === 'isolated' || mode === 'cross' || mode === 'portfolio') return mode;
  return simVenues['bybit-linear'].defaultMode((account?.positions ?? []).map((p) => p.marginMode));
}

/** `marginMode` of `GET /v5/account/info` for each unified-account mode. */
export const bybitMarginModeNames: Readonly<Record<SimAccountModes['bybit-linear'], string>> = {
  isolated: 'ISOLATED_MARGIN',
  cross: 'REGULAR_MARGIN',
  portfolio: 'PORTFOLIO_MARGIN',
};

/**
 * `GET /v5/account/collateral-info` rows: every coin Bybit counts as collateral, with the
 * simulator's collateral value ratio, switched on, nothing borrowed.
 */
export function collateralInfoRows(wanted: string | null): Record<string, unknown>[] {
  return Object.entries(simVenues['bybit-linear'].collateralRatios)
    .filter(([coin]) => wanted === null || coin === wanted)
    .map(([currency, ratio]) => ({
      currency,
      hourlyBorrowRate: '0.0000015',
      maxBorrowingAmount: '0',
      freeBorrowingLimit: '0',
      freeBorrowAmount: '0',
      borrowAmount: '0',
      otherBorrowAmount: '0',
      availableToBorrow: '0',
      borrowable: false,
      borrowUsageRate: '0',
      marginCollateral: true,
      collateralSwitch: true,
      collateralRatio: decimalText(ratio, 4),
    }));
}

/**
 * `GET /v5/spot-margin-trade/collateral` (public, "Get Tiered Collateral Ratio") rows: per
 * `currency` its `collateralRatioList` of quantity bands (`minQty`, `maxQty` in coin units, "" =
 * no upper limit) with their `collateralRatio`. The simulator's ratios are flat, so each coin has
 * one band from 0 without limit (docs/research/venue-payloads.md §3).
 */
export function tieredCollateralRows(wanted: string | null): Record<string, unknown>[] {
  return Object.entries(simVenues['bybit-linear'].collateralRatios)
    .filter(([coin]) => wanted === null || coin === wanted)
    .map(([currency, ratio]) => ({
      currency,
      collateralRatioList: [{ minQty: '0', maxQty: '', collateralRatio: decimalText(ratio, 4) }],
    }));
}
