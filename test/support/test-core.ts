import type { AlertEvent } from '../../shared/alerts';
import type { DemoProvider } from '../../electron/core/accounts/demo-provider';
import type { Core } from '../../electron/core/create-core';
import { createGateway } from '../../electron/core/exchange/gateway';
import { offlineExchange } from '../../electron/core/offline-exchange';
import type { NotificationRequest, SettingsStore } from '../../electron/core/ports';
import { demoAccountsOf } from '../../electron/sim/demo-market';
import type { Simulator } from '../../electron/sim/simulator';
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

/**
 * A Demo test core (`createDemoTestCore`) whose accounts are `sim`'s, which it leaves running when
 * it stops, with every alert event it emits collected in `events`. Not started.
 */
export function createSimDemoCore(
  dataDir: string,
  sim: Simulator,
): { core: Core; events: AlertEvent[]; notifications: NotificationRequest[] } {
  const { core, notifications } = createDemoTestCore(dataDir, async () => ({
    accounts: demoAccountsOf(sim),
    stop: async () => undefined,
  }));
  const events: AlertEvent[] = [];
  core.on('alerts:event', (event) => events.push(event));
  return { core, events, notifications };
}

/** Positions whose market's cluster model is still loading (Infinity before any position arrived): poll it down to 0. */
export async function positionsStillLoading(core: Core): Promise<number> {
  const rows = (await core.handlers['positions:list']({})).flatMap((entry) => entry.positions);
  return rows.length === 0 ? Infinity : rows.filter((row) => row.liquidationSideCluster.state === 'loading').length;
}
