import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannels } from '../../shared/ipc/contract';
import type { HostMessage } from '../../shared/ipc/wire';
import { maxFrameBytes } from '../../shared/ipc/wire';
import type { Core } from '../../electron/core/create-core';
import { createSilentLogger } from '../../electron/core/logger';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { hostileJson, hostileString, hostileText, pollutionKeys } from './adversarial';
import { createOfflineCore, expectClearError, expectEnvelope, persistedState } from './offline-core';
import { openRecordingSocket, type RecordingSocket } from './recording-socket';

/** A host frame is a response (result or clear error) or a protocol error: never anything else. */
function expectCleanReply(message: HostMessage): void {
  if (message.type === 'error') expectClearError(message.error);
  else if (message.type === 'response') expectEnvelope(message);
  else throw new Error(`an event where a reply was due: ${message.event}`);
}

describe('the web-mode contract socket under random and adversarial frames', () => {
  // One data folder for the whole suite (useTempDirs would remove it after the first test).
  const tempDir = (): string => mkdtempSync(join(tmpdir(), 'liqlens-fuzz-'));
  let dataDir = '';
  let staticDir = '';
  let core: Core;
  let host: WebHost;
  let socket: RecordingSocket;

  beforeAll(async () => {
    dataDir = tempDir();
    staticDir = tempDir();
    core = createOfflineCore(dataDir);
    await core.start();
    host = await startWebHost({
      core,
      logger: createSilentLogger(),
      staticDir,
      token: 'fuzz-token-0123456789',
      // Thousands of frames in a few seconds: the rate limit (tested in web-host-limits) would answer most.
      limits: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } },
    });
    socket = await openRecordingSocket(host.port, host.token);
  });
  afterAll(async () => {
    await socket.close();
    await host.close();
    await core.stop();
    for (const dir of [dataDir, staticDir]) rmSync(dir, { recursive: true, force: true });
  });

  /** Sends one frame; an invalid one must leave settings and accounts exactly as they were. */
  async function sendAndCheck(text: string): Promise<void> {
    const before = persistedState(dataDir);
    const reply = await socket.sendRaw(text, 3_000);
    expectCleanReply(reply);
    const changedSettings = reply.type === 'response' && reply.ok && text.includes('settings:update');
    if (!changedSettings) expect(persistedState(dataDir)).toEqual(before);
    expect(persistedState(dataDir).accounts).toBeNull();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }

  it('answers random frames (JSON or not, truncated, deep, hostile keys) within the bound', async () => {
    await fc.assert(fc.asyncProperty(hostileText(requestChannels), sendAndCheck), { numRuns: 500, verbose: 1 });
  }, 60_000);

  it('answers every channel with random payloads: a clear error or a valid result, state unchanged', async () => {
    const frame = fc
      .record({ id: fc.nat(), channel: fc.constantFrom(...requestChannels), payload: hostileJson })
      .map((r) => JSON.stringify({ type: 'request', ...r }));
    await fc.assert(fc.asyncProperty(frame, sendAndCheck), { numRuns: 300, verbose: 1 });
  }, 60_000);

  it('changes settings only through a valid update, and then exactly as asked', async () => {
    const patchValue = fc.oneof(hostileJson, fc.constantFrom('dark', 'light', 250, 1000, 60_000, 249, 60_001, 1000.5));
    const patch = fc.dictionary(
      fc.oneof(fc.constantFrom('theme', 'heartbeatMs'), fc.constantFrom(...pollutionKeys), hostileString),
      patchValue,
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(patch, async (value) => {
        const before = persistedState(dataDir);
        const reply = await socket.request('settings:update', { patch: value });
        expectCleanReply(reply);
        const now = await socket.request('settings:get', {});
        if (reply.type === 'response' && reply.ok) {
          expect(now).toMatchObject({ ok: true, result: reply.result });
        } else {
          expect(persistedState(dataDir)).toEqual(before);
        }
        if (now.type === 'response' && now.ok)
          expect(Object.keys(now.result as object).sort()).toEqual(['heartbeatMs', 'theme']);
      }),
      { numRuns: 200, verbose: 1 },
    );
  }, 60_000);

  it('adds no account from any fuzzed accounts:add, and says why', async () => {
    const account = fc.record(
      {
        kind: fc.oneof(fc.constantFrom('api-key', 'address', 'manual'), hostileString),
        venue: fc.oneof(fc.constantFrom('binance-usdm', 'okx-swap', 'hyperliquid'), hostileString),
        label: hostileString,
        apiKey: hostileString,
        apiSecret: hostileString,
        baseUrl: fc.oneof(
          fc.constant('http://127.0.0.1:9/'),
          fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd'),
          hostileString,
        ),
      },
      { requiredKeys: ['kind'] },
    );
    await fc.assert(
      fc.asyncProperty(account, async (value) => {
        const reply = await socket.request('accounts:add', { account: value });
        expectCleanReply(reply);
        expect(reply).toMatchObject({ ok: false });
        expect(persistedState(dataDir).accounts).toBeNull();
      }),
      { numRuns: 150, verbose: 1 },
    );
    expect(await socket.request('accounts:list', {})).toMatchObject({ ok: true, result: [] });
  }, 60_000);

  it('closes an oversized frame (1009) and the host keeps serving', async () => {
    const big = await openRecordingSocket(host.port, host.token);
    const closed = big.closed();
    void big
      .sendRaw(
        JSON.stringify({ type: 'request', id: 1, channel: 'app:info', payload: { x: 'y'.repeat(maxFrameBytes + 10) } }),
        5_000,
      )
      .catch(() => undefined);
    expect(await closed).toBe(1009);
    const reply = await socket.request('app:info', {});
    expect(reply).toMatchObject({ ok: true, result: { name: 'LiqLens' } });
    const fresh = await openRecordingSocket(host.port, host.token);
    expect(await fresh.request('settings:get', {})).toMatchObject({ ok: true });
    await fresh.close();
  });

  it('still answers a burst of concurrent bad frames, each within the bound, and then a valid request', async () => {
    const texts = fc.sample(hostileText(requestChannels), { numRuns: 200, seed: 42 });
    const replies = await Promise.all(texts.map((text) => socket.sendRaw(text, 10_000)));
    for (const reply of replies) expectCleanReply(reply);
    expect(await socket.request('app:info', {})).toMatchObject({ ok: true });
    expect(host.connectionCount()).toBeGreaterThanOrEqual(1);
    // Every frame the renderer would have received was valid JSON of the wire format.
    for (const frame of socket.frames)
      expect(['response', 'event', 'error']).toContain((JSON.parse(frame) as HostMessage).type);
  }, 60_000);
});
