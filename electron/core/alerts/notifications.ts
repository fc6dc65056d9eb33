import { levelRank, type AlertEvent } from '../../../shared/alerts';
import type { NotificationRequest } from '../ports';

/**
 * The desktop notifications for one batch of events: one per position (its worst new level, so an
 * escalation from safe to critical rings once, not three times), none for clears or silent events.
 * A liquidation is critical, so it is the one shown for its position, titled "Liquidated".
 */
export function toNotifications(events: readonly AlertEvent[]): NotificationRequest[] {
  const worst = new Map<string, AlertEvent>();
  for (const event of events) {
    if (event.cleared || event.silent) continue;
    const key = `${event.accountId}|${event.symbol}|${event.side}`;
    const current = worst.get(key);
    if (!current || levelRank(event.level) > levelRank(current.level)) worst.set(key, event);
  }
  return [...worst.values()].map((event) => ({
    title: `${event.rule === 'liquidated' ? 'Liquidated' : event.level === 'critical' ? 'Critical' : event.level === 'danger' ? 'Danger' : 'Warning'}: ${event.displaySymbol} ${event.side}`,
    body: event.message,
    level: event.level,
    target: { accountId: event.accountId, symbol: event.symbol, side: event.side },
  }));
}
