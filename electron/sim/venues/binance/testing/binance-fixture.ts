import type { SimAccount, SimAccountPosition } from '../../../market/types';
import { createSimKeyRing, type SimKey } from '../../../server/sim-keys';
import { startSimServer, type SimServer } from '../../../server/sim-server';
import { createFixtureMarket } from '../../../testing/fixture-market';
import { createBinanceRoute, type BinanceRouteOptions } from '../binance-route';

/** A running simulator with the Binance venue, the fixture market and the test accounts. */
export interface BinanceFixture {
  readonly server: SimServer;
  readonly market: ReturnType<typeof createFixtureMarket>;
  readonly accounts: { readonly oneWayCross: SimAccount; readonly hedgeIsolated: SimAccount };
  readonly keys: { readonly reader: SimKey; readonly trader: SimKey; readonly blind: SimKey };
}

function position(fields: Omit<SimAccountPosition, 'unrealizedPnl'>): SimAccountPosition {
  const sign = fields.side === 'long' ? 1 : -1;
  return { ...fields, unrealizedPnl: sign * fields.size * (fields.markPrice - fields.entryPrice) };
}

/**
 * Starts the simulator with Binance mounted. Account figures (maintenance margin, liquidation
 * price) are fixed inputs here, not computed: the server must only carry them through.
 */
export async function startBinanceFixture(options: BinanceRouteOptions = {}): Promise<BinanceFixture> {
  const probe = createFixtureMarket();
  const mark = probe.ticker('BTCUSDT').markPrice;
  const oneWayCross: SimAccount = {
    id: 'bn-one-way',
    venue: 'binance-usdm',
    walletBalance: 10_000,
    positions: [
      position({
        symbol: 'BTCUSDT',
        side: 'long',
        size: 0.5,
        entryPrice: 58_000,
        leverage: 20,
        marginMode: 'cross',
        isolatedMargin: 0,
        markPrice: mark,
        maintenanceMargin: 120.5,
        liquidationPrice: 40_123.4,
      }),
    ],
  };
  const hedgeIsolated: SimAccount = {
    id: 'bn-hedge',
    venue: 'binance-usdm',
    walletBalance: 5_000,
    positionMode: 'hedge',
    positions: [
      position({
        symbol: 'BTCUSDT',
        side: 'long',
        size: 0.2,
        entryPrice: 59_000,
        leverage: 20,
        marginMode: 'isolated',
        isolatedMargin: 600,
        markPrice: mark,
        maintenanceMargin: 48.2,
        liquidationPrice: 56_200.5,
      }),
      position({
        symbol: 'BTCUSDT',
        side: 'short',
        size: 0.1,
        entryPrice: 61_000,
        leverage: 20,
        marginMode: 'isolated',
        isolatedMargin: 310,
        markPrice: mark,
        maintenanceMargin: 24.1,
        liquidationPrice: 63_900.2,
      }),
    ],
  };
  const market = createFixtureMarket({ accounts: [oneWayCross, hedgeIsolated] });
  const reader: SimKey = {
    venue: 'binance-usdm',
    apiKey: 'reader-key-0001',
    secret: 'reader-secret-0001',
    accountId: oneWayCross.id,
    permissions: { read: true, trade: false, withdraw: false },
  };
  const trader: SimKey = {
    venue: 'binance-usdm',
    apiKey: 'trader-key-0002',
    secret: 'trader-secret-0002',
    accountId: hedgeIsolated.id,
    permissions: { read: true, trade: true, withdraw: true },
  };
  const blind: SimKey = {
    venue: 'binance-usdm',
    apiKey: 'blind-key-0003',
    secret: 'blind-secret-0003',
    accountId: oneWayCross.id,
    permissions: { read: false, trade: true, withdraw: false },
  };
  const server = await startSimServer({ market, keys: createSimKeyRing([reader, trader, blind]) }, [
    createBinanceRoute(options),
  ]);
  return { server, market, accounts: { oneWayCross, hedgeIsolated }, keys: { reader, trader, blind } };
}
