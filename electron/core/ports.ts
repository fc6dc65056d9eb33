/**
 * The interfaces the core is written against. Electron, web mode, tests and the CLI each inject
 * their own implementations, so the core never imports `electron`.
 */
import type { SettingsPatch } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/ipc/views/settings';

/** A problem found while opening a store, to be shown to the user once. */
export interface StoreProblem {
  readonly message: string;
  /** Where the damaged file was moved, when it was kept as a backup. */
  readonly backupPath?: string;
}

/** Persistent user settings, validated against the contract's schema. */
export interface SettingsStore {
  /** The current settings, with defaults filled in. */
  get(): Settings;
  /** Validates and saves a partial update; throws with a clear message on a bad value. */
  update(patch: SettingsPatch): Settings;
  /** Problems found when the store was opened (for example a corrupt file moved aside). */
  readonly problems: readonly StoreProblem[];
  /** Absolute path of the settings file. */
  readonly filePath: string;
  /** True when no settings file existed before this start: the user's first start in this data folder. */
  readonly firstStart: boolean;
}

/** Secrets (API keys). Values never leave the core; only `has` crosses to callers that need to know. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Whether secrets survive a restart with this store (false for the in-memory web-mode store). */
  readonly persistent: boolean;
  /** The damaged file this store found and set aside (it then went on empty); undefined when none. */
  damaged?(): StoreProblem | undefined;
}

/** The position a notification is about: clicking it opens that position. */
export interface NotificationTarget {
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
}

/** A desktop notification request. */
export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  readonly level: 'info' | 'warning' | 'danger' | 'critical';
  readonly target?: NotificationTarget;
  /** The alert event this notification is for (a failed delivery is shown on it in the history). */
  readonly eventId?: string;
}

/** What the host's own notifier did with a notification (the test button shows it). */
export interface NotifyOutcome {
  /** `desktop`: the system's notifications; `log`: a host without them wrote it to its log. */
  readonly channel: 'desktop' | 'log';
  readonly ok: boolean;
  /** For people: "shown", "written to the log: no desktop notifications on this system". */
  readonly detail: string;
}

/** Delivers notifications to the user (Electron `Notification`, the browser, or a log). */
export interface Notifier {
  notify(notification: NotificationRequest): void;
  /** Like `notify`, and says what happened; absent on notifiers that cannot tell (tests). */
  tryNotify?(notification: NotificationRequest): NotifyOutcome;
}

/** Time, injectable so tests can drive it. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` every `intervalMs`; returns a function that stops it. */
  every(intervalMs: number, callback: () => void): () => void;
}

/** Structured log lines; implementations must never receive secrets. */
export interface Logger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}
