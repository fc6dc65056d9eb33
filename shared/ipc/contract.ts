/**
 * The one contract between the renderer and the core. Every request channel has a zod schema for
 * its payload and a result type; every event has a payload type; `LiqLensApi` is what the renderer
 * sees as `window.liqlens` (Electron) or over the WebSocket (web mode). A misspelt channel or a
 * wrong payload fails `tsc` on both sides.
 */
import { z } from 'zod';
import type { Candle } from '../domain/candle';
import type { RiskAccount } from '../domain/risk-account';
import { accountVenues, type AccountVenue } from '../domain/venue';
import type { BinSize, LiquidationMap } from '../clusters';
import { alertConfigSchema, type ActiveAlert, type AlertConfig, type AlertEvent, type Level } from '../alerts';

/** Themes the renderer can draw; dark is the default. */
export const ThemeSchema = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof ThemeSchema>;

/** How the app is running: the Electron desktop shell, or the web-mode host in a browser. */
export type AppMode = 'web' | 'electron';

/** Settings the user can change; the store fills in defaults for missing fields. */
export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** How often the core publishes its heartbeat, in milliseconds. */
  heartbeatMs: z.number().int().min(250).max(60_000),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial settings update; unknown fields are refused so a typo is not silently ignored. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Something the user should be told once, such as a settings file that had to be reset. */
export interface Notice {
  readonly id: string;
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  /** When the core raised it, in epoch milliseconds. */
  readonly timeMs: number;
}

/** What `app:info` answers. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly mode: AppMode;
  /** Absolute path of the folder holding settings, history and recordings. */
  readonly dataDir: string;
  /** Notices raised before the renderer connected (e.g. a corrupt settings file moved aside). */
  readonly notices: readonly Notice[];
  /** The first start in this data folder: the renderer offers the Demo and how to connect. */
  readonly firstStart: boolean;
}

/** Venues an account can be connected to, from the venue registry (shared/domain/venue.ts). */
export const AccountVenueSchema = z.enum(accountVenues);
export type { AccountVenue };

const labelSchema = z.string().trim().min(1, 'give the account a name').max(64);
const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(256)
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
export type ManualPosition = z.infer<typeof ManualPositionSchema>;

/** A new account: read-only API keys, a public Hyperliquid address, or a position typed in by hand. */
export const AccountAddSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('api-key'),
      venue: AccountVenueSchema.exclude(['hyperliquid']),
      label: labelSchema,
      apiKey: z.string().trim().min(8, 'looks too short for an API key').max(256),
      apiSecret: z.string().trim().min(8, 'looks too short for an API secret').max(256),
      /** OKX only: the passphrase chosen when the key was made. */
      passphrase: z.string().max(128).optional(),
      baseUrl: baseUrlSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('address'),
      venue: z.literal('hyperliquid'),
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
      positions: z.array(ManualPositionSchema).min(1, 'add at least one position').max(20),
      baseUrl: baseUrlSchema,
    })
    .strict(),
]);
export type AccountAdd = z.infer<typeof AccountAddSchema>;

/** How an account reads its positions. */
export type AccountKind = 'api-key' | 'address' | 'manual' | 'demo';

/** Where an account's data stands. */
export type AccountStatus = 'connecting' | 'live' | 'stale' | 'error';

/** What the permission check found for an account's key. */
export interface KeyPermissions {
  readonly readOnly: boolean;
  readonly canTrade: boolean;
  readonly canWithdraw: boolean;
  /** A plain warning when the key can do more than read, otherwise absent. */
  readonly warning?: string;
}

/** An account as the renderer sees it: never its keys. */
export interface AccountSummary {
  readonly id: string;
  readonly label: string;
  readonly venue: AccountVenue;
  readonly kind: AccountKind;
  readonly status: AccountStatus;
  /** Why the status is not live, in plain words. */
  readonly statusMessage?: string;
  readonly permissions?: KeyPermissions;
  /** When the last snapshot arrived, epoch ms; null before the first. */
  readonly updatedAtMs: number | null;
  readonly equity: number | null;
  readonly maintenanceMargin: number | null;
  /** Maintenance / equity of the account, 1 = liquidation. */
  readonly marginRatio: number | null;
}

/**
 * The nearest large cluster of other traders' liquidations on a position's liquidation side (longs
 * below a long, shorts above a short), from the cluster model of the position's market: still
 * loading, unavailable (with the reason), none in range, or found.
 */
