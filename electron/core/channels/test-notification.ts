import type { NotificationRequest, Notifier, NotifyOutcome } from '../ports';

/** The notification the test button sends on every channel. */
export const testNotification: NotificationRequest = {
  title: 'LiqLens test notification',
  body: 'Alerts will look like this. Margin warnings arrive here even when the window is hidden.',
  level: 'info',
};

/**
 * Sends `request` through the host's own notifier and says what it did. A notifier that cannot tell
 * (a test double) is reported as "handed over", never as shown.
 */
export function notifyHost(notifier: Notifier, request: NotificationRequest): NotifyOutcome {
  if (notifier.tryNotify) return notifier.tryNotify(request);
  notifier.notify(request);
  return { channel: 'desktop', ok: true, detail: 'handed to the host' };
}
