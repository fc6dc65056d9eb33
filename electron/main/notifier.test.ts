import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from './notifier';

const notifications = vi.hoisted(() => ({
  supported: true,
  shown: [] as unknown[],
  instances: [] as { handlers: Map<string, () => void> }[],
}));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported(): boolean {
      return notifications.supported;
    }
    readonly handlers = new Map<string, () => void>();
    constructor(readonly options: unknown) {}
    on(event: string, handler: () => void): void {
      this.handlers.set(event, handler);
    }
    show(): void {
      notifications.shown.push(this.options);
      notifications.instances.push(this);
    }
  },
}));

beforeEach(() => {
  notifications.supported = true;
  notifications.shown.length = 0;
  notifications.instances.length = 0;
});

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('Electron notifier', () => {
  it('shows a desktop notification, critical urgency for danger', () => {
    createElectronNotifier(logger()).notify({ title: 'BTC long', body: 'Margin ratio 82%', level: 'danger' });
    expect(notifications.shown).toEqual([
      expect.objectContaining({ title: 'BTC long', body: 'Margin ratio 82%', urgency: 'critical' }),
    ]);
  });

  it('opens the position a notification is about when it is clicked', () => {
    const clicked: unknown[] = [];
    const target = { accountId: 'a1', symbol: 'BTCUSDT', side: 'long' } as const;
    createElectronNotifier(logger(), (t) => clicked.push(t)).notify({
      title: 'Danger',
      body: 'BTC long',
      level: 'danger',
      target,
    });
    expect(clicked).toEqual([]);
    notifications.instances[0]?.handlers.get('click')?.();
    expect(clicked).toEqual([target]);
  });

  it('logs the notification where the system has none', () => {
    notifications.supported = false;
    const log = logger();
    createElectronNotifier(log).notify({ title: 'Data stale', body: 'No ticks for 30 s', level: 'warning' });
    expect(notifications.shown).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringContaining('notification'),
      expect.objectContaining({ title: 'Data stale' }),
    );
  });

  it('says what the test button needs to show: shown on the desktop, or not available and logged', () => {
    const request = { title: 'LiqLens test notification', body: 'Alerts look like this', level: 'info' } as const;
    expect(createElectronNotifier(logger()).tryNotify?.(request)).toEqual({
      channel: 'desktop',
      ok: true,
      detail: 'shown',
    });
    expect(notifications.shown).toEqual([expect.objectContaining({ title: 'LiqLens test notification' })]);
    notifications.supported = false;
    const outcome = createElectronNotifier(logger()).tryNotify?.(request);
    expect(outcome).toMatchObject({ channel: 'desktop', ok: false });
    expect(outcome?.detail).toMatch(/not available/);
    expect(notifications.shown).toHaveLength(1);
  });
});
