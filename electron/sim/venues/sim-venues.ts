import type { AccountModeId } from '../../../shared/domain/account-mode';
import type { SimAccount, SimAccountMode, SimAccountModes, SimVenue } from '../market/types';
import { binanceVenue } from './binance/venue';
import { bybitVenue } from './bybit/venue';
import { hyperliquidVenue } from './hyperliquid/venue';
import { okxVenue } from './okx/venue';
import type { SimModeRules, SimVenueModule } from './venue-module';

/**
 * Every simulated venue's module (`<venue>/venue.ts`). The one table a new venue must join: `tsc`
 * names the missing entry, and everything per venue (server, keys, margin tables, faults) follows.
 */
export const simVenues: { readonly [V in SimVenue]: SimVenueModule<V> } = {
  'binance-usdm': binanceVenue,
  'bybit-linear': bybitVenue,
  'okx-swap': okxVenue,
  hyperliquid: hyperliquidVenue,
};

/** A record with `pick(venue)` for every simulated venue, in `simVenues` order. */
export function forEveryVenue<T>(pick: (venue: SimVenue) => T): Record<SimVenue, T> {
  const out: Partial<Record<SimVenue, T>> = {};
  for (const venue of Object.keys(simVenues) as SimVenue[]) out[venue] = pick(venue);
  return out as Record<SimVenue, T>;
}

/** How `venue` margins an account in `mode`, or undefined when the venue has no such mode. */
export function modeRulesOf(venue: SimVenue, mode: SimAccountMode): SimModeRules | undefined {
  const modes: Readonly<Partial<Record<SimAccountMode, SimModeRules>>> = simVenues[venue].modes;
  return modes[mode];
}

/** The mode names `venue` offers. */
export function modesOf<V extends SimVenue>(venue: V): SimAccountModes[V][] {
  return Object.keys(simVenues[venue].modes) as SimAccountModes[V][];
}

/**
 * The app's account-mode id for a simulated account (its mode, else the venue's default for its
 * positions): what the core should read from the venue's payloads.
 */
export function accountModeIdOf(account: SimAccount): AccountModeId {
  const module = simVenues[account.venue];
  const ids: Readonly<Partial<Record<SimAccountMode, AccountModeId>>> = module.accountModeIds;
  const mode = account.mode ?? module.defaultMode(account.positions.map((p) => p.marginMode));
  const id = ids[mode];
  if (id === undefined) throw new Error(`${account.venue} has no account mode "${mode}"`);
  return id;
}
