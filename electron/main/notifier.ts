import { Notification } from 'electron';
import type { Logger, NotificationRequest, NotificationTarget, Notifier, NotifyOutcome } from '../core/ports';

/** Linux urgency per level: danger and critical must not be missed behind other windows. */
const urgencyByLevel = { info: 'low', warning: 'normal', danger: 'critical', critical: 'critical' } as const;

/**
 * Desktop notifications through Electron's `Notification`. Where the system has none (some Linux
 * desktops), each notification goes to the log instead, so nothing is silently dropped. Clicking a
 * notification about a position calls `onClick` with it (the app focuses its window on it).
 */
export function createElectronNotifier(
  logger: Logger,
  onClick: (target: NotificationTarget) => void = () => undefined,
): Notifier {
  const show = (request: NotificationRequest): NotifyOutcome => {
    if (!Notification.isSupported()) {
      logger.warn('notification (no desktop notifications on this system)', { ...request });
      return { channel: 'desktop', ok: false, detail: 'not available on this system: written to the log' };
    }
    const notification = new Notification({
      title: request.title,
      body: request.body,
      urgency: urgencyByLevel[request.level],
      silent: request.level === 'info',
    });
    const target = request.target;
    if (target) notification.on('click', () => onClick(target));
    notification.show();
    return { channel: 'desktop', ok: true, detail: 'shown' };
  };
  return {
    notify(request) {
      show(request);
    },
    tryNotify: show,
  };
}
