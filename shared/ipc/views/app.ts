/** What the renderer is told about the running app: its identity, the notices it raised, its heartbeat. */
import type { AppMode } from '../../domain/app-mode';

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
  /**
   * The renderer should open the first start's welcome (the Demo and how to connect): the first start
   * in this data folder, the welcome not yet closed, and no account but the Demo added.
   */
  readonly firstStart: boolean;
  /**
   * Where API keys are kept: `keychain` (encrypted by the OS, kept across restarts: the desktop
   * app) or `memory` (web mode: gone when LiqLens stops, unless given by environment).
   */
  readonly keyStorage: 'keychain' | 'memory';
}

/** The core's heartbeat: proves the live path from core to renderer works end to end. */
export interface Heartbeat {
  /** Increments by one per beat since the core started. */
  readonly seq: number;
  /** The core's clock, epoch milliseconds. */
  readonly coreTimeMs: number;
  /** Milliseconds since the core started. */
  readonly uptimeMs: number;
}
