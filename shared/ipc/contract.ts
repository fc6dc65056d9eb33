/**
 * The one contract between the renderer and the core. Every request channel has a zod schema for
 * its payload and a result type; every event has a payload type; `LiqLensApi` is what the renderer
 * sees as `window.liqlens` (Electron) or over the WebSocket (web mode). A misspelt channel or a
 * wrong payload fails `tsc` on both sides.
 */
import { z } from 'zod';

/** Themes the renderer can draw; dark is the default. */
export const ThemeSchema = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof ThemeSchema>;

/** How the app is running: the Electron desktop shell, or the web-mode host in a browser. */
export type AppMode = 'electron' | 'web';

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
}

/** Payload schemas of every request channel, renderer to core. Channels are `noun:verb`. */
export const requests = {
  'app:info': z.object({}).strict(),
  'settings:get': z.object({}).strict(),
  'settings:update': z.object({ patch: SettingsPatchSchema }).strict(),
  'notices:dismiss': z.object({ id: z.string().min(1).max(128) }).strict(),
} as const;

/** Result type of every request channel. */
export interface Results {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:update': Settings;
  'notices:dismiss': readonly Notice[];
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
}

/** An event name. */
export type EventName = keyof Events;

/** Every request channel, in a stable order (used by the transports to register handlers). */
export const requestChannels = Object.keys(requests) as RequestChannel[];

/** Every event name, in a stable order. */
export const eventNames: readonly EventName[] = ['core:heartbeat', 'settings:changed', 'notices:changed'];

/** The API the renderer uses: one method per request channel, `onX(cb) => unsubscribe` per event. */
export interface LiqLensApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  dismissNotice(id: string): Promise<readonly Notice[]>;
  onHeartbeat(callback: (heartbeat: Heartbeat) => void): () => void;
  onSettingsChanged(callback: (settings: Settings) => void): () => void;
  onNoticesChanged(callback: (notices: readonly Notice[]) => void): () => void;
}
