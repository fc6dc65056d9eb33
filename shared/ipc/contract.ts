/**
 * The one contract between the renderer and the core. Every request channel has a zod schema for
 * its payload and a result type; every event has a payload type; `LiqLensApi` is what the renderer
 * sees as `window.liqlens` (Electron) or over the WebSocket (web mode). A misspelt channel or a
 * wrong payload fails `tsc` on both sides. The shapes it carries live in `./views/` (one file per
 * topic) and the domain notions in `../domain/`; this file holds only the channels and their types.
 */
import { z } from 'zod';
import { AccountVenueSchema, AddressVenueSchema, KeyVenueSchema } from '../domain/account-venue';
import { isAllowedBaseUrl } from '../domain/base-url';
import { MarketKeySchema, type MarketKey } from '../domain/market-source';
import { alertConfigSchema, type AlertConfig, type AlertEvent } from '../alerts';
import type { AccountSummary } from './views/accounts';
import type { AlertsView } from './views/alerts';
import {
  ChannelSetupSchema,
  channelKinds,
  type ChannelSetup,
  type ChannelsView,
  type TestReport,
} from './views/channels';
import type { AppInfo, Heartbeat, Notice } from './views/app';
import { DemoControlChangeSchema, type DemoControlChange, type DemoControlView } from './views/demo';
import type { MarketContextView } from './views/market-context';
import type { AggregateMapWire } from './views/clusters';
import { ChartTimeframeSchema, type ChartTimeframe, type MarketUpdate, type MarketView } from './views/markets';
import type { AccountPositions } from './views/positions';
import { SettingsSchema, type Settings } from './views/settings';

/** A partial settings update; unknown fields are refused so a typo is not silently ignored. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
/** A partial settings update, as parsed. */
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

const labelSchema = z.string().trim().min(1, 'give the account a name').max(64);
const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(256)
  .refine(isAllowedBaseUrl, 'must be https (plain http only on this machine: 127.0.0.1 or localhost)')
  .optional();

/** One position typed in by hand; priced from the venue's public market data (mark price, tiers). */
export const ManualPositionSchema = z
  .object({
    /** The venue's symbol (BTCUSDT, BTC-USDT-SWAP, BTC) or a unified one (BTC/USDT:USDT). */
    symbol: z.string().trim().min(1).max(40),
    side: z.enum(['long', 'short']),
    /** Size in base units (e.g. 0.5 BTC), not contracts. */
    sizeBase: z.number().positive('must be more than 0').max(1e9),
    entryPrice: z.number().positive('must be more than 0').max(1e9),
    leverage: z.number().min(1, 'must be at least 1').max(200),
    marginMode: z.enum(['isolated', 'cross']),
    /** Isolated: the margin held by the position (without PnL), in the quote currency; ignored for cross. */
    isolatedMargin: z.number().nonnegative().max(1e12).optional(),
  })
  .strict();
/** One hand-typed position, as parsed. */
export type ManualPosition = z.infer<typeof ManualPositionSchema>;

/** How many positions one typed-in account holds at most (the same cap as in the saved account list). */
export const maxManualPositions = 20;

/** The fields of a read-only API key, as typed into the add-account dialog or given again. */
const keyFields = {
  apiKey: z.string().trim().min(8, 'looks too short for an API key').max(256),
  apiSecret: z.string().trim().min(8, 'looks too short for an API secret').max(256),
  /** OKX only: the passphrase chosen when the key was made. */
  passphrase: z.string().max(128).optional(),
};

/** A saved key account's key given again (web mode forgets keys when it stops). */
export const AccountKeySchema = z.object({ accountId: z.string().min(1).max(128), ...keyFields }).strict();
/** A key given again, as parsed. */
export type AccountKey = z.infer<typeof AccountKeySchema>;

/** A new account: read-only API keys, a public Hyperliquid address, or a position typed in by hand. */
export const AccountAddSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('api-key'),
      venue: KeyVenueSchema,
      label: labelSchema,
      ...keyFields,
      baseUrl: baseUrlSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('address'),
      venue: AddressVenueSchema,
      label: labelSchema,
      address: z
        .string()
        .trim()
        .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x address of 40 hex digits'),
      baseUrl: baseUrlSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('manual'),
      venue: AccountVenueSchema,
      label: labelSchema,
      /** Cross wallet balance (without unrealized PnL) backing cross positions, quote currency; 0 when all are isolated. */
      walletBalance: z.number().nonnegative().max(1e12),
      positions: z
        .array(ManualPositionSchema)
        .min(1, 'add at least one position')
        .max(maxManualPositions, `at most ${maxManualPositions} positions per account`),
      baseUrl: baseUrlSchema,
    })
    .strict(),
]);
/** A new account, as parsed. */
export type AccountAdd = z.infer<typeof AccountAddSchema>;

