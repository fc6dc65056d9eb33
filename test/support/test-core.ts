import { createCore, type Core } from '../../electron/core/create-core';
import { createSilentLogger } from '../../electron/core/logger';
import type { NotificationRequest, SettingsStore } from '../../electron/core/ports';
import { createMemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { createManualClock, type ManualClock } from './manual-clock';

/** A core on a manual clock and real conf settings in `dataDir`, with the notifications it sent. */
export function createTestCore(dataDir: string, settings?: SettingsStore): { core: Core; clock: ManualClock; notifications: NotificationRequest[] } {
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
