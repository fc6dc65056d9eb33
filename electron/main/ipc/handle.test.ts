import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultAlertConfig } from '../../../shared/alerts';
import type { IpcMainInvokeEvent } from 'electron';
import { requestChannels, type RequestChannel } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/envelope';
import { createSilentLogger } from '../../core/logger';
import { handle, type SenderPolicy } from './handle';
import { registerContract, type ContractHandlers } from './register';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const ipc = vi.hoisted(() => ({ handlers: new Map<string, (event: never, payload: unknown) => Promise<unknown>>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: never, payload: unknown) => Promise<unknown>) => {
      if (ipc.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipc.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const appUrl = 'file:///app/out/renderer/index.html';
const policy: SenderPolicy = {
  trusted: { has: (id) => id === 7 },
  isAppUrl: (url) => url === appUrl,
  logger: createSilentLogger(),
};

interface FakeFrame {
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  url: string;
}

/** An invoke event as Electron builds it; each field can be overridden to play an attacker. */
function invokeEvent(options: { senderId?: number; frame?: FakeFrame | null } = {}): IpcMainInvokeEvent {
  const mainFrame: FakeFrame = { parent: null, processId: 3, routingId: 1, url: appUrl };
  const senderFrame = options.frame === undefined ? mainFrame : options.frame;
  return { sender: { id: options.senderId ?? 7, mainFrame }, senderFrame } as unknown as IpcMainInvokeEvent;
}

function call(channel: string, event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> {
  const listener = ipc.handlers.get(channel) as Listener | undefined;
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(event, payload) as Promise<Envelope<unknown>>;
}

beforeEach(() => ipc.handlers.clear());

describe('handle()', () => {
  it('passes a valid payload from the app window to the handler and wraps the result', async () => {
    const fn = vi.fn(async ({ id }: { id: string }) => [{ id, level: 'info' as const, message: 'kept', timeMs: 1 }]);
    handle('notices:dismiss', fn, policy);
    const reply = await call('notices:dismiss', invokeEvent(), { id: 'n-1' });
    expect(fn).toHaveBeenCalledWith({ id: 'n-1' });
    expect(reply).toEqual({ ok: true, result: [{ id: 'n-1', level: 'info', message: 'kept', timeMs: 1 }] });
  });

  it.each([
    ['a webContents the app did not create', invokeEvent({ senderId: 99 }), /unknown sender/],
    [
      'a sub-frame',
      invokeEvent({
        frame: {
          parent: { parent: null, processId: 3, routingId: 1, url: appUrl },
          processId: 3,
          routingId: 5,
          url: appUrl,
        },
      }),
      /sub-frame/,
    ],
    ['a frame that is gone', invokeEvent({ frame: null }), /frame is gone/],
    [
      'a main frame showing another page',
      invokeEvent({ frame: { parent: null, processId: 3, routingId: 1, url: 'https://evil.example/' } }),
      /foreign page/,
    ],
  ])('refuses %s before the handler runs', async (_name, event, reason) => {
    const fn = vi.fn(async () => ({
      name: 'LiqLens',
      version: '1',
      mode: 'electron' as const,
      dataDir: '/d',
      notices: [],
      firstStart: false,
      keyStorage: 'keychain' as const,
    }));
    handle('app:info', fn, policy);
    const reply = await call('app:info', event, {});
    expect(fn).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('forbidden');
    expect(reply.error.message).toMatch(reason);
  });

  it('refuses an invalid payload with the channel and field named, before the handler runs', async () => {
    const fn = vi.fn(async () => []);
    handle('notices:dismiss', fn, policy);
    const reply = await call('notices:dismiss', invokeEvent(), { id: 42 });
    expect(fn).not.toHaveBeenCalled();
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/^notices:dismiss: id: /);
  });

  it('turns a handler failure into an error envelope without a stack trace', async () => {
    handle(
      'settings:get',
      async () => {
        throw new Error('Settings are unavailable.');
      },
      policy,
    );
    const reply = await call('settings:get', invokeEvent(), {});
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'Settings are unavailable.' } });
    expect(JSON.stringify(reply)).not.toMatch(/at .*handle\.test/);
  });

  it('returns a function that removes the handler', () => {
    const remove = handle('settings:get', async () => ({ theme: 'dark', heartbeatMs: 1000 }), policy);
    expect(ipc.handlers.has('settings:get')).toBe(true);
    remove();
    expect(ipc.handlers.has('settings:get')).toBe(false);
  });
});