// A market is (venue, source, symbol); the notion lives in the domain, the contract carries it.
export { MarketKeySchema, type MarketKey } from '../domain/market-source';

/** One position an alert is about: account, the venue's symbol, side. */
const AlertPositionSchema = z
  .object({ accountId: z.string().min(1).max(128), symbol: z.string().min(1).max(64), side: z.enum(['long', 'short']) })
  .strict();

/** Payload schemas of every request channel, renderer to core. Channels are `noun:verb`. */
export const requests = {
  'app:info': z.object({}).strict(),
  'settings:get': z.object({}).strict(),
  'settings:update': z.object({ patch: SettingsPatchSchema }).strict(),
  'notices:dismiss': z.object({ id: z.string().min(1).max(128) }).strict(),
  'accounts:list': z.object({}).strict(),
  'accounts:add': z.object({ account: AccountAddSchema }).strict(),
  'accounts:remove': z.object({ accountId: z.string().min(1).max(128) }).strict(),
  /** Gives a saved key account whose key is gone ("key needed") its key again; checked like a new one. */
  'accounts:set-key': AccountKeySchema,
  'positions:list': z.object({}).strict(),
  'market:open': z.object({ market: MarketKeySchema, timeframe: ChartTimeframeSchema }).strict(),
  'market:close': z.object({ market: MarketKeySchema }).strict(),
  'context:get': z.object({ market: MarketKeySchema }).strict(),
  /** The map of the market's coin across every venue read at the market's source; the other venues' markets are held while the market is open. */
  'map:aggregate': z.object({ market: MarketKeySchema }).strict(),
  'demo:get': z.object({}).strict(),
  'demo:set': z.object({ change: DemoControlChangeSchema }).strict(),
  'alerts:list': z.object({}).strict(),
  'alerts:test': z.object({}).strict(),
  'alerts:config-get': z.object({}).strict(),
  /** Replaces the alert settings (levels, rules on/off, quiet hours, per-account overrides). */
  'alerts:config-set': z.object({ config: alertConfigSchema }).strict(),
  'channels:list': z.object({}).strict(),
  /** Sets up one notification channel; its secret travels only this way, never back. */
  'channels:set': z.object({ channel: ChannelSetupSchema }).strict(),
  'channels:remove': z.object({ kind: z.enum(channelKinds) }).strict(),
  /**
   * Snoozes one position's alerts until `untilMs` (Unix ms, at most two days ahead; null ends the
   * snooze): recorded, not notified, except a liquidation.
   */
  'alerts:snooze': z
    .object({ position: AlertPositionSchema, untilMs: z.number().int().positive().nullable() })
    .strict(),
  /** Acknowledges a position's alerts at the level they reached: they stop ringing until the level rises. */
  'alerts:acknowledge': z.object({ position: AlertPositionSchema }).strict(),
} as const;

/** Result type of every request channel. */
export interface Results {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:update': Settings;
  'notices:dismiss': readonly Notice[];
  'accounts:list': readonly AccountSummary[];
  'accounts:add': AccountSummary;
  'accounts:remove': readonly AccountSummary[];
  'accounts:set-key': AccountSummary;
  'positions:list': readonly AccountPositions[];
  'market:open': MarketView;
  'market:close': null;
  'context:get': MarketContextView;
  'map:aggregate': AggregateMapWire;
  'demo:get': DemoControlView;
  'demo:set': DemoControlView;
  'alerts:list': AlertsView;
  'alerts:test': TestReport;
  'alerts:config-get': AlertConfig;
  'alerts:config-set': AlertConfig;
  'channels:list': ChannelsView;
  'channels:set': ChannelsView;
  'channels:remove': ChannelsView;
  'alerts:snooze': AlertsView;
  'alerts:acknowledge': AlertsView;
}

/** A request channel name. */
export type RequestChannel = keyof typeof requests;
/** The parsed payload of a request channel. */
export type RequestPayload<C extends RequestChannel> = z.infer<(typeof requests)[C]>;

/** Payload type of every event, core to renderer. */
export interface Events {
  'core:heartbeat': Heartbeat;
  'settings:changed': Settings;
  'notices:changed': readonly Notice[];
  'accounts:changed': readonly AccountSummary[];
  'positions:changed': AccountPositions;
  'market:update': MarketUpdate;
  'alerts:event': AlertEvent;
  'alerts:changed': AlertsView;
  /** The user clicked a notification about this position: show it. */
  'alerts:focus': { readonly accountId: string; readonly symbol: string; readonly side: 'long' | 'short' };
  /** A channel's settings or delivery status changed. */
  'channels:changed': ChannelsView;
}

