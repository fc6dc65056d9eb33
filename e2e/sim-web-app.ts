import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectContractClient } from '../electron/cli/bench/contract-client';
import { startSimulator, type Simulator, type SimulatorOptions } from '../electron/sim/simulator';
import { readKeyOf } from '../electron/sim/testing/mode-accounts';
import type { AccountAdd } from '../shared/ipc/contract';
import { startWebApp, test, type WebApp } from './fixtures';

/** A simulator and a web host reading accounts added from it, shared by a spec file's tests. */
export interface SimWebApp {
  readonly sim: Simulator;
  readonly webApp: WebApp;
}

/**
 * The simulator account `accountId` as the app adds it under `label`: its read-only key, or its
 * address on Hyperliquid, with the simulator as the base URL. Throws for an account it does not hold.
 */
export function simAccountAdd(sim: Simulator, accountId: string, label: string): AccountAdd {
  const account = sim.market.account(accountId);
  if (account === undefined) throw new Error(`the simulator has no account ${accountId}`);
  if (account.venue === 'hyperliquid')
    return {
      kind: 'address',
      venue: 'hyperliquid',
      label,
      address: account.address ?? '',
      baseUrl: sim.baseUrl('hyperliquid'),
    };
  const key = readKeyOf(sim, accountId);
  return {
    kind: 'api-key',
    venue: account.venue,
    label,
    apiKey: key.apiKey,
    apiSecret: key.secret,
    ...(key.password === undefined ? {} : { passphrase: key.password }),
    baseUrl: sim.baseUrl(account.venue),
  };
}

/**
 * Before the file's tests: starts a simulator with `options` and a web host in a fresh data folder
 * (with the Demo), and adds `accountsOf(sim)` through the contract client; after them, stops both
 * and removes the folder. Returns them, for use inside the tests.
 */
export function useSimWebApp(
  options: SimulatorOptions,
  accountsOf: (sim: Simulator) => readonly AccountAdd[],
): () => SimWebApp {
  let running: SimWebApp | undefined;
  let dataDir: string | undefined;
  test.beforeAll(async () => {
    // Starting the host (with the Demo) and reading the accounts is slow on a busy machine.
    test.setTimeout(300_000);
    const sim = await startSimulator(options);
    dataDir = mkdtempSync(join(tmpdir(), 'liqlens-e2e-'));
    const webApp = await startWebApp(dataDir).catch(async (error: unknown) => {
      await sim.stop();
      throw error;
    });
    running = { sim, webApp };
    const url = new URL(webApp.url);
    const client = await connectContractClient(Number(url.port), url.searchParams.get('token') ?? '');
    try {
      for (const account of accountsOf(sim)) await client.request('accounts:add', { account });
    } finally {
      await client.close();
    }
  });
  test.afterAll(async () => {
    await running?.webApp.stop();
    await running?.sim.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (running === undefined) throw new Error('the simulator and the web host have not started');
    return running;
  };
}
