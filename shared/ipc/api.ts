import type { EventName, Events, LiqLensApi, RequestChannel, RequestPayload, Results } from './contract';

/** What a transport (Electron IPC or the web-mode WebSocket) must provide to carry the contract. */
export interface ContractTransport {
  invoke<C extends RequestChannel>(channel: C, payload: RequestPayload<C>): Promise<Results[C]>;
  subscribe<E extends EventName>(event: E, callback: (payload: Events[E]) => void): () => void;
}

/**
 * Builds the renderer-facing API on a transport: one method per channel, so the renderer never
 * sees a generic `invoke` and the preload never exposes `ipcRenderer`.
 */
export function createLiqLensApi(transport: ContractTransport): LiqLensApi {
  return {
    getAppInfo: () => transport.invoke('app:info', {}),
    getSettings: () => transport.invoke('settings:get', {}),
    updateSettings: (patch) => transport.invoke('settings:update', { patch }),
    dismissNotice: (id) => transport.invoke('notices:dismiss', { id }),
    onHeartbeat: (callback) => transport.subscribe('core:heartbeat', callback),
    onSettingsChanged: (callback) => transport.subscribe('settings:changed', callback),
    onNoticesChanged: (callback) => transport.subscribe('notices:changed', callback),
    listAccounts: () => transport.invoke('accounts:list', {}),
    addAccount: (account) => transport.invoke('accounts:add', { account }),
    removeAccount: (accountId) => transport.invoke('accounts:remove', { accountId }),
    setAccountKey: (key) => transport.invoke('accounts:set-key', key),
    listPositions: () => transport.invoke('positions:list', {}),
    onAccountsChanged: (callback) => transport.subscribe('accounts:changed', callback),
    onPositionsChanged: (callback) => transport.subscribe('positions:changed', callback),
    openMarket: (market, timeframe) => transport.invoke('market:open', { market, timeframe }),
    closeMarket: (market) => transport.invoke('market:close', { market }),
    onMarketUpdate: (callback) => transport.subscribe('market:update', callback),
    getMarketContext: (market) => transport.invoke('context:get', { market }),
    getAggregateMap: (market) => transport.invoke('map:aggregate', { market }),
    getDemoControl: () => transport.invoke('demo:get', {}),
    setDemoControl: (change) => transport.invoke('demo:set', { change }),
    listAlerts: () => transport.invoke('alerts:list', {}),
    sendTestNotification: () => transport.invoke('alerts:test', {}),
    onAlert: (callback) => transport.subscribe('alerts:event', callback),
    onAlertsChanged: (callback) => transport.subscribe('alerts:changed', callback),
    onFocusPosition: (callback) => transport.subscribe('alerts:focus', callback),
    getAlertConfig: () => transport.invoke('alerts:config-get', {}),
    setAlertConfig: (config) => transport.invoke('alerts:config-set', { config }),
    listChannels: () => transport.invoke('channels:list', {}),
    setChannel: (channel) => transport.invoke('channels:set', { channel }),
    removeChannel: (kind) => transport.invoke('channels:remove', { kind }),
    onChannelsChanged: (callback) => transport.subscribe('channels:changed', callback),
    snoozeAlerts: (position, untilMs) => transport.invoke('alerts:snooze', { position, untilMs }),
    acknowledgeAlerts: (position) => transport.invoke('alerts:acknowledge', { position }),
  };
}