describe('registerContract()', () => {
  const handlers: ContractHandlers = {
    'app:info': async () => ({
      name: 'LiqLens',
      version: '1',
      mode: 'electron',
      dataDir: '/d',
      notices: [],
      firstStart: false,
      keyStorage: 'keychain',
    }),
    'settings:get': async () => ({ theme: 'dark', heartbeatMs: 1000 }),
    'settings:update': async ({ patch }) => ({ theme: patch.theme ?? 'dark', heartbeatMs: 1000 }),
    'notices:dismiss': async () => [],
    'accounts:list': async () => [],
    'accounts:add': async () => ({
      id: 'a',
      label: 'A',
      venue: 'binance-usdm',
      source: 'production',
      kind: 'api-key',
      status: 'live',
      freshness: { state: 'live', updatedAtMs: 0 },
      updatedAtMs: 1,
      equity: 1,
      maintenanceMargin: 0,
      marginRatio: 0,
      accountMode: null,
      venueGauge: null,
    }),
    'accounts:remove': async () => [],
    'accounts:set-key': async () => {
      throw new Error('This account does not need a key.');
    },
    'positions:list': async () => [],
    'market:open': async ({ market, timeframe }) => ({
      venue: market.venue,
      source: market.source,
      symbol: market.symbol,
      displaySymbol: 'BTC/USDT',
      timeframe,
      tickSize: 0.1,
      candles: [],
      markPrice: null,
      updatedAtMs: null,
      stale: true,
      freshness: { state: 'unknown', reason: 'loading the market' },
      clusters: null,
      backfill: { state: 'idle', progress: 0, message: '' },
    }),
    'market:close': async () => null,
    'context:get': async () => {
      throw new Error('not used here');
    },
    'map:aggregate': async () => {
      throw new Error('not used here');
    },
    'demo:get': async () => ({ available: false, reason: 'no Demo' }),
    'demo:set': async () => ({ available: false, reason: 'no Demo' }),
    'alerts:list': async () => ({ active: [], worstLevel: null, history: [] }),
    'alerts:test': async () => ({ outcomes: [] }),
    'alerts:config-get': async () => defaultAlertConfig(),
    'alerts:config-set': async () => defaultAlertConfig(),
    'channels:list': async () => ({ secretStorage: 'memory', channels: [], failures: [] }),
    'channels:set': async () => ({ secretStorage: 'memory', channels: [], failures: [] }),
    'channels:remove': async () => ({ secretStorage: 'memory', channels: [], failures: [] }),
    'alerts:snooze': async () => ({ active: [], worstLevel: null, history: [] }),
    'alerts:acknowledge': async () => ({ active: [], worstLevel: null, history: [] }),
  };

  it('registers every request channel of the contract, each answering through its own handler', async () => {
    registerContract(handlers, policy);
    expect([...ipc.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    const reply = await call('settings:update', invokeEvent(), { patch: { theme: 'light' } });
    expect(reply).toEqual({ ok: true, result: { theme: 'light', heartbeatMs: 1000 } });
  });

  it('removes every handler again', () => {
    const unregister = registerContract(handlers, policy);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('keeps the mapped type honest: a missing channel is a type error', () => {
    const { 'notices:dismiss': _dropped, ...incomplete } = handlers;
    // @ts-expect-error every channel of the contract must have a handler
    const check: ContractHandlers = incomplete;
    expect(Object.keys(check)).not.toContain('notices:dismiss' satisfies RequestChannel);
  });
});
