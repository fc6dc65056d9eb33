import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text } from '../raw';
import type { RawCall } from './mode-source';

/**
 * The USD value of a unified account's spot tokens other than USDC (docs/research/account-modes.md
 * §4): each `spotClearinghouseState` balance row (`coin`, `token` index, `total`) valued at the mid
 * price of its pair against USDC (token index 0) from `{"type":"spotMetaAndAssetCtxs"}` (`universe`
 * `tokens` [base, quote] and the context at the pair's `index`; `midPx`, else `markPx`). These tokens
 * are part of the account's value but do not back the perpetuals in unified mode, where each quote
 * token backs the positions settled in it. 0 without such tokens (the prices are then not asked).
 * Throws a `GatewayError` when a held token has no USDC pair or price: its value would be a guess.
 */
export async function otherSpotTokensUsd(raw: RawCall, balances: readonly unknown[]): Promise<number> {
  const held = balances.map(rowOf).filter((row) => text(row['coin']) !== 'USDC' && (num(row['total']) ?? 0) !== 0);
  if (held.length === 0) return 0;
  const answer = listOf(await raw('publicPostInfo', { type: 'spotMetaAndAssetCtxs' }));
  const universe = listOf(rowOf(answer[0])['universe']).map(rowOf);
  const contexts = listOf(answer[1]).map(rowOf);
  let usd = 0;
  for (const row of held) {
    const token = num(row['token']);
    const pair = universe.find((entry) => {
      const tokens = listOf(entry['tokens']);
      return num(tokens[0]) === token && num(tokens[1]) === 0;
    });
    const context = pair === undefined ? undefined : contexts[num(pair['index']) ?? -1];
    const price = context === undefined ? null : (num(context['midPx']) ?? num(context['markPx']));
    if (price === null || !(price > 0))
      throw new GatewayError('exchange', `Hyperliquid gives no USDC price for the ${text(row['coin'])} spot token.`);
    usd += (num(row['total']) ?? 0) * price;
  }
  return usd;
}
