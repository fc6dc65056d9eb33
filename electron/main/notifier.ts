import { Notification } from 'electron';
import type { Logger, NotificationRequest, Notifier } from '../core/ports';

/** Linux urgency per level: danger and critical must not be missed behind other windows. */
const urgencyByLevel = { info: 'low', warning: 'normal', danger: 'critical', critical: 'critical' } as const;

/**
 * Desktop notifications through Electron's `Notification`. Where the system has none (some Linux
 * desktops), each notification goes to the log instead, so nothing is silently dropped.
 */
export function createElectronNotifier(logger: Logger): Notifier {
  return {
    notify(request: NotificationRequest) {
      if (!Notification.isSupported()) {
        logger.warn('notification (no desktop notifications on this system)', { ...request });
        return;
      }
      const notification = new Notification({
        title: request.title,
        body: request.body,
        urgency: urgencyByLevel[request.level],
        silent: request.level === 'info',
      });
      notification.show();
    },
  };
}
