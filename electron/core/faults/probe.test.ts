import { it } from 'vitest';
import { startTestSimulator, simGateway } from '../exchange/testing/sim-gateway';
import type { Fault } from '../../sim/server/faults';

it('probe', async () => {
  const sim = await startTestSimulator();
  const faults: Fault[] = [{ kind: 'rate-limit', status: 429, retryAfterSec: 1 }, { kind: 'rate-limit', status: 418, retryAfterSec: 1 }, { kind: 'server-error' }, { kind: 'malformed-json' }, { kind: 'truncated' }, { kind: 'wrong-type' }, { kind: 'clock-skew' }, { kind: 'down' }];
  for (const venue of ['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid'] as const) {
    const gw = simGateway(sim, venue);
    await gw.fetchAccount();
    for (const fault of faults) {
      const positionPath = { 'binance-usdm': 'positionRisk', 'bybit-linear': 'position', 'okx-swap': 'positions', hyperliquid: '/info' }[venue];
      sim.faults.inject(venue, fault, fault.kind === 'down' ? { durationMs: 300 } : { count: 5, path: positionPath });
      const t = Date.now();
      try {
        const snap = await gw.fetchAccount();
        console.log(venue, fault.kind, 'OK', Date.now() - t, JSON.stringify(snap.positions.map((p) => p.exchangeLiquidationPrice)));
      } catch (e) {
        console.log(venue, fault.kind, 'ERR', Date.now() - t, (e as Error).constructor.name, (e as { kind?: string }).kind, (e as Error).message.slice(0, 200));
      }
      sim.faults.clear();
    }
    await gw.close();
  }
  await sim.stop();
}, 120_000);
