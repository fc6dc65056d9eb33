import type { AccountModeId } from '../../../../shared/domain/account-mode';
import { coinRow, listOf, num, rowOf, text } from '../raw';
import { otherSpotTokensUsd } from './hyperliquid-spot';
import type { ModeSource } from './mode-source';

/** `userAbstraction` answers (docs/research/account-modes.md §4); `default` and `dexAbstraction` margin as standard. */
const byAbstraction: Readonly<Record<string, AccountModeId>> = {
  unifiedAccount: 'hyperliquid-unified',
  portfolioMargin: 'hyperliquid-portfolio',
};

/**
 * Hyperliquid account abstraction: `{"type":"userAbstraction"}`. Unified and portfolio accounts keep
 * every balance in the spot clearinghouse: its USDC `total` backs the positions (the perp state's account
 * value is not meaningful then); a unified account's other spot tokens add their USD value to its
 * equity (hyperliquid-spot.ts). No account gauge and no published ADL rank.
 */
export const hyperliquidModes: ModeSource = {
  async detect(raw, user) {
    const answer = await raw('publicPostInfo', { type: 'userAbstraction', user });
    // The venue answers a JSON string; ccxt hands its text over with the quotes.
    const mode = byAbstraction[text(answer).replace(/"/g, '')] ?? 'hyperliquid-standard';
    // ccxt reads the balance from spot when told the account is unified; it would otherwise cache its
    // own first reading and miss a mode changed later.
    const options = { enableUnifiedMargin: mode !== 'hyperliquid-standard' };
    if (mode !== 'hyperliquid-unified') return { mode, options, answer, spotQuoteTotal: null };
    const spot = await raw('publicPostInfo', { type: 'spotClearinghouseState', user });
    const balances = listOf(rowOf(spot)['balances']);
    const usdc = num(coinRow(balances, 'coin', ['USDC'])['total']);
    return { mode, options, answer, spotQuoteTotal: usdc, otherSpotUsd: await otherSpotTokensUsd(raw, balances) };
  },
  gauge: () => null,
  adlScale: null,
  collateral: null,
  adlEndpoint: null,
};