export type LiquidationSideCluster =
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'none' }
  | {
      readonly state: 'found';
      /** Centre, low and high of the cluster's window, quote units. */
      readonly price: number;
      readonly low: number;
      readonly high: number;
      /** Estimated USD of that side's liquidations in the window. */
      readonly usd: number;
      /** (cluster − mark) / mark, signed fraction. */
      readonly distance: number;
      /** The cluster lies between the mark and the position's liquidation price. */
      readonly beforeLiquidation: boolean;
    };

/** One open position with the exchange's numbers, the app's own, and the self-check between them. */
export interface PositionView {
  readonly accountId: string;
  readonly venue: AccountVenue;
  /** The venue's symbol, e.g. BTCUSDT or BTC-USDT-SWAP. */
  readonly symbol: string;
  /** A venue-neutral name such as BTC/USDT. */
  readonly displaySymbol: string;
  readonly side: 'long' | 'short';
  readonly marginMode: 'isolated' | 'cross';
  /** Base units. */
  readonly sizeBase: number;
  readonly entryPrice: number;
  readonly markPrice: number;
  readonly leverage: number | null;
  /** The exchange's own liquidation price (the truth for a live position). */
  readonly exchangeLiquidationPrice: number | null;
  /** The app's own liquidation price from shared/risk. */
  readonly computedLiquidationPrice: number | null;
  /** computed − exchange, in price units; null when either is missing. */
  readonly selfCheckDifference: number | null;
  /** True when the difference is within one price tick. */
  readonly selfCheckOk: boolean | null;
  readonly tickSize: number;
  readonly maintenanceMargin: number;
  readonly marginRatio: number | null;
  /** Signed fraction of the mark to the liquidation price (negative once past it). */
  readonly distance: number | null;
  readonly unrealizedPnl: number;
  readonly updatedAtMs: number;
  readonly stale: boolean;
  readonly liquidationSideCluster: LiquidationSideCluster;
}

/** An account's positions with the exact inputs the risk engine needs, so what-if runs in the renderer. */
export interface AccountPositions {
  readonly accountId: string;
  readonly positions: readonly PositionView[];
  /** The risk engine's input for this account (no secrets). */
  readonly risk: RiskAccount | null;
}

/** Chart timeframes the workspace offers. */
export const ChartTimeframeSchema = z.enum(['1m', '5m', '15m', '1h', '4h']);
export type ChartTimeframe = z.infer<typeof ChartTimeframeSchema>;

/** A market on a venue: the venue's own symbol (BTCUSDT, BTC-USDT-SWAP, BTC). */
export const MarketKeySchema = z
  .object({ venue: AccountVenueSchema, symbol: z.string().trim().min(1).max(40) })
  .strict();
export type MarketKey = z.infer<typeof MarketKeySchema>;

/** Long and short liquidation USD per price bin from `firstBin` on (bins of the grid `binSize` defines). */
export interface ProfileWire {
  readonly firstBin: number;
  readonly long: readonly number[];
  readonly short: readonly number[];
}

/** A heatmap column: the estimated profile at one moment. */
export interface HeatmapColumnWire extends ProfileWire {
  readonly timeMs: number;
  /** Mark price then. */
  readonly price: number;
}

/** A realized (reported) liquidation, side = the liquidated position's side. */
export interface RealizedWire {
  readonly timeMs: number;
  readonly price: number;
  readonly side: 'long' | 'short';
  readonly usd: number;
}

/**
 * The cluster estimate of one market, ready for the chart: the map now (bins with leverage, venue
 * and birth provenance), the same profile as arrays for derived outputs computed in the renderer
 * (imbalance, cumulative curves, top clusters, cascade path via shared/clusters on
 * `createPriceGrid(binSize)`), the heatmap over time and the realized liquidations beside it.
 */
export interface ClusterWire {
  readonly binSize: BinSize;
  readonly timeMs: number;
  readonly price: number;
  readonly map: LiquidationMap;
  readonly profile: ProfileWire;
  readonly heatmap: { readonly everyMs: number; readonly columns: readonly HeatmapColumnWire[] };
  readonly realized: readonly RealizedWire[];
}

/** Where the history behind a market stands. */
export interface BackfillState {
  readonly state: 'idle' | 'running' | 'done' | 'failed';
  /** 0..1 while running. */
  readonly progress: number;
  /** What is happening, or why it failed, in plain words. */
  readonly message: string;
}

