import type { AppMode } from '../../shared/domain/app-mode';
import { readAppVersion } from '../core/app-version';
import { createSystemClock } from '../core/clock';
import { createCore, type Core, type CoreDeps, type CoreExchange } from '../core/create-core';
import { secureDataFolder } from '../core/data-dir';
import { createGateway } from '../core/exchange/gateway';
import { createLogNotifier } from '../core/log-notifier';
import { createSilentLogger } from '../core/logger';
import type { Clock, Logger, Notifier, SecretStore, SettingsStore } from '../core/ports';
import { keysFromEnvironment } from '../core/secrets/env-secrets';
import { createMemorySecretStore } from '../core/secrets/memory-secret-store';
import { openConfSettingsStore } from '../core/settings/conf-settings-store';

/** What a plain-Node host chooses; everything left out gets the web-mode default. */
export interface NodeHostOptions {
  /** The data folder (settings, accounts, alerts, recordings); created if missing, the owner's only (0700). */
  readonly dataDir: string;
  /** What `app:info` reports as the mode (default `web`). */
  readonly mode?: AppMode;
  /** Name and version for `app:info` (default: package.json's). */
  readonly app?: { readonly name: string; readonly version: string };
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: silent. */
  readonly logger?: Logger;
  /** Default: notifications go to the log (the renderer shows alerts itself). */
  readonly notifier?: Notifier;
  /** Default: settings on conf in `dataDir`. */
  readonly settings?: SettingsStore;
  /** Default: keys in memory, seeded from `LIQLENS_ACCOUNT_KEYS` in `env`. */
  readonly secrets?: SecretStore;
  /** Where `LIQLENS_ACCOUNT_KEYS` is read for the default secrets (default: nowhere, no keys). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Default: ccxt gateways, with the simulated Demo on first start (its simulator loaded only
   * then). A host with no network passes `offlineExchange(reason)`.
   */
  readonly exchange?: CoreExchange;
  /** Diagnostics for the alerts bench: each alert event's tick arrival and emission times. */
  readonly onAlertTiming?: CoreDeps['onAlertTiming'];
}

/** The exchange access of the app: ccxt gateways, and the simulator's Demo when there are no accounts yet. */
export function defaultExchange(): CoreExchange {
  return {
    createGateway,
    // Imported on demand: a host with accounts never loads the simulator.
    demo: async () => (await import('../sim/demo-market')).simulatorDemo()(),
  };
}

/**
 * Builds the core for plain Node, the one assembly shared by web mode, the CLI, the benches and
 * the tests: each host states only what differs from web mode's defaults. The core is not started.
 */
export function createNodeHost(options: NodeHostOptions): Core {
  const { dataDir } = options;
  secureDataFolder(dataDir);
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger ?? createSilentLogger();
  const { name, version } = options.app ?? readAppVersion();
  return createCore({
    settings: options.settings ?? openConfSettingsStore(dataDir, clock.now()),
    secrets: options.secrets ?? createMemorySecretStore(keysFromEnvironment(options.env ?? {})),
    notifier: options.notifier ?? createLogNotifier(logger),
    clock,
    logger,
    app: { name, version, mode: options.mode ?? 'web', dataDir },
    exchange: options.exchange ?? defaultExchange(),
    ...(options.onAlertTiming === undefined ? {} : { onAlertTiming: options.onAlertTiming }),
  });
}