/** An event name. */
export type EventName = keyof Events;

/** Every request channel, in a stable order (used by the transports to register handlers). */
export const requestChannels = Object.keys(requests) as RequestChannel[];

/**
 * Every event name, each once: a `satisfies` record rather than a hand-kept array, so an event added
 * to `Events` and missing here (or listed here and not in `Events`) fails `tsc`. The transports
 * forward exactly these (electron/main/ipc/forward-events.ts, electron/web/contract-socket.ts).
 */
export const eventNameSet = {
  'core:heartbeat': true,
  'settings:changed': true,
  'notices:changed': true,
  'accounts:changed': true,
  'positions:changed': true,
  'market:update': true,
  'alerts:event': true,
  'alerts:changed': true,
  'alerts:focus': true,
  'channels:changed': true,
} as const satisfies Record<EventName, true>;

/** Every event name, in a stable order (the order of `eventNameSet`). */
export const eventNames = Object.keys(eventNameSet) as readonly EventName[];

/** The API the renderer uses: one method per request channel, `onX(cb) => unsubscribe` per event. */
export interface LiqLensApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  dismissNotice(id: string): Promise<readonly Notice[]>;
  onHeartbeat(callback: (heartbeat: Heartbeat) => void): () => void;
  onSettingsChanged(callback: (settings: Settings) => void): () => void;
  onNoticesChanged(callback: (notices: readonly Notice[]) => void): () => void;
  listAccounts(): Promise<readonly AccountSummary[]>;
  addAccount(account: AccountAdd): Promise<AccountSummary>;
  removeAccount(accountId: string): Promise<readonly AccountSummary[]>;
  /** Gives an account listed as "key needed" its key again. */
  setAccountKey(key: AccountKey): Promise<AccountSummary>;
  listPositions(): Promise<readonly AccountPositions[]>;
  onAccountsChanged(callback: (accounts: readonly AccountSummary[]) => void): () => void;
  onPositionsChanged(callback: (positions: AccountPositions) => void): () => void;
  /** Opens (or switches the timeframe of) a market: backfills its history and streams updates. */
  openMarket(market: MarketKey, timeframe: ChartTimeframe): Promise<MarketView>;
  closeMarket(market: MarketKey): Promise<null>;
  onMarketUpdate(callback: (update: MarketUpdate) => void): () => void;
  /** The market context beside the map (open interest, funding, CVD, long/short ratio, volume, flags). */
  getMarketContext(market: MarketKey): Promise<MarketContextView>;
  /** The map of the market's coin summed across the venues read at its source, with the venues missing and why. */
  getAggregateMap(market: MarketKey): Promise<AggregateMapWire>;
  /** The Demo's scenario and speed, or why there is no control (no Demo running). */
  getDemoControl(): Promise<DemoControlView>;
  /** Starts a Demo scenario now and/or changes the Demo's speed. */
  setDemoControl(change: DemoControlChange): Promise<DemoControlView>;
  listAlerts(): Promise<AlertsView>;
  /** Sends a test notification through the same path real alerts take; says what each channel did. */
  sendTestNotification(): Promise<TestReport>;
  onAlert(callback: (event: AlertEvent) => void): () => void;
  onAlertsChanged(callback: (alerts: AlertsView) => void): () => void;
  onFocusPosition(callback: (target: Events['alerts:focus']) => void): () => void;
  getAlertConfig(): Promise<AlertConfig>;
  setAlertConfig(config: z.input<typeof alertConfigSchema>): Promise<AlertConfig>;
  listChannels(): Promise<ChannelsView>;
  setChannel(channel: ChannelSetup): Promise<ChannelsView>;
  removeChannel(kind: ChannelSetup['kind']): Promise<ChannelsView>;
  onChannelsChanged(callback: (channels: ChannelsView) => void): () => void;
  /** Snoozes a position's alerts until `untilMs` (Unix ms; null ends it); resolves with the alerts view. */
  snoozeAlerts(position: AlertPosition, untilMs: number | null): Promise<AlertsView>;
  /** Acknowledges a position's alerts at their level; resolves with the alerts view. */
  acknowledgeAlerts(position: AlertPosition): Promise<AlertsView>;
}

/** One position an alert is about, as `alerts:snooze` and `alerts:acknowledge` take it. */
export type AlertPosition = z.infer<typeof AlertPositionSchema>;
