import type { DemoProvider } from '../../electron/core/accounts/demo-provider';
import type { Core } from '../../electron/core/create-core';
import { createGateway } from '../../electron/core/exchange/gateway';
import { offlineExchange } from '../../electron/core/offline-exchange';
import type { NotificationRequest, SettingsStore } from '../../electron/core/ports';
import { createNodeHost } from '../../electron/web/node-host';
import { createManualClock, type ManualClock } from './manual-clock';

const app = { name: 'LiqLens', version: '0.0.0-test' };

/**
 * A core on a manual clock and real conf settings in `dataDir`, with the notifications it sent.
 * It has no network: a request that needs an exchange fails with a clear message.
 */
export function createTestCore(
  dataDir: string,
  settings?: SettingsStore,
): { core: Core; clock: ManualClock; notifications: NotificationRequest[] } {
  const clock = createManualClock();
  const notifications: NotificationRequest[] = [];
  const core = createNodeHost({
    dataDir,
    app,
    clock,
    notifier: { notify: (notification) => notifications.push(notification) },
    ...(settings === undefined ? {} : { settings }),
    exchange: offlineExchange('This test core has no network'),
  });
  return { core, clock, notifications };
}

/**
 * A core on the system clock whose Demo is `demo` (the simulator: real ccxt over 127.0.0.1), with
 * real conf settings in `dataDir` and the notifications it sent. Not started.
 */
export function createDemoTestCore(
  dataDir: string,
  demo: DemoProvider,
  pollMs = 250,
): { core: Core; notifications: NotificationRequest[] } {
  const notifications: NotificationRequest[] = [];
  const core = createNodeHost({
    dataDir,
    app,
    notifier: { notify: (notification) => notifications.push(notification) },
    exchange: { createGateway, pollMs, demo },
  });
  return { core, notifications };
}

/** Positions whose market's cluster model is still loading (Infinity before any position arrived): poll it down to 0. */
export async function positionsStillLoading(core: Core): Promise<number> {
  const rows = (await core.handlers['positions:list']({})).flatMap((entry) => entry.positions);
  return rows.length === 0 ? Infinity : rows.filter((row) => row.liquidationSideCluster.state === 'loading').length;
}
