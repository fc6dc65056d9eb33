import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimVenue } from '../../sim/market/types';
import type { SimAccountSpec } from '../../sim/market/account';
import { demoAccountSpecs } from '../../sim/market/demo-accounts';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { accountOn, simGateway, venueSymbol } from '../../../test/support/sim-gateway';
import type { ExchangeGateway } from './gateway';

/**
 * The Demo's accounts, with the positions the crash force-closes on every venue read here: a 25x ETH
 * long on Binance, Bybit (the Demo's own) and OKX (its hedge-mode long leg), and a 20x ETH short on
 * Hyperliquid.
 */
function crashAccounts(): SimAccountSpec[] {
  const risky = (
    spec: SimAccountSpec,
    side: 'long' | 'short',
    leverage: number,
    entryOffset: number,
  ): SimAccountSpec => ({
    ...spec,
    positions: spec.positions.map((position) =>
      position.symbol === 'ETHUSDT' && position.side === side ? { ...position, leverage, entryOffset } : position,
    ),
  });
  return demoAccountSpecs().map((spec) =>
    spec.venue === 'binance-usdm' || spec.venue === 'okx-swap'
      ? risky(spec, 'long', 25, 0.015)
      : spec.venue === 'hyperliquid'
        ? risky(spec, 'short', 20, -0.015)
        : spec,
  );
}

/** Those accounts through the whole crash: the 25x ETH longs and the 20x ETH short are force-closed. */
describe("the account's own force closes, read through real ccxt from the simulated venues", () => {
  let sim: Simulator;
  const gateways: ExchangeGateway[] = [];
  beforeAll(async () => {
    sim = await startSimulator({
      seed: 7,
      scenario: 'long-squeeze-crash',
      speed: 0,
      port: 0,
      accounts: crashAccounts(),
    });
    sim.market.advance(sim.market.scenarioDurationMs);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await sim.stop();
  });

  it.each<[SimVenue, 'computed' | 'venue']>([
    ['binance-usdm', 'computed'],
    ['bybit-linear', 'computed'],
    ['okx-swap', 'venue'],
    ['hyperliquid', 'venue'],
  ])(
    '%s lists each liquidation with its symbol, side, fill price, size and time (loss: %s)',
    async (venue, loss) => {
      const gateway = simGateway(sim, venue);
      gateways.push(gateway);
      const recorded = accountOn(sim, venue).liquidations ?? [];
      expect(recorded.length).toBeGreaterThan(0);
      const read = await gateway.fetchForceCloses(sim.market.startTimeMs);
      const expected = recorded.map((liquidation) => ({
        symbol: venueSymbol(venue, liquidation.symbol),
        side: liquidation.side,
        price: liquidation.price,
        size: liquidation.size,
        timeMs: liquidation.timeMs,
        // Hyperliquid's fill carries closedPnl and OKX's liquidation order its pnl (both realised at the
        // fill, fees apart); Binance and Bybit records carry none.
        lossUsd:
          loss === 'venue'
            ? -(liquidation.side === 'long' ? 1 : -1) *
              (liquidation.price - (liquidation.entryPrice ?? 0)) *
              liquidation.size
            : null,
      }));
      // The venue writes its PnL with six decimals: compare to four.
      const rounded = (rows: readonly { readonly lossUsd: number | null }[]): unknown[] =>
        rows.map((row) => ({ ...row, lossUsd: row.lossUsd === null ? null : Math.round(row.lossUsd * 1e4) }));
      expect(rounded([...read].sort((a, b) => a.timeMs - b.timeMs))).toEqual(rounded(expected));
      // Records before the start asked for are not listed.
      const last = recorded.at(-1)?.timeMs ?? 0;
      expect(await gateway.fetchForceCloses(last + 1)).toEqual([]);
    },
    120_000,
  );
});
