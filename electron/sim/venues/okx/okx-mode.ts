import type { SimAccount, SimAccountModes } from '../../market/types';

/**
 * OKX's `acctLv` for each account mode (docs/research/venue-payloads.md §4): 1 spot, 2 futures,
 * 3 multi-currency margin, 4 portfolio margin.
 */
export const okxAccountLevels: Readonly<Record<SimAccountModes['okx-swap'], 1 | 2 | 3 | 4>> = {
  spot: 1,
  futures: 2,
  'multi-currency': 3,
  portfolio: 4,
};

/** The account's level: its mode's, else futures mode (2), where every simulated account used to run. */
export function okxAccountLevel(account: SimAccount): 1 | 2 | 3 | 4 {
  const mode = account.mode;
  return mode === 'spot' || mode === 'futures' || mode === 'multi-currency' || mode === 'portfolio'
    ? okxAccountLevels[mode]
    : 2;
}

/** Levels 3 and 4 margin the whole account in USD across currencies. */
export function isAccountLevelMargin(account: SimAccount): boolean {
  return okxAccountLevel(account) >= 3;
}
