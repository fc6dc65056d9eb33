import type { Venue } from '../../shared/domain/venue';
import { demoSource } from '../../shared/domain/market-source';
import type { ResolveSource } from '../../electron/core/market/venue-access';
import type { AccountAdd } from '../../shared/ipc/contract';
import type { SimAccount, SimScenarioName, SimVenue } from '../../electron/sim/market/types';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { createGateway, type ExchangeGateway, type GatewayConfig } from '../../electron/core/exchange/gateway';

/** The four venues the simulator speaks, in test order. */
export const simVenues: readonly SimVenue[] = ['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid'];

/** Every simulator scenario. */
export const scenarios: readonly SimScenarioName[] = ['calm', 'long-squeeze-crash', 'short-squeeze', 'chop'];

/** The simulator's (first) account on a venue. */
export function accountOn(sim: Simulator, venue: SimVenue): SimAccount {
  const account = sim.market.accounts().find((candidate) => candidate.venue === venue);
  if (account === undefined) throw new Error(`no simulated account on ${venue}`);
  return account;
}

/**
 * Where the market service reads the Demo source of a running simulator, as create-core resolves
 * it: the venue's base URL, and for Binance (which serves tiers only to keys) the Demo account's
 * read-only key. Any other source is read by no account (null).
 */
export function demoSourceAccess(running: Simulator): ResolveSource {
  return ({ venue, source }) => {
    if (source !== demoSource) return null;
    const credentials = venue === 'binance-usdm' ? credentialsFor(running, venue) : null;
    return {
      baseUrl: running.baseUrl(venue),
      ...(credentials !== null && 'apiKey' in credentials ? { credentials } : {}),
    };
  };
}

/** Credentials of an account's key of the given kind (Hyperliquid: its public address). */
export function credentialsFor(
  sim: Simulator,
  venue: SimVenue,
  kind: 'readonly' | 'trade' | 'withdraw' = 'readonly',
): GatewayConfig['credentials'] {
  const account = accountOn(sim, venue);
  if (venue === 'hyperliquid') return { address: account.address ?? account.id };
  const key = sim.keys.find(
    (k) =>
      k.venue === venue &&
      k.accountId === account.id &&
      k.permissions.trade === (kind !== 'readonly') &&
      k.permissions.withdraw === (kind === 'withdraw'),
  );
  if (key === undefined) throw new Error(`no ${kind} key on ${venue}`);
  return {
    apiKey: key.apiKey,
    secret: key.secret,
    ...(key.passphrase === undefined ? {} : { password: key.passphrase }),
  };
}

/**
 * What a user enters to add the simulator's account on a venue, as the accounts service takes it:
 * the read-only key (with OKX's passphrase), or Hyperliquid's public address.
 */
export function accountInput(sim: Simulator, venue: SimVenue, label = 'Main'): AccountAdd {
  const baseUrl = sim.baseUrl(venue);
  const credentials = credentialsFor(sim, venue);
  if (credentials === null) throw new Error(`no credentials on ${venue}`);
  if ('address' in credentials) {
    if (venue !== 'hyperliquid') throw new Error(`${venue} reads accounts by key, not by address`);
    return { kind: 'address', venue, label, address: credentials.address, baseUrl };
  }
  if (venue === 'hyperliquid') throw new Error('Hyperliquid reads accounts by address, not by key');
  return {
    kind: 'api-key',
    venue,
    label,
    apiKey: credentials.apiKey,
    apiSecret: credentials.secret,
    ...(credentials.password === undefined ? {} : { passphrase: credentials.password }),
    baseUrl,
  };
}

/** Starts a simulator whose time the test drives (`speed: 0`). */
export function startTestSimulator(scenario: SimScenarioName = 'calm', seed = 7): Promise<Simulator> {
  return startSimulator({ seed, scenario, speed: 0, port: 0 });
}

/** A gateway on the simulator's venue, read-only key unless told. */
export function simGateway(
  sim: Simulator,
  venue: Venue & SimVenue,
  credentials: GatewayConfig['credentials'] = credentialsFor(sim, venue),
): ExchangeGateway {
  return createGateway({ venue, baseUrl: sim.baseUrl(venue), credentials, timeoutMs: 5000 });
}

/** The venue symbol of a simulator instrument (`BTCUSDT` → `BTC-USDT-SWAP` on OKX, `BTC` on Hyperliquid). */
export function venueSymbol(venue: SimVenue, simSymbol: string): string {
  const base = simSymbol.replace(/USDT$/, '');
  if (venue === 'okx-swap') return `${base}-USDT-SWAP`;
  if (venue === 'hyperliquid') return base;
  return simSymbol;
}

/** Resolves when `condition` holds, advancing the market by `stepMs` every 10 ms of real time; rejects after `maxSteps`. */
export async function driveUntil(
  sim: Simulator,
  condition: () => boolean,
  stepMs: number,
  maxSteps = 2000,
): Promise<void> {
  for (let step = 0; step < maxSteps; step++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (condition()) return;
    sim.market.advance(stepMs);
  }
  throw new Error(`condition not met after ${maxSteps} steps of ${stepMs} ms`);
}
