import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiqLensApi } from '../../shared/ipc/contract';

type Listener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn<(channel: string, payload: unknown) => Promise<unknown>>(),
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc event object', ports: [] }, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

/** Every LiqLensApi member; a mapped type, so a member added to the interface fails tsc here until listed. */
const apiMembers: { readonly [K in keyof LiqLensApi]: true } = {
  getAppInfo: true,
  getSettings: true,
  updateSettings: true,
  dismissNotice: true,
  onHeartbeat: true,
  onSettingsChanged: true,
  onNoticesChanged: true,
  listAccounts: true,
  addAccount: true,
  removeAccount: true,
  setAccountKey: true,
  listPositions: true,
  onAccountsChanged: true,
  onPositionsChanged: true,
  openMarket: true,
  closeMarket: true,
  onMarketUpdate: true,
  getMarketContext: true,
  getAggregateMap: true,
  getDemoControl: true,
  setDemoControl: true,
  listAlerts: true,
  sendTestNotification: true,
  onAlert: true,
  onAlertsChanged: true,
  onFocusPosition: true,
  getAlertConfig: true,
  setAlertConfig: true,
  listChannels: true,
  setChannel: true,
  removeChannel: true,
  onChannelsChanged: true,
  snoozeAlerts: true,
  acknowledgeAlerts: true,
};

async function loadPreload(): Promise<LiqLensApi> {
  vi.resetModules();
  electron.exposed.clear();
  await import('./index');
  return electron.exposed.get('liqlens') as LiqLensApi;
}

beforeEach(() => {
  electron.invoke.mockReset();
  electron.listeners.clear();
});

describe('preload', () => {
  it('exposes only window.liqlens, with exactly one function per LiqLensApi member and no ipcRenderer', async () => {
    const api = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['liqlens']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(apiMembers).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends a request on its channel and resolves with the envelope result', async () => {
    const api = await loadPreload();
    electron.invoke.mockResolvedValue({ ok: true, result: { theme: 'light', heartbeatMs: 1000 } });
    await expect(api.updateSettings({ theme: 'light' })).resolves.toEqual({ theme: 'light', heartbeatMs: 1000 });
    expect(electron.invoke).toHaveBeenCalledWith('settings:update', { patch: { theme: 'light' } });
  });

  it('turns an error envelope into a rejected promise carrying its message', async () => {
    const api = await loadPreload();
    electron.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'invalid-payload', message: 'notices:dismiss: id: Too small' },
    });
    await expect(api.dismissNotice('')).rejects.toThrow('notices:dismiss: id: Too small');
  });

  it('delivers event payloads without the IPC event object, and unsubscribes', async () => {
    const api = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = api.onHeartbeat((...args: unknown[]) => received.push(args));
    electron.emit('core:heartbeat', { seq: 1, coreTimeMs: 5, uptimeMs: 0 });
    expect(received).toEqual([[{ seq: 1, coreTimeMs: 5, uptimeMs: 0 }]]);
    unsubscribe();
    electron.emit('core:heartbeat', { seq: 2, coreTimeMs: 6, uptimeMs: 1 });
    expect(received).toHaveLength(1);
    expect(electron.listeners.get('core:heartbeat')?.size).toBe(0);
  });
});
