import type { Logger, Notifier } from './ports';

/**
 * A notifier for hosts with no desktop notifications of their own (web mode on a server, the CLI):
 * it writes each notification to the log so nothing is silently dropped.
 */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    notify: ({ title, body, level }) => logger.warn('notification', { title, body, level }),
  };
}
