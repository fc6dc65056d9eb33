import type { SimAccount } from '../../../market/types';
import { createSimKeyRing, type SimKey } from '../../../server/sim-keys';
import { startSimServer, type SimServer } from '../../../server/sim-server';
import type { VenueRouteFactory } from '../../../server/venue-route';
import { createFixtureMarket } from '../../../testing/fixture-market';

/**
 * Accounts and keys for the Bybit protocol tests, on the shared fixture market (one instrument,
 * BTCUSDT). The numbers are inputs a venue would report, chosen to be distinct, not computed.
 */
export const bybitTestAccounts: readonly SimAccount[] = [
  {
    id: 'bybit-isolated',
    venue: 'bybit-linear',
    walletBalance: 4000,
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'long',
        size: 0.5,
        entryPrice: 59_000,
        leverage: 10,
        marginMode: 'isolated',
        isolatedMargin: 2950,
        markPrice: 60_012.3,
        unrealizedPnl: 506.15,
        maintenanceMargin: 120.02,
        liquidationPrice: 53_456.7,
      },
    ],
  },
  {
    id: 'bybit-cross',
    venue: 'bybit-linear',
    walletBalance: 10_000,
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'short',
        size: 1.25,
        entryPrice: 61_000,
        leverage: 20,
        marginMode: 'cross',
        isolatedMargin: 0,
        markPrice: 60_012.3,
        unrealizedPnl: 1234.63,
        maintenanceMargin: 325.06,
        liquidationPrice: 66_543.2,
      },
    ],
  },
];

/** Keys: read-only on the isolated account; trade, and trade + withdraw, on the cross account. */
export const bybitTestKeys = {
  readOnly: {
    venue: 'bybit-linear',
    apiKey: 'bybit-read-key',
    secret: 'bybit-read-secret',
    accountId: 'bybit-isolated',
    permissions: { read: true, trade: false, withdraw: false },
  },
  trade: {
    venue: 'bybit-linear',
    apiKey: 'bybit-trade-key',
    secret: 'bybit-trade-secret',
    accountId: 'bybit-cross',
    permissions: { read: true, trade: true, withdraw: false },
  },
  withdraw: {
    venue: 'bybit-linear',
    apiKey: 'bybit-withdraw-key',
    secret: 'bybit-withdraw-secret',
    accountId: 'bybit-cross',
    permissions: { read: true, trade: true, withdraw: true },
  },
} as const satisfies Record<string, SimKey>;

/** A running fixture: the market (with `emit` for liquidations) and the server. */
export interface VenueFixture {
  readonly market: ReturnType<typeof createFixtureMarket>;
  readonly server: SimServer;
}

/** Starts the simulator on a free 127.0.0.1 port with the given route, accounts and keys. */
export async function startVenueFixture(
  route: VenueRouteFactory,
  accounts: readonly SimAccount[],
  keys: readonly SimKey[],
): Promise<VenueFixture> {
  const market = createFixtureMarket({ accounts });
  const server = await startSimServer({ market, keys: createSimKeyRing(keys) }, [route]);
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
