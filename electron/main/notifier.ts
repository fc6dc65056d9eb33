import { Notification } from 'electron';
import type { Logger, NotificationRequest, NotificationTarget, Notifier } from '../core/ports';

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
      const target = request.target;
      if (target) notification.on('click', () => onClick(target));
      notification.show();
    },
  };
}
