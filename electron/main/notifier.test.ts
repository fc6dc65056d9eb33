import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from './notifier';

const notifications = vi.hoisted(() => ({ supported: true, shown: [] as unknown[] }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported(): boolean {
      return notifications.supported;
    }
    constructor(readonly options: unknown) {}
    show(): void {
      notifications.shown.push(this.options);
    }
  },
}));

beforeEach(() => {
  notifications.supported = true;
  notifications.shown.length = 0;
});

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('Electron notifier', () => {
  it('shows a desktop notification, critical urgency for danger', () => {
    createElectronNotifier(logger()).notify({ title: 'BTC long', body: 'Margin ratio 82%', level: 'danger' });
    expect(notifications.shown).toEqual([expect.objectContaining({ title: 'BTC long', body: 'Margin ratio 82%', urgency: 'critical' })]);
  });

  it('logs the notification where the system has none', () => {
    notifications.supported = false;
    const log = logger();
    createElectronNotifier(log).notify({ title: 'Data stale', body: 'No ticks for 30 s', level: 'warning' });
    expect(notifications.shown).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('notification'), expect.objectContaining({ title: 'Data stale' }));
  });
});
