import type { SimAccount, SimInstrument, SimVenueRules } from '../../../market/types';
import { createSimKeyRing, type SimKey } from '../../../server/sim-keys';
import { startSimServer, type SimServer } from '../../../server/sim-server';
import type { VenueRouteFactory } from '../../../server/venue-route';
import { createFixtureMarket } from '../../../testing/fixture-market';
import { forEveryVenue, simVenues } from '../../sim-venues';

/** OKX's rules for the fixture's BTCUSDT: 0.01 BTC per contract, tiers by contract count. */
export const okxTestRules: SimVenueRules = {
  venue: 'okx-swap',
  contractValue: 0.01,
  takerFeeRate: 0.0005,
  tiers: [],
  contractTiers: [
    { tier: 1, maxContracts: 5_000, maintenanceMarginRate: 0.004, maxLeverage: 125 },
    { tier: 2, maxContracts: 20_000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
    { tier: 3, maxContracts: Infinity, maintenanceMarginRate: 0.02, maxLeverage: 25 },
  ],
};

/**
 * Accounts for the OKX tests: a long/short-mode (hedge) account with an isolated long and a cross
 * short, and a net-mode account with a cross short. Numbers are inputs, not computed.
 */
export const okxTestAccounts: readonly SimAccount[] = [
  {
    id: 'okx-hedge',
    venue: 'okx-swap',
    walletBalance: 6000,
    positionMode: 'hedge',
    crossEquity: 6000 - 210.4,
    crossMaintenanceMargin: 96.04,
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'long',
        size: 0.42,
        entryPrice: 59_500,
        leverage: 5,
        marginMode: 'isolated',
        isolatedMargin: 4998,
        markPrice: 60_012.3,
        unrealizedPnl: 215.17,
        maintenanceMargin: 100.82,
        liquidationPrice: 47_901.3,
        positionSide: 'long',
      },
      {
        symbol: 'BTCUSDT',
        side: 'short',
        size: 0.4,
        entryPrice: 59_486.3,
        leverage: 25,
        marginMode: 'cross',
        isolatedMargin: 0,
        markPrice: 60_012.3,
        unrealizedPnl: -210.4,
        maintenanceMargin: 96.04,
        liquidationPrice: 73_750.6,
        positionSide: 'short',
      },
    ],
  },
  {
    id: 'okx-net',
    venue: 'okx-swap',
    walletBalance: 2500,
    positionMode: 'one-way',
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'short',
        size: 0.25,
        entryPrice: 61_000,
        leverage: 20,
        marginMode: 'cross',
        isolatedMargin: 0,
        markPrice: 60_012.3,
        unrealizedPnl: 246.93,
        maintenanceMargin: 60.01,
        liquidationPrice: 70_654.2,
        positionSide: 'both',
      },
    ],
  },
];

/** Keys: read-only on the hedge account, read + trade and read + withdraw + trade on the net account. */
export const okxTestKeys = {
  readOnly: {
    venue: 'okx-swap',
    apiKey: 'okx-read-key',
    secret: 'okx-read-secret',
    passphrase: 'okx-read-pass',
    accountId: 'okx-hedge',
    permissions: { read: true, trade: false, withdraw: false },
  },
  trade: {
    venue: 'okx-swap',
    apiKey: 'okx-trade-key',
    secret: 'okx-trade-secret',
    passphrase: 'okx-trade-pass',
    accountId: 'okx-net',
    permissions: { read: true, trade: true, withdraw: false },
  },
  withdraw: {
    venue: 'okx-swap',
    apiKey: 'okx-withdraw-key',
    secret: 'okx-withdraw-secret',
    passphrase: 'okx-withdraw-pass',
    accountId: 'okx-net',
    permissions: { read: true, trade: true, withdraw: true },
  },
} as const satisfies Record<string, SimKey>;

/** The fixture market with OKX's contract rules on its instrument, and the server. */
export interface OkxFixture {
  readonly market: ReturnType<typeof createFixtureMarket>;
  readonly server: SimServer;
}

/** Starts the simulator on a free 127.0.0.1 port with the OKX route and the test accounts and keys. */
export async function startOkxFixture(route: VenueRouteFactory): Promise<OkxFixture> {
  const base = createFixtureMarket({ accounts: okxTestAccounts });
  const instruments: SimInstrument[] = base.instruments.map((instrument) => ({
    ...instrument,
    venueRules: forEveryVenue((venue) =>
      venue === 'okx-swap' ? okxTestRules : simVenues[venue].fallbackRules(instrument),
    ),
  }));
  const market = { ...base, instruments };
  const server = await startSimServer({ market, keys: createSimKeyRing(Object.values(okxTestKeys)) }, [route]);
  return { market, server };
}

/**
 * Resolves with `promise`, calling `pump` (advance the market, emit an event) every few ms until it
 * settles: a watch resolves only on a message that arrives after it subscribed.
 */
export async function pumpUntil<T>(promise: Promise<T>, pump: () => void, timeoutMs = 5000): Promise<T> {
  let settled = false;
  const outcome = promise
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    )
    .finally(() => {
      settled = true;
    });
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 15));
    if (!settled) pump();
  }
  const result = await outcome;
  if (!result.ok) throw result.error;
  return result.value;
}
