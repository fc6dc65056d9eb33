import type { Logger, Notifier, NotifyOutcome } from './ports';

/**
 * A notifier for hosts with no desktop notifications of their own (web mode on a server, the CLI):
 * it writes each notification to the log so nothing is silently dropped. The alert's level is
 * `alertLevel`: the line's `level` stays the log's own.
 */
export function createLogNotifier(logger: Logger): Notifier {
  const notify: Notifier['notify'] = ({ title, body, level }) =>
    logger.warn('notification', { title, body, alertLevel: level });
  return {
    notify,
    tryNotify(request): NotifyOutcome {
      notify(request);
      return { channel: 'log', ok: true, detail: 'written to the host log (no desktop here)' };
    },
  };
}
