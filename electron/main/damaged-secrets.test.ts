import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { createAccountsService } from '../core/accounts/accounts-service';
import { createSystemClock } from '../core/clock';
import { createGateway } from '../core/exchange/gateway';
import { createSilentLogger } from '../core/logger';
import { startSimulator } from '../sim/simulator';
import { createSafeStorageSecretStore, secretsFileName } from './secret-store';

vi.mock('electron', () => ({}));

/** A stand-in for safeStorage (the file is damaged before anything is decrypted). */
const encryption = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(plain, 'utf8'),
  decryptString: (sealed: Buffer) => sealed.toString('utf8'),
};

describe('a damaged secrets file is contained', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is set aside; the manual and address accounts open, and the user is told which accounts need their key again', async () => {
    const sim = await startSimulator({ seed: 3, scenario: 'calm', speed: 0 });
    cleanups.push(() => sim.stop());
    const address = sim.market.accounts().find((account) => account.venue === 'hyperliquid')?.address;
    if (!address) throw new Error('the simulator should hold a Hyperliquid account');
    const dir = tempDir();
    const created = { createdAtMs: 1 };
    const accounts = [
      { id: 'k1', label: 'Main key', venue: 'binance-usdm', kind: 'api-key', baseUrl: sim.baseUrl('binance-usdm') },
      { id: 'a1', label: 'Vault', venue: 'hyperliquid', kind: 'address', address, baseUrl: sim.baseUrl('hyperliquid') },
      {
        id: 'm1',
        label: 'Typed',
        venue: 'bybit-linear',
        kind: 'manual',
        baseUrl: sim.baseUrl('bybit-linear'),
        manual: {
          walletBalance: 1_000,
          positions: [
            { symbol: 'ETHUSDT', side: 'long', sizeBase: 1, entryPrice: 3_000, leverage: 5, marginMode: 'isolated' },
          ],
        },
      },
      { id: 'k2', label: 'Second key', venue: 'okx-swap', kind: 'api-key', baseUrl: sim.baseUrl('okx-swap') },
    ].map((account) => ({ ...account, ...created }));
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify({ version: 1, accounts }));
    const secretsPath = join(dir, secretsFileName);
    writeFileSync(secretsPath, '{"version":1,"entries":{"account:k1":');

    const problems: string[] = [];
    const service = createAccountsService({
      dataDir: dir,
      secrets: createSafeStorageSecretStore(secretsPath, encryption),
      clock: createSystemClock(),
      logger: createSilentLogger(),
      createGateway,
      pollMs: 250,
      onAccountsChanged: () => undefined,
      onPositionsChanged: () => undefined,
      onProblem: (message) => problems.push(message),
    });
    cleanups.push(() => service.stop());
    await service.start();

    // The accounts that need no key open; the key accounts are listed as needing their key again.
    const listed = service.list();
    expect(listed.filter((summary) => !summary.keyNeeded).map((summary) => summary.label)).toEqual(['Vault', 'Typed']);
    expect(listed.filter((summary) => summary.keyNeeded).map((summary) => summary.label)).toEqual([
      'Main key',
      'Second key',
    ]);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatch(/saved keys could not be read/);
    expect(problem).toMatch(/These accounts need their key again .*"Main key", "Second key"\.$/);
    const backup = /kept as (\S+\.json)\./.exec(problem ?? '')?.[1] ?? '';
    expect(readFileSync(backup, 'utf8')).toBe('{"version":1,"entries":{"account:k1":');
    expect(existsSync(secretsPath)).toBe(false);
  });
});
