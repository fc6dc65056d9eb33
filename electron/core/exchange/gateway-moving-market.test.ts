import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountSpecs } from '../../sim/market/demo-accounts';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createGateway, type ExchangeGateway } from './gateway';

/*
 * A read of an account takes several requests, and the market moves between them. On Hyperliquid
 * the positions and the cross account value come from two `clearinghouseState` answers; the account
 * value holds the cross PnL at its own instant. Through real ccxt against the simulator, with the
 * market moved a simulated minute between the two answers, the app's liquidation price for the
 * Demo's cross BTC long must still agree with the venue's.
 */

let sim: Simulator;
let gateway: ExchangeGateway;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, historyDays: 0.05, accounts: demoAccountSpecs() });
  const address = sim.market.account('demo-hyperliquid')?.address ?? '';
  gateway = createGateway({
    venue: 'hyperliquid',
    baseUrl: sim.baseUrl('hyperliquid'),
    credentials: { address },
    timeoutMs: 5000,
  });
});

afterAll(async () => {
  await gateway.close();
  await sim.stop();
});

describe('a Hyperliquid read while the market moves between its requests', () => {
  it("keeps the cross position's liquidation price within a tick of the venue's", async () => {
    await gateway.fetchAccount();
    const cross = async (): Promise<{ mark: number; difference: number; tick: number }> => {
      // The second `clearinghouseState` of the read (the balance) is answered a simulated minute later.
      let seen = 0;
      const stop = sim.server.onRequest((request) => {
        if (request.venue === 'hyperliquid' && request.body.includes('"clearinghouseState"') && ++seen === 2)
          sim.market.advance(60_000);
      });
      try {
        const snapshot = await gateway.fetchAccount();
        const position = snapshot.positions.find((p) => p.marginMode === 'cross');
        expect(position?.selfCheckDifference).not.toBeNull();
        return {
          mark: position?.markPrice ?? 0,
          difference: position?.selfCheckDifference ?? Infinity,
          tick: position?.tickSize ?? 0,
        };
      } finally {
        stop();
      }
    };
    const reads = [];
    for (let read = 0; read < 5; read++) reads.push(await cross());
    // The market moved inside each read, so the marks differ from read to read.
    expect(new Set(reads.map((read) => read.mark)).size).toBeGreaterThan(1);
    for (const read of reads) expect(Math.abs(read.difference)).toBeLessThanOrEqual(read.tick * 1.000001 + 1e-9);
  });
});
