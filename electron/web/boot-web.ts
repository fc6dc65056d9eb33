import { mkdirSync } from 'node:fs';
import { createSystemClock } from '../core/clock';
import { createCore, type Core } from '../core/create-core';
import { createLogNotifier } from '../core/log-notifier';
import type { Clock, Logger } from '../core/ports';
import { keysFromEnvironment } from '../core/secrets/env-secrets';
import { createMemorySecretStore } from '../core/secrets/memory-secret-store';
import { openConfSettingsStore } from '../core/settings/conf-settings-store';
import { readAppVersion } from '../core/app-version';
import type { AccountsServiceDeps } from '../core/accounts/accounts-service';
import { createGateway } from '../core/exchange/gateway';
import { simulatorDemo } from '../sim/demo-market';
import { startWebHost, type WebHost } from './web-host';

/** Options for starting LiqLens in web mode. */
export interface WebModeOptions {
  readonly dataDir: string;
  readonly staticDir: string;
  readonly logger: Logger;
  readonly port?: number;
  readonly token?: string;
  readonly clock?: Clock;
  /** Where `LIQLENS_ACCOUNT_KEYS` is read (process.env by default). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Exchange access; defaults to ccxt gateways with the simulated Demo on first start. */
  readonly exchange?: Pick<AccountsServiceDeps, 'createGateway' | 'demo' | 'pollMs'>;
}

/** LiqLens running in web mode: the core and the host that carries it. */
export interface WebMode {
  readonly core: Core;
  readonly host: WebHost;
  stop(): Promise<void>;
}

/**
 * Builds the core with web-mode services (settings on conf, secrets in memory, notifications to
 * the log and the renderer) and serves it on 127.0.0.1.
 */
export async function bootWebMode(options: WebModeOptions): Promise<WebMode> {
  const clock = options.clock ?? createSystemClock();
  mkdirSync(options.dataDir, { recursive: true });
  const { name, version } = readAppVersion();
  const core = createCore({
    settings: openConfSettingsStore(options.dataDir, clock.now()),
    // Keys stay in memory; a home server can hand saved accounts their keys by environment.
    secrets: createMemorySecretStore(keysFromEnvironment(options.env ?? process.env)),
    notifier: createLogNotifier(options.logger),
    clock,
    logger: options.logger,
    app: { name, version, mode: 'web', dataDir: options.dataDir },
    exchange: options.exchange ?? { createGateway, demo: simulatorDemo() },
  });
  await core.start();
  const host = await startWebHost({
    core,
    logger: options.logger,
    staticDir: options.staticDir,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  return {
    core,
    host,
    async stop() {
      await host.close();
      await core.stop();
    },
  };
}
