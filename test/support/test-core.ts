import type { DemoProvider } from '../../electron/core/accounts/demo-provider';
import { createSystemClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/create-core';
import { createGateway } from '../../electron/core/exchange/gateway';
import { createSilentLogger } from '../../electron/core/logger';
import type { NotificationRequest, SettingsStore } from '../../electron/core/ports';
import { createMemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { createManualClock, type ManualClock } from './manual-clock';

/** A core on a manual clock and real conf settings in `dataDir`, with the notifications it sent. */
export function createTestCore(
  dataDir: string,
  settings?: SettingsStore,
): { core: Core; clock: ManualClock; notifications: NotificationRequest[] } {
  const clock = createManualClock();
  const notifications: NotificationRequest[] = [];
  const core = createCore({
    settings: settings ?? openConfSettingsStore(dataDir, clock.now()),
    secrets: createMemorySecretStore(),
    notifier: { notify: (notification) => notifications.push(notification) },
    clock,
    logger: createSilentLogger(),
    app: { name: 'LiqLens', version: '0.0.0-test', mode: 'web', dataDir },
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
  const clock = createSystemClock();
  const notifications: NotificationRequest[] = [];
  const core = createCore({
    settings: openConfSettingsStore(dataDir, clock.now()),
    secrets: createMemorySecretStore(),
    notifier: { notify: (notification) => notifications.push(notification) },
    clock,
    logger: createSilentLogger(),
    app: { name: 'LiqLens', version: '0.0.0-test', mode: 'web', dataDir },
    exchange: { createGateway, pollMs, demo },
  });
  return { core, notifications };
}

/** Positions whose market's cluster model is still loading (Infinity before any position arrived): poll it down to 0. */
export async function positionsStillLoading(core: Core): Promise<number> {
  const rows = (await core.handlers['positions:list']({})).flatMap((entry) => entry.positions);
  return rows.length === 0 ? Infinity : rows.filter((row) => row.liquidationSideCluster.state === 'loading').length;
}
