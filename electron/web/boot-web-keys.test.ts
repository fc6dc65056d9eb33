import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp-dir';
import { createGateway } from '../core/exchange/gateway';
import { createSilentLogger } from '../core/logger';
import { keysEnvName } from '../core/secrets/env-secrets';
import { startSimulator, type Simulator } from '../sim/simulator';
import type { AccountSummary } from '../../shared/ipc/views/accounts';
import { bootWebMode, type WebMode } from './boot-web';

describe('web mode keys from the environment', () => {
  const tempDir = useTempDirs();
  const running: (WebMode | Simulator)[] = [];
  afterEach(async () => {
    for (const item of running.splice(0).reverse()) await item.stop();
  });

  async function boot(dataDir: string, env: Record<string, string> = {}): Promise<WebMode> {
    const web = await bootWebMode({
      dataDir,
      staticDir: dataDir,
      logger: createSilentLogger(),
      env,
      exchange: { createGateway, pollMs: 200 },
    });
    running.push(web);
    return web;
  }

  /** A simulator, and a data folder where a run of web mode saved a read-only Binance key account, then stopped. */
  async function savedKeyAccount(): Promise<{
    key: { apiKey: string; secret: string };
    dir: string;
    added: AccountSummary;
  }> {
    const sim = await startSimulator({ seed: 4, scenario: 'calm', speed: 0 });
    running.push(sim);
    const key = sim.keys.find((k) => k.venue === 'binance-usdm' && k.apiKey.endsWith('-readonly'));
    if (!key) throw new Error('the simulator should offer a read-only Binance key');
    const dir = tempDir();
    const first = await boot(dir);
    const added = await first.core.handlers['accounts:add']({
      account: {
        kind: 'api-key',
        venue: 'binance-usdm',
        label: 'Server',
        apiKey: key.apiKey,
        apiSecret: key.secret,
        baseUrl: sim.baseUrl('binance-usdm'),
      },
    });
    await first.stop();
    running.splice(running.indexOf(first), 1);
    return { key, dir, added };
  }

  it('reopens a saved key account in a new run only when its key is supplied by environment', async () => {
    const { key, dir, added } = await savedKeyAccount();

    const withoutKeys = await boot(dir);
    const listed = await withoutKeys.core.handlers['accounts:list']({});
    expect(listed).toMatchObject([{ id: added.id, label: 'Server', status: 'error', keyNeeded: true }]);
    expect(listed[0]?.statusMessage).toMatch(/memory only/);
    expect((await withoutKeys.core.handlers['app:info']({})).notices.map((n) => n.message).join(' ')).toMatch(
      /key of "Server" is not available/,
    );
    await withoutKeys.stop();
    running.splice(running.indexOf(withoutKeys), 1);

    const withKeys = await boot(dir, {
      [keysEnvName]: JSON.stringify({ [added.id]: { apiKey: key.apiKey, secret: key.secret } }),
    });
    await expect
      .poll(async () => (await withKeys.core.handlers['accounts:list']({}))[0]?.status, { timeout: 10_000 })
      .toBe('live');
  });

  it('lists a saved key account whose key is gone as "key needed": its key can be given again, or it can be removed', async () => {
    const { key, dir, added } = await savedKeyAccount();

    const second = await boot(dir);
    await expect(
      second.core.handlers['accounts:set-key']({
        accountId: added.id,
        apiKey: key.apiKey,
        apiSecret: 'wrong-secret-value',
      }),
    ).rejects.toThrow(/refused the API key/);
    expect((await second.core.handlers['accounts:list']({}))[0]?.keyNeeded).toBe(true);
    const given = await second.core.handlers['accounts:set-key']({
      accountId: added.id,
      apiKey: key.apiKey,
      apiSecret: key.secret,
    });
    expect(given).toMatchObject({ id: added.id, label: 'Server' });
    expect(given.keyNeeded).toBeUndefined();
    await expect
      .poll(async () => (await second.core.handlers['accounts:list']({}))[0]?.status, { timeout: 10_000 })
      .toBe('live');
    await second.stop();
    running.splice(running.indexOf(second), 1);

    const third = await boot(dir);
    expect(await third.core.handlers['accounts:remove']({ accountId: added.id })).toEqual([]);
    await third.stop();
    running.splice(running.indexOf(third), 1);
    // Removed for good: it no longer counts, and the next start shows the Demo again.
    const fourth = await boot(dir);
    expect((await fourth.core.handlers['accounts:list']({})).every((account) => account.kind === 'demo')).toBe(true);
  });

  it('refuses a malformed value in one line that names the problem but not the secret', async () => {
    await expect(
      boot(tempDir(), { [keysEnvName]: '{"acc-1":{"apiKey":"abcdefgh","secret":"s3cr3t"}}' }),
    ).rejects.toThrow(/LIQLENS_ACCOUNT_KEYS: acc-1\.secret is not a valid key entry/);
    await expect(boot(tempDir(), { [keysEnvName]: 'not json' })).rejects.toThrow(/is not valid JSON/);
    await boot(tempDir(), { [keysEnvName]: '{"acc-1":{"apiKey":"abcdefgh","secret":"s3cr3t"}}' }).catch(
      (error: unknown) => {
        expect(String(error)).not.toContain('s3cr3t');
      },
    );
  });
});
