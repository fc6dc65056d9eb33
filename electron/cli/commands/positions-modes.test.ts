import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../sim/simulator';
import { readKeyOf, startModeSimulator } from '../../sim/testing/mode-accounts';
import type { CliIo } from '../cli-io';
import { runPositionsCommand } from './positions';

let sim: Simulator;

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  await sim.stop();
});

/** Runs `liqlens positions --json` on one of the mode simulator's keyed accounts. */
async function positionsJson(accountId: string, venue: 'binance-usdm' | 'bybit-linear'): Promise<unknown> {
  const key = readKeyOf(sim, accountId);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { LIQLENS_API_SECRET: key.secret },
    readStdin: async () => '',
    readFile: async () => '',
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
  const args = ['--venue', venue, '--base-url', sim.baseUrl(venue), '--api-key', key.apiKey];
  expect(await runPositionsCommand([...args, '--json'], io)).toBe(0);
  expect(err).toEqual([]);
  return JSON.parse(out[0] ?? '');
}

describe('liqlens positions --json in account modes LiqLens cannot recompute', () => {
  it.each([
    ['bn-pm', 'binance-usdm', 'binance-portfolio', /^venue's figure; LiqLens cannot recompute it in this mode/],
    ['by-pm', 'bybit-linear', 'bybit-portfolio', /^Bybit gives no liquidation price in portfolio margin/],
  ] as const)('%s prints its mode, a null computed price and the reason', async (id, venue, mode, note) => {
    const printed = (await positionsJson(id, venue)) as {
      accountMode: string;
      positions: { computedLiquidationPrice: unknown; computedNote: string }[];
      account: { venueGauge: { name: string } | null };
    };
    expect(printed.accountMode).toBe(mode);
    expect(printed.positions.length).toBeGreaterThan(0);
    for (const position of printed.positions) {
      expect(position.computedLiquidationPrice).toBeNull();
      expect(position.computedNote).toMatch(note);
    }
    expect(printed.account.venueGauge?.name).toBe(mode === 'binance-portfolio' ? 'uniMMR' : 'accountMMRate');
  });
});
