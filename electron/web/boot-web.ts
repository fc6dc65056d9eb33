import type { Core, CoreExchange } from '../core/create-core';
import { lockDataFolder } from '../core/instance-lock';
import type { Clock, Logger } from '../core/ports';
import { createNodeHost } from './node-host';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

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
  readonly exchange?: CoreExchange;
  /** What one client may cost (see `WebHostOptions.limits`); the defaults suit the renderer. */
  readonly limits?: WebHostOptions['limits'];
}

/** LiqLens running in web mode: the core and the host that carries it. */
export interface WebMode {
  readonly core: Core;
  readonly host: WebHost;
  stop(): Promise<void>;
}

/**
 * Builds the core with web-mode services (settings on conf, secrets in memory, notifications to
 * the log and the renderer) and serves it on 127.0.0.1. The data folder is locked first (rejects
 * with `DataFolderBusyError` naming the holder's PID while another LiqLens runs on it), and the port
 * is taken before the core starts, so a busy port (`PortBusyError`) rejects at once with nothing
 * started and nothing written.
 */
export async function bootWebMode(options: WebModeOptions): Promise<WebMode> {
  const lock = lockDataFolder(options.dataDir);
  let core: Core | undefined;
  let host: WebHost | undefined;
  try {
    core = createNodeHost({
      dataDir: options.dataDir,
      logger: options.logger,
      // Keys stay in memory; a home server can hand saved accounts their keys by environment.
      env: options.env ?? process.env,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.exchange === undefined ? {} : { exchange: options.exchange }),
    });
    host = await startWebHost({
      core,
      logger: options.logger,
      staticDir: options.staticDir,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
    });
    await core.start();
  } catch (error) {
    await host?.close();
    await core?.stop();
    lock.release();
    throw error;
  }
  const [started, serving] = [core, host];
  return {
    core: started,
    host: serving,
    async stop() {
      try {
        await serving.close();
        await started.stop();
      } finally {
        lock.release();
      }
    },
  };
}
