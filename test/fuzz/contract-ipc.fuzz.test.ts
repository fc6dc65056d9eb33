import fc from 'fast-check';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Core } from '../../electron/core/create-core';
import { createSilentLogger } from '../../electron/core/logger';
import type { SenderPolicy } from '../../electron/main/ipc/handle';
import { registerContract } from '../../electron/main/ipc/register';
import { hostileJson, hostileString, nestedText, pollutionKeys, protoPayloadText } from './adversarial';
import { createOfflineCore, expectEnvelope, persistedState } from './offline-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

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
interface FakeFrame {
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  url: string;
}
const mainFrame: FakeFrame = { parent: null, processId: 3, routingId: 1, url: appUrl };
const trustedEvent = { sender: { id: 7, mainFrame }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;

/** Calls a registered channel as the renderer would; rejects when no answer comes within `limitMs`. */
async function invoke(
  channel: string,
  payload: unknown,
  event: IpcMainInvokeEvent = trustedEvent,
  limitMs = 3_000,
): Promise<Envelope<unknown>> {
  const listener = ipc.handlers.get(channel) as Listener | undefined;
  if (!listener) throw new Error(`no handler for ${channel}`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} did not answer within ${limitMs} ms`)), limitMs);
  });
  try {
    return (await Promise.race([listener(event, payload), hang])) as Envelope<unknown>;
  } finally {
    clearTimeout(timer);
  }
}

describe('Electron IPC handlers under random and adversarial payloads', () => {
  let dataDir = '';
  let core: Core;
  let unregister: () => void = () => undefined;
  const ran: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'liqlens-fuzz-ipc-'));
    core = createOfflineCore(dataDir);
    await core.start();
    const policy: SenderPolicy = {
      trusted: { has: (id) => id === 7 },
      isAppUrl: (url) => url === appUrl,
      logger: createSilentLogger(),
    };
    // Record which handlers actually ran, so a refused sender can be shown to have reached none.
    const handlers = Object.fromEntries(
      requestChannels.map((channel) => [
        channel,
        async (payload: unknown) => {
          ran.push(channel);
          return (core.handlers[channel] as (payload: unknown) => Promise<unknown>)(payload);
        },
      ]),
    ) as unknown as Parameters<typeof registerContract>[0];
    unregister = registerContract(handlers, policy);
  });
  afterAll(async () => {
    unregister();
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every channel with a clear error or a valid result, changing nothing on a refusal', async () => {
    const payload = fc.oneof(
      hostileJson,
      fc.constant(undefined),
      fc.constantFrom(...pollutionKeys).map((key) => JSON.parse(`{"${key}":{"polluted":1}}`) as unknown),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requestChannels), payload, async (channel, value) => {
        const before = persistedState(dataDir);
        const reply = await invoke(channel, value);
        expectEnvelope(reply);
        if (!reply.ok || channel !== 'settings:update') expect(persistedState(dataDir)).toEqual(before);
        expect(persistedState(dataDir).accounts).toBeNull();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 600, verbose: 1 },
    );
  }, 60_000);

  it('survives deep nesting, prototype keys and huge strings on every channel', async () => {
    const payloads: unknown[] = [
      JSON.parse(nestedText(5_000, true)) as unknown,
      JSON.parse(nestedText(5_000, false)) as unknown,
      JSON.parse(protoPayloadText('{"polluted":1}')) as unknown,
      { patch: JSON.parse(protoPayloadText('{"theme":"light"}')) as unknown },
      { id: 'x'.repeat(2_000_000) },
      {
        account: {
          kind: 'api-key',
          venue: 'binance-usdm',
          label: 'L',
          apiKey: 'k'.repeat(1_000_000),
          apiSecret: 's'.repeat(1_000_000),
        },
      },
    ];
    for (const channel of requestChannels) {
      for (const payload of payloads) {
        const before = persistedState(dataDir);
        const reply = await invoke(channel, payload);
        expectEnvelope(reply);
        if (!reply.ok) expect(persistedState(dataDir)).toEqual(before);
      }
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await invoke('settings:get', {})).ok).toBe(true);
  }, 60_000);

  it('refuses any sender that is not the app main frame before a handler runs', async () => {
    const frame = fc.record({
      parent: fc.constantFrom(null, mainFrame),
      processId: fc.constantFrom(3, 4),
      routingId: fc.constantFrom(1, 2),
      url: fc.oneof(fc.constant(appUrl), hostileString),
    });
    const event = fc.record({
      senderId: fc.oneof(fc.constant(7), fc.integer()),
      frame: fc.option(frame, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...requestChannels),
        event,
        hostileJson,
        async (channel, { senderId, frame: senderFrame }, payload) => {
          const trusted =
            senderId === 7 &&
            senderFrame !== null &&
            senderFrame.parent === null &&
            senderFrame.processId === 3 &&
            senderFrame.routingId === 1 &&
            senderFrame.url === appUrl;
          if (trusted) return;
          ran.length = 0;
          const reply = await invoke(channel, payload, {
            sender: { id: senderId, mainFrame },
            senderFrame,
          } as unknown as IpcMainInvokeEvent);
          expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(ran).toEqual([]);
        },
      ),
      { numRuns: 300, verbose: 1 },
    );
  }, 60_000);

  it('changes settings only through a valid update', async () => {
    const patch = fc.dictionary(
      fc.oneof(fc.constantFrom('theme', 'heartbeatMs'), fc.constantFrom(...pollutionKeys)),
      fc.oneof(hostileJson, fc.constantFrom('dark', 'light', 250, 60_000, 249)),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(patch, async (value) => {
        const before = persistedState(dataDir);
        const reply = await invoke('settings:update', { patch: value });
        expectEnvelope(reply);
        const now = await invoke('settings:get', {});
        if (reply.ok) expect(now).toEqual({ ok: true, result: reply.result });
        else expect(persistedState(dataDir)).toEqual(before);
      }),
      { numRuns: 200, verbose: 1 },
    );
  }, 60_000);
});