/** Everything the chart needs for one market and timeframe. */
export interface MarketView {
  readonly venue: AccountVenue;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly timeframe: ChartTimeframe;
  readonly tickSize: number;
  /** Mark-price candles, oldest first. */
  readonly candles: readonly Candle[];
  readonly markPrice: number | null;
  /** When the last tick or bar arrived, epoch ms. */
  readonly updatedAtMs: number | null;
  readonly stale: boolean;
  readonly clusters: ClusterWire | null;
  readonly backfill: BackfillState;
}

/** A live change of an open market: the newest candle (new or updated), the mark, and clusters when they changed. */
export interface MarketUpdate {
  readonly venue: AccountVenue;
  readonly symbol: string;
  readonly timeframe: ChartTimeframe;
  readonly candle: Candle | null;
  readonly markPrice: number | null;
  readonly updatedAtMs: number;
  readonly stale: boolean;
  readonly clusters?: ClusterWire;
  readonly backfill?: BackfillState;
}

/** The alerts as the renderer shows them: what is active now, the worst level, and the history, newest first. */
export interface AlertsView {
  readonly active: readonly ActiveAlert[];
  readonly worstLevel: Level | null;
  readonly history: readonly AlertEvent[];
}

/** Payload schemas of every request channel, renderer to core. Channels are `noun:verb`. */
export const requests = {
  'app:info': z.object({}).strict(),
  'settings:get': z.object({}).strict(),
  'settings:update': z.object({ patch: SettingsPatchSchema }).strict(),
  'notices:dismiss': z.object({ id: z.string().min(1).max(128) }).strict(),
  'accounts:list': z.object({}).strict(),
  'accounts:add': z.object({ account: AccountAddSchema }).strict(),
  'accounts:remove': z.object({ accountId: z.string().min(1).max(128) }).strict(),
  'positions:list': z.object({}).strict(),
  'market:open': z.object({ market: MarketKeySchema, timeframe: ChartTimeframeSchema }).strict(),
  'market:close': z.object({ market: MarketKeySchema }).strict(),
  'alerts:list': z.object({}).strict(),
  'alerts:test': z.object({}).strict(),
  'alerts:config-get': z.object({}).strict(),
  /** Replaces the alert settings (levels, rules on/off, quiet hours, per-account overrides). */
  'alerts:config-set': z.object({ config: alertConfigSchema }).strict(),
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
  'positions:list': readonly AccountPositions[];
  'market:open': MarketView;
  'market:close': null;
  'alerts:list': AlertsView;
  'alerts:test': null;
  'alerts:config-get': AlertConfig;
  'alerts:config-set': AlertConfig;
}

/** A request channel name. */
export type RequestChannel = keyof typeof requests;
/** The parsed payload of a request channel. */
export type RequestPayload<C extends RequestChannel> = z.infer<(typeof requests)[C]>;

/** The core's heartbeat: proves the live path from core to renderer works end to end. */
export interface Heartbeat {
  /** Increments by one per beat since the core started. */
  readonly seq: number;
  /** The core's clock, epoch milliseconds. */
  readonly coreTimeMs: number;
  /** Milliseconds since the core started. */
  readonly uptimeMs: number;
}

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
}

/** An event name. */
export type EventName = keyof Events;

/** Every request channel, in a stable order (used by the transports to register handlers). */
export const requestChannels = Object.keys(requests) as RequestChannel[];

/** Every event name, in a stable order. */
export const eventNames: readonly EventName[] = [
  'core:heartbeat',
  'settings:changed',
  'notices:changed',
  'accounts:changed',
  'positions:changed',
  'market:update',
  'alerts:event',
  'alerts:changed',
  'alerts:focus',
];

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
  listPositions(): Promise<readonly AccountPositions[]>;
  onAccountsChanged(callback: (accounts: readonly AccountSummary[]) => void): () => void;
  onPositionsChanged(callback: (positions: AccountPositions) => void): () => void;
  /** Opens (or switches the timeframe of) a market: backfills its history and streams updates. */
  openMarket(market: MarketKey, timeframe: ChartTimeframe): Promise<MarketView>;
  closeMarket(market: MarketKey): Promise<null>;
  onMarketUpdate(callback: (update: MarketUpdate) => void): () => void;
  listAlerts(): Promise<AlertsView>;
  /** Sends a test notification through the same path real alerts take. */
  sendTestNotification(): Promise<null>;
  onAlert(callback: (event: AlertEvent) => void): () => void;
  onAlertsChanged(callback: (alerts: AlertsView) => void): () => void;
  onFocusPosition(callback: (target: Events['alerts:focus']) => void): () => void;
  getAlertConfig(): Promise<AlertConfig>;
  setAlertConfig(config: z.input<typeof alertConfigSchema>): Promise<AlertConfig>;
}
