import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { simulatorDemo } from '../../sim/demo-market';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { createSilentLogger } from '../logger';
import { createMemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../ports';
import { createAccountsService, type AccountsService } from './accounts-service';

describe('accounts service against the simulator through real ccxt', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function simulator(): Promise<Simulator> {
    const sim = await startSimulator({ seed: 11, scenario: 'calm', speed: 0 });
    cleanups.push(() => sim.stop());
    return sim;
  }

  function service(dataDir: string, secrets: SecretStore, options: { demo?: boolean; pollMs?: number } = {}) {
    const events = {
      accounts: [] as (readonly AccountSummary[])[],
      positions: [] as AccountPositions[],
      problems: [] as string[],
    };
    const accounts: AccountsService = createAccountsService({
      dataDir,
      secrets,
      clock: createSystemClock(),
      logger: createSilentLogger(),
      createGateway,
      pollMs: options.pollMs ?? 60_000,
      ...(options.demo ? { demo: simulatorDemo({ speed: 0 }) } : {}),
      onAccountsChanged: (list) => events.accounts.push(list),
      onPositionsChanged: (positions) => events.positions.push(positions),
      onProblem: (message) => events.problems.push(message),
    });
    cleanups.push(() => accounts.stop());
    return { accounts, events };
  }

  function keyOf(
    sim: Simulator,
    venue: 'binance-usdm' | 'bybit-linear' | 'okx-swap',
    kind: 'readonly' | 'trade' | 'withdraw',
  ) {
    const key = sim.keys.find((candidate) => candidate.venue === venue && candidate.apiKey.endsWith(`-${kind}`));
    if (!key) throw new Error(`no ${kind} key for ${venue}`);
    return key;
  }

  it('adds a read-only key: live positions, the exchange liquidation price beside the computed one, nothing secret on disk', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const secrets = createMemorySecretStore();
    const { accounts, events } = service(dir, secrets);
    const key = keyOf(sim, 'binance-usdm', 'readonly');
    const summary = await accounts.add({
      kind: 'api-key',
      venue: 'binance-usdm',
      label: 'Main',
      apiKey: key.apiKey,
      apiSecret: key.secret,
      baseUrl: sim.baseUrl('binance-usdm'),
    });
    expect(summary).toMatchObject({
      label: 'Main',
      venue: 'binance-usdm',
      kind: 'api-key',
      status: 'live',
      permissions: { readOnly: true, canTrade: false, canWithdraw: false },
    });
    expect(summary.permissions?.warning).toBeUndefined();
    const [entry] = accounts.positions();
    const simAccount = sim.market.account(key.accountId);
    expect(entry?.positions).toHaveLength(simAccount?.positions.length ?? -1);
    for (const position of entry?.positions ?? []) {
      const truth = simAccount?.positions.find((p) => p.side === position.side && position.symbol === p.symbol);
      expect(position.exchangeLiquidationPrice).toBeCloseTo(truth?.liquidationPrice ?? Number.NaN, 6);
      expect(position.selfCheckOk).toBe(true);
    }
    expect(events.accounts.at(-1)?.map((account) => account.id)).toEqual([summary.id]);
    const file = readFileSync(join(dir, 'accounts.json'), 'utf8');
    expect(file).toContain('"Main"');
    expect(file).not.toContain(key.apiKey);
    expect(file).not.toContain(key.secret);
    expect(await secrets.get(`account:${summary.id}`)).toContain(key.secret);
  });

  it('warns about a key that can trade or withdraw, in plain words', async () => {
    const sim = await simulator();
    const { accounts } = service(tempDir(), createMemorySecretStore());
    const trade = keyOf(sim, 'bybit-linear', 'trade');
    const summary = await accounts.add({
      kind: 'api-key',
      venue: 'bybit-linear',
      label: 'Trader',
      apiKey: trade.apiKey,
      apiSecret: trade.secret,
      baseUrl: sim.baseUrl('bybit-linear'),
    });
    expect(summary.permissions).toMatchObject({ readOnly: false, canTrade: true, canWithdraw: false });
    expect(summary.permissions?.warning).toMatch(/can trade.*read-only key/);
    const withdraw = keyOf(sim, 'okx-swap', 'withdraw');
    const okx = await accounts.add({
      kind: 'api-key',
      venue: 'okx-swap',
      label: 'OKX',
      apiKey: withdraw.apiKey,
      apiSecret: withdraw.secret,
      passphrase: withdraw.passphrase,
      baseUrl: sim.baseUrl('okx-swap'),
    });
    expect(okx.permissions?.warning).toMatch(/can trade and withdraw/);
  });

  it('refuses a wrong key with the venue named and saves nothing', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const secrets = createMemorySecretStore();
    const { accounts } = service(dir, secrets);
    const key = keyOf(sim, 'binance-usdm', 'readonly');
    await expect(
      accounts.add({
        kind: 'api-key',
        venue: 'binance-usdm',
        label: 'Typo',
        apiKey: key.apiKey,
        apiSecret: 'not-the-secret-at-all',
        baseUrl: sim.baseUrl('binance-usdm'),
      }),
    ).rejects.toThrow(/check your key/);
    expect(accounts.list()).toEqual([]);
    expect(existsSync(join(dir, 'accounts.json'))).toBe(false);
    expect(await secrets.has('account:binance-usdm')).toBe(false);
  });

  it('tracks a Hyperliquid address, reopens saved accounts after a restart, and forgets a removed one with its key', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const secrets = createMemorySecretStore();
    const first = service(dir, secrets).accounts;
    const address = sim.market.accounts().find((account) => account.venue === 'hyperliquid')?.address ?? '';
    const hl = await first.add({
      kind: 'address',
      venue: 'hyperliquid',
      label: 'Whale watch',
      address,
      baseUrl: sim.baseUrl('hyperliquid'),
    });
    expect(hl.permissions).toMatchObject({ readOnly: true });
    const key = keyOf(sim, 'okx-swap', 'readonly');
    const okx = await first.add({
      kind: 'api-key',
      venue: 'okx-swap',
      label: 'OKX',
      apiKey: key.apiKey,
      apiSecret: key.secret,
      passphrase: key.passphrase,
      baseUrl: sim.baseUrl('okx-swap'),
    });
    await first.stop();

    const second = service(dir, secrets).accounts;
    await second.start();
    await second.refreshAll();
    expect(second.list().map((account) => [account.label, account.status])).toEqual([
      ['Whale watch', 'live'],
      ['OKX', 'live'],
    ]);
    expect(second.positions().find((entry) => entry.accountId === hl.id)?.positions.length).toBeGreaterThan(0);
    await second.remove(okx.id);
    expect(second.list().map((account) => account.label)).toEqual(['Whale watch']);
    expect(await secrets.has(`account:${okx.id}`)).toBe(false);
    expect(readFileSync(join(dir, 'accounts.json'), 'utf8')).not.toContain('OKX');
  });

  it('opens the Demo on a first start with no accounts, one labelled account per venue', async () => {
    const { accounts } = service(tempDir(), createMemorySecretStore(), { demo: true });
    await accounts.start();
    await accounts.refreshAll();
    const list = accounts.list();
    expect(list.map((account) => account.venue).sort()).toEqual([
      'binance-usdm',
      'bybit-linear',
      'hyperliquid',
      'okx-swap',
    ]);
    for (const account of list) {
      expect(account.kind).toBe('demo');
      expect(account.label).toMatch(/^Demo · /);
      expect(account.status).toBe('live');
    }
    expect(accounts.positions().every((entry) => entry.positions.length > 0 && entry.risk !== null)).toBe(true);
  });

  it('prices a position typed in by hand from public data, agreeing with what the venue reports for the same position', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const { accounts } = service(dir, createMemorySecretStore());
    const demo = sim.market.accounts().find((account) => account.venue === 'bybit-linear');
    const held = demo?.positions.find((position) => position.marginMode === 'isolated');
    if (!held || held.liquidationPrice === null) throw new Error('the demo account should hold an isolated position');
    const summary = await accounts.add({
      kind: 'manual',
      venue: 'bybit-linear',
      label: 'Typed',
      walletBalance: 0,
      baseUrl: sim.baseUrl('bybit-linear'),
      positions: [
        {
          symbol: held.symbol,
          side: held.side,
          sizeBase: held.size,
          entryPrice: held.entryPrice,
          leverage: held.leverage,
          marginMode: 'isolated',
          isolatedMargin: held.isolatedMargin,
        },
      ],
    });
    expect(summary).toMatchObject({ kind: 'manual', status: 'live' });
    const [typed] = accounts.positions().find((entry) => entry.accountId === summary.id)?.positions ?? [];
    expect(typed?.exchangeLiquidationPrice).toBeNull();
    expect(typed?.selfCheckOk).toBeNull();
    expect(Math.abs((typed?.computedLiquidationPrice ?? Number.NaN) - held.liquidationPrice)).toBeLessThanOrEqual(
      typed?.tickSize ?? 0,
    );
    expect(readFileSync(join(dir, 'accounts.json'), 'utf8')).toContain('"manual"');
    const typo = {
      symbol: 'NOPEUSDT',
      side: 'long',
      sizeBase: 1,
      entryPrice: 1,
      leverage: 2,
      marginMode: 'cross',
    } as const;
    await expect(
      accounts.add({
        kind: 'manual',
        venue: 'bybit-linear',
        label: 'Bad',
        walletBalance: 0,
        baseUrl: sim.baseUrl('bybit-linear'),
        positions: [typo],
      }),
    ).rejects.toThrow(/NOPEUSDT is not listed/);
    // Binance shows its tiers only to API keys: the user is told to connect a read-only key instead.
    await expect(
      accounts.add({
        kind: 'manual',
        venue: 'binance-usdm',
        label: 'No tiers',
        walletBalance: 0,
        baseUrl: sim.baseUrl('binance-usdm'),
        positions: [{ ...typo, symbol: 'BTCUSDT' }],
      }),
    ).rejects.toThrow(/read-only key/);
    expect(accounts.list().map((account) => account.label)).toEqual(['Typed']);
  });

  it('marks an account stale, with a reason, when its exchange stops answering', async () => {
    const sim = await simulator();
    const { accounts } = service(tempDir(), createMemorySecretStore(), { pollMs: 150 });
    const key = keyOf(sim, 'binance-usdm', 'readonly');
    const added = await accounts.add({
      kind: 'api-key',
      venue: 'binance-usdm',
      label: 'Main',
      apiKey: key.apiKey,
      apiSecret: key.secret,
      baseUrl: sim.baseUrl('binance-usdm'),
    });
    expect(added.status).toBe('live');
    await sim.stop();
    await expect.poll(() => accounts.list()[0]?.status, { timeout: 10_000 }).toBe('stale');
    expect(accounts.list()[0]?.statusMessage).toBeTruthy();
    expect(accounts.positions()[0]?.positions.every((position) => position.stale)).toBe(true);
  });
});
