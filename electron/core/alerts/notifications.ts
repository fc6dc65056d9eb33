import { isFiring, levelRank, type AlertEvent } from '../../../shared/alerts';
import type { NotificationRequest } from '../ports';

/**
 * The desktop notifications for one batch of events: one per position (its worst new level, so an
 * escalation from safe to critical rings once, not three times), none for clears, ends or silent
 * events. A liquidation is critical, so it is the one shown for its position, titled "Liquidated";
 * the ADL front and the venue's own cuts say so in their titles.
 */
export function toNotifications(events: readonly AlertEvent[]): NotificationRequest[] {
  const worst = new Map<string, AlertEvent>();
  for (const event of events) {
    if (!isFiring(event) || event.silent) continue;
    const key = `${event.accountId}|${event.symbol}|${event.side}`;
    const current = worst.get(key);
    if (!current || levelRank(event.level) > levelRank(current.level)) worst.set(key, event);
  }
  return [...worst.values()].map((event) => ({
    title: `${titleOf(event)}: ${event.displaySymbol} ${event.side}`,
    body: event.message,
    level: event.level,
    target: { accountId: event.accountId, symbol: event.symbol, side: event.side },
    eventId: event.id,
  }));
}

const levelWords = { warning: 'Warning', danger: 'Danger', critical: 'Critical' } as const;

function titleOf(event: AlertEvent): string {
  if (event.rule === 'liquidated') return 'Liquidated';
  if (event.rule === 'adlFront') return 'Front of the ADL queue';
  if (event.rule === 'venueLowered') return 'Exchange lowered your limit';
  return levelWords[event.level];
}
