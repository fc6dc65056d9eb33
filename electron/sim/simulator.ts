import { createSimMarket, startRealtime, type SimMarketOptions } from './market';
import type { SimMarketModel, SimVenue } from './market/types';
import type { FaultController } from './server/faults';
import { createSimKeyRing, type SimKey } from './server/sim-keys';
import { startSimServer, type SimServer } from './server/sim-server';
import { simVenues } from './venues/sim-venues';
import { demoKeys } from './demo-keys';

/** Options of a simulator run. */
export interface SimulatorOptions extends SimMarketOptions {
  /** Simulated seconds per real second; 0 leaves time to the caller (`market.advance`). */
  readonly speed: number;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
}

/** A running simulator: the market, the venue servers on one loopback port, and the keys they accept. */
export interface Simulator {
  readonly market: SimMarketModel;
  readonly server: SimServer;
  readonly keys: readonly SimKey[];
  /** Fault injection per venue and the request-weight counter (server/faults.ts). */
  readonly faults: FaultController;
  /** Base URL of a venue's protocol server. */
  baseUrl(venue: SimVenue): string;
  stop(): Promise<void>;
}

/**
 * Starts the simulated market and the Binance, Bybit, OKX and Hyperliquid protocol servers on
 * 127.0.0.1, and, for `speed > 0`, drives the market in real time at that speed.
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const market = createSimMarket(options);
  const keys = demoKeys(market.accounts());
  const server = await startSimServer(
    { market, keys: createSimKeyRing(keys) },
    Object.values(simVenues).map((module) => module.route),
    options.port ?? 0,
  );
  const stopClock = options.speed > 0 ? startRealtime(market, { speed: options.speed }) : undefined;
  return {
    market,
    server,
    keys,
    faults: server.faults,
    baseUrl: (venue) => server.baseUrl(venue),
    async stop() {
      stopClock?.();
      await server.close();
    },
  };
}
