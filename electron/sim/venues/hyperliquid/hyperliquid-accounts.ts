import type { SimAccount, SimMarket } from '../../market/types';
import type { SimKeyRing } from '../../server/sim-keys';

/** A Hyperliquid user address: 0x and 40 hex digits. */
const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/** Whether `text` is a well-formed user address (the venue rejects anything else with 422). */
export function isUserAddress(text: unknown): text is string {
  return typeof text === 'string' && addressPattern.test(text);
}

/**
 * The simulated account behind a public address. Hyperliquid reads accounts by address, with no
 * key. Looked up, in order: a `SimKey` of venue 'hyperliquid' whose `apiKey` holds the address
 * (its `accountId` names the account); a Hyperliquid account whose `address` (or, failing that,
 * whose `id`) is the address. Case is ignored, as addresses are hex. Returns undefined for an
 * address nobody holds (the venue then answers an empty state).
 */
export function accountByAddress(market: SimMarket, keys: SimKeyRing, address: string): SimAccount | undefined {
  const wanted = address.toLowerCase();
  const key = keys.all().find((k) => k.venue === 'hyperliquid' && k.apiKey.toLowerCase() === wanted);
  if (key) return market.account(key.accountId);
  const own = market.accounts().filter((account) => account.venue === 'hyperliquid');
  return (
    own.find((account) => account.address?.toLowerCase() === wanted) ??
    own.find((account) => account.id.toLowerCase() === wanted)
  );
}
