import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../shared/ipc/contract';
import type { AccountSummary } from '../../shared/ipc/views/accounts';
import type { Envelope } from '../../shared/ipc/envelope';
import { createSystemClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/create-core';
import { createGateway } from '../../electron/core/exchange/gateway';
import { createJsonLogger } from '../../electron/core/logger';
import { createSafeStorageSecretStore, type Encryption } from '../../electron/main/secret-store';
import { registerContract } from '../../electron/main/ipc/register';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { bootWebMode, type WebMode } from '../../electron/web/boot-web';
import { openRecordingSocket, type RecordingSocket } from '../fuzz/recording-socket';
import { filesUnder, leaksIn, startPlantedSimulator, type PlantedSimulator } from './planted-simulator';
import { sourceIdOf } from '../../shared/domain/market-source';

// Electron is not present in plain Node: the fake ipcMain keeps the listeners handle() registers.
const ipc = vi.hoisted(() => ({ handlers: new Map<string, (event: never, payload: unknown) => Promise<unknown>>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: never, payload: unknown) => Promise<unknown>) =>
      ipc.handlers.set(channel, listener),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const appUrl = 'file:///app/out/renderer/index.html';
const mainFrame = { parent: null, processId: 3, routingId: 1, url: appUrl };
const trustedEvent = { sender: { id: 7, mainFrame }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;

/** Resolves once `check` holds, polling every 50 ms; rejects after `limitMs`. */
async function until(check: () => boolean | Promise<boolean>, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A stand-in for safeStorage: real AES-256-GCM under a key held in memory, as the OS keychain would hold it. */
function fakeSafeStorage(): Encryption {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('planted API keys never leave the core (web mode and the Electron IPC handler)', () => {
  let sim: PlantedSimulator;
  let dataDir = '';
  let web: WebMode;
  let socket: RecordingSocket;
  const envelopes: string[] = [];
  let unregister: () => void = () => undefined;
  let tornDown = false;

  beforeAll(async () => {
    sim = await startPlantedSimulator();
    dataDir = mkdtempSync(join(tmpdir(), 'liqlens-leak-'));
    mkdirSync(join(dataDir, 'logs'));
    // The app's real JSON logger, writing where a user would send logs from: the data folder.
    // A poll in flight at shutdown may still log after the folder is gone: those lines are dropped.
    const logger = createJsonLogger('web', (line) => {
      if (!tornDown) appendFileSync(join(dataDir, 'logs', 'app.log'), line + '\n');
    });
    web = await bootWebMode({ dataDir, staticDir: dataDir, logger, exchange: { createGateway, pollMs: 300 } });
    socket = await openRecordingSocket(web.host.port, web.host.token);
    unregister = registerContract(web.core.handlers, {
      trusted: { has: (id) => id === 7 },
      isAppUrl: (url) => url === appUrl,
      logger,
    });
  }, 30_000);
  afterAll(async () => {
    unregister();
    await socket.close();
    await web.stop();
    await sim.stop();
    tornDown = true;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One request through the IPC handler, its whole envelope kept for the scan. */
  async function viaIpc(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const listener = ipc.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const reply = (await listener(trustedEvent as never, payload)) as Envelope<unknown>;
    envelopes.push(JSON.stringify(reply));
    return reply;
  }

  // Adding an account waits for the venue's rate limit between its reads (seconds on Binance); on a
  // machine whose cores are busy elsewhere a request may take tens of seconds. A guard, not a wait.
  const requestLimitMs = 120_000;

  it('adds read-only keys, fails a wrong secret, drives positions, market and alerts: no secret anywhere', async () => {
    const { binance, okx, wrongSecret } = sim.keys;
    const added = await socket.request(
      'accounts:add',
      {
        account: {
          kind: 'api-key',
          venue: 'binance-usdm',
          label: 'Main',
          apiKey: binance.apiKey,
          apiSecret: binance.secret,
          baseUrl: sim.server.baseUrl('binance-usdm'),
        },
      },
      requestLimitMs,
    );
    expect(added).toMatchObject({
      type: 'response',
      ok: true,
      result: { kind: 'api-key', status: 'live', permissions: { readOnly: true } },
    });
    const viaIpcAdd = await viaIpc('accounts:add', {
      account: {
        kind: 'api-key',
        venue: 'okx-swap',
        label: 'Okx',
        apiKey: okx.apiKey,
        apiSecret: okx.secret,
        passphrase: okx.passphrase,
        baseUrl: sim.server.baseUrl('okx-swap'),
      },
    });
    expect(viaIpcAdd).toMatchObject({ ok: true, result: { permissions: { readOnly: true } } });

    // Error paths: a wrong secret, a wrong passphrase, an unknown key; each fails in plain words.
    for (const account of [
      {
        kind: 'api-key',
        venue: 'binance-usdm',
        label: 'Wrong',
        apiKey: binance.apiKey,
        apiSecret: wrongSecret,
        baseUrl: sim.server.baseUrl('binance-usdm'),
      },
      {
        kind: 'api-key',
        venue: 'okx-swap',
        label: 'Wrong',
        apiKey: okx.apiKey,
        apiSecret: okx.secret,
        passphrase: wrongSecret,
        baseUrl: sim.server.baseUrl('okx-swap'),
      },
      {
        kind: 'api-key',
        venue: 'bybit-linear',
        label: 'Unknown',
        apiKey: wrongSecret,
        apiSecret: wrongSecret,
        baseUrl: sim.server.baseUrl('bybit-linear'),
      },
    ]) {
      const reply = await socket.request('accounts:add', { account }, requestLimitMs);
      expect(reply).toMatchObject({ type: 'response', ok: false, error: { code: 'handler-failed' } });
      expect((await viaIpc('accounts:add', { account })).ok).toBe(false);
    }
    // Schema refusals quote the field, never its value.
    expect(
      (
        await viaIpc('accounts:add', {
          account: {
            kind: 'api-key',
            venue: 'binance-usdm',
            label: 'X',
            apiKey: binance.apiKey,
            apiSecret: binance.secret,
            baseUrl: 'ftp://x',
          },
        })
      ).ok,
    ).toBe(false);

    await until(
      async () =>
        (await socket.request('positions:list', {})).type === 'response' &&
        socket.frames.some((frame) => frame.includes('"positions:changed"')),
      requestLimitMs,
      'positions',
    );
    // The accounts read the planted simulator: their markets are that source's.
    const sourceOf = (venue: 'binance-usdm' | 'okx-swap'): string => sourceIdOf({ baseUrl: sim.server.baseUrl(venue) });
    const market = await socket.request(
      'market:open',
      { market: { venue: 'binance-usdm', source: sourceOf('binance-usdm'), symbol: 'BTCUSDT' }, timeframe: '1m' },
      requestLimitMs,
    );
    expect(market).toMatchObject({ type: 'response', ok: true });
    for (const channel of requestChannels) {
      if (channel === 'accounts:add' || channel === 'accounts:remove') continue;
      const payload =
        channel === 'market:open'
          ? { market: { venue: 'okx-swap', source: sourceOf('okx-swap'), symbol: 'BTC-USDT-SWAP' }, timeframe: '5m' }
          : channel === 'market:close'
            ? { market: { venue: 'binance-usdm', source: sourceOf('binance-usdm'), symbol: 'BTCUSDT' } }
            : channel === 'settings:update'
              ? { patch: { theme: 'light' } }
              : channel === 'notices:dismiss'
                ? { id: 'none' }
                : {};
      await viaIpc(channel, payload);
      await socket.request(channel, payload, requestLimitMs);
    }
    // Let a few polls and events flow before the scan.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const summaries = (await viaIpc('accounts:list', {})) as Envelope<readonly AccountSummary[]>;
    expect(summaries.ok && summaries.result.length).toBe(2);

    const sources = [
      ...filesUnder(dataDir).map(({ path, text }) => ({ where: path, text })),
      ...socket.frames.map((text, index) => ({ where: `web frame ${index}`, text })),
      ...envelopes.map((text, index) => ({ where: `ipc envelope ${index}`, text })),
    ];
    expect(socket.frames.length).toBeGreaterThan(10);
    expect(filesUnder(dataDir).some(({ path }) => path.endsWith('app.log'))).toBe(true);
    expect(leaksIn(sources, sim.keys.all)).toEqual([]);
  }, 300_000);

  it('in web mode keeps keys in memory only: the data folder holds no secret store at all', () => {
    const names = filesUnder(dataDir).map(({ path }) => path.slice(dataDir.length));
    expect(names.filter((name) => /secret/i.test(name))).toEqual([]);
    expect(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).not.toMatch(/apiKey|apiSecret|passphrase|password/);
  });
});

describe('the Electron SecretStore and the read-only check on start', () => {
  it('stores only ciphertext, and re-checks key permissions when the app starts again', async () => {
    const sim = await startPlantedSimulator();
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-leak-electron-'));
    const encryption = fakeSafeStorage();
    const logLines: string[] = [];
    const boot = () =>
      createCore({
        settings: openConfSettingsStore(dataDir, Date.now()),
        secrets: createSafeStorageSecretStore(join(dataDir, 'secrets.json'), encryption),
        notifier: { notify: () => undefined },
        clock: createSystemClock(),
        logger: createJsonLogger('main', (line) => logLines.push(line)),
        app: { name: 'LiqLens', version: '0.0.0-test', mode: 'electron', dataDir },
        exchange: { createGateway, pollMs: 60_000 },
      });
    try {
      const first = boot();
      await first.start();
      const { binance } = sim.keys;
      const summary = await first.handlers['accounts:add']({
        account: {
          kind: 'api-key',
          venue: 'binance-usdm',
          label: 'Main',
          apiKey: binance.apiKey,
          apiSecret: binance.secret,
          baseUrl: sim.server.baseUrl('binance-usdm'),
        },
      });
      expect(summary.permissions).toMatchObject({ readOnly: true, canTrade: false, canWithdraw: false });
      await first.stop();

      const file = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
        entries: Record<string, string>;
      };
      const sealed = Object.values(file.entries);
      expect(sealed).toHaveLength(1);
      for (const value of sealed) {
        expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
        expect(encryption.decryptString(Buffer.from(value, 'base64'))).toContain(binance.secret);
      }
      expect(
        leaksIn(
          [
            ...filesUnder(dataDir).map(({ path, text }) => ({ where: path, text })),
            { where: 'log', text: logLines.join('\n') },
          ],
          sim.keys.all,
        ),
      ).toEqual([]);

      // Permissions are not saved with the account: seeing them again proves the check ran on start.
      const second = boot();
      await second.start();
      await until(
        async () => (await second.handlers['accounts:list']({}))[0]?.permissions !== undefined,
        15_000,
        'the permission check on start',
      );
      const [restarted] = await second.handlers['accounts:list']({});
      expect(restarted).toMatchObject({ id: summary.id, permissions: { readOnly: true } });
      await second.stop();
    } finally {
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a spawned `liqlens web` process', () => {
  it('prints and logs nothing secret while a planted key is added, used and refused', async () => {
    const sim = await startPlantedSimulator();
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-leak-process-'));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/main.ts'), 'web'], {
      cwd: root,
      env: { ...process.env, LIQLENS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await until(
        () => /Open http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(stdout) || child.exitCode !== null,
        // Starting the CLI through tsx takes a while on a busy machine: a generous bound, not a wait.
        120_000,
        'the web host URL',
      );
      const match = /Open http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(stdout);
      if (!match) throw new Error(`no URL printed; stderr: ${stderr.slice(0, 500)}`);
      const socket = await openRecordingSocket(Number(match[1]), match[2] ?? '');
      const { binance, wrongSecret } = sim.keys;
      const baseUrl = sim.server.baseUrl('binance-usdm');
      expect(
        await socket.request(
          'accounts:add',
          {
            account: {
              kind: 'api-key',
              venue: 'binance-usdm',
              label: 'Main',
              apiKey: binance.apiKey,
              apiSecret: binance.secret,
              baseUrl,
            },
          },
          60_000,
        ),
      ).toMatchObject({ ok: true });
      expect(
        await socket.request(
          'accounts:add',
          {
            account: {
              kind: 'api-key',
              venue: 'binance-usdm',
              label: 'Bad',
              apiKey: binance.apiKey,
              apiSecret: wrongSecret,
              baseUrl,
            },
          },
          60_000,
        ),
      ).toMatchObject({ ok: false });
      await socket.request('positions:list', {});
      await socket.close();
      child.kill('SIGTERM');
      // Everything the process printed until it exited is read, so nothing is missed.
      await exited;
      const sources = [
        { where: 'stdout', text: stdout },
        { where: 'stderr', text: stderr },
        ...socket.frames.map((text, index) => ({ where: `frame ${index}`, text })),
        ...filesUnder(dataDir).map(({ path, text }) => ({ where: path, text })),
      ];
      expect(leaksIn(sources, sim.keys.all)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
