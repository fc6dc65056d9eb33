import { isFiring, levelRank, positionName, type AlertEvent } from '../../../shared/alerts';
import type { NotificationRequest } from '../ports';

/**
 * The desktop notifications for one batch of events: one per position, whatever number of its rules
 * fired (its worst new level is the title; the body says what else fired with it), none for clears,
 * ends or silent events. The title names the position as a trader tells it apart ("Critical: Main HL
 * · Hyperliquid · ETH/USDC short"). A liquidation is critical, so it is the one shown for its position,
 * titled "Liquidated"; the ADL front and the venue's own cuts say so in their titles.
 */
export function toNotifications(events: readonly AlertEvent[]): NotificationRequest[] {
  const byPosition = new Map<string, AlertEvent[]>();
  for (const event of events) {
    if (!isFiring(event) || event.silent) continue;
    const key = `${event.accountId}|${event.symbol}|${event.side}`;
    const list = byPosition.get(key);
    if (list === undefined) byPosition.set(key, [event]);
    else list.push(event);
  }
  return [...byPosition.values()].map((list) => {
    const worst = list.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a));
    const others = list.filter((event) => event !== worst);
    const also = others.length === 0 ? '' : ` Also: ${others.map(describeBriefly).join('; ')}.`;
    return {
      title: `${titleOf(worst)}: ${positionName(worst)}`,
      body: `${describeBriefly(worst)}${also}`,
      level: worst.level,
      target: { accountId: worst.accountId, symbol: worst.symbol, side: worst.side },
      eventId: worst.id,
    };
  });
}

const levelWords = { warning: 'Warning', danger: 'Danger', critical: 'Critical' } as const;

/** The part of an event's message after the position's name (the title already names it). */
function describeBriefly(event: AlertEvent): string {
  const prefix = `${positionName(event)}: `;
  return event.message.startsWith(prefix) ? event.message.slice(prefix.length) : event.message;
}

function titleOf(event: AlertEvent): string {
  if (event.rule === 'liquidated') return 'Liquidated';
  if (event.rule === 'adlFront') return 'Front of the ADL queue';
  if (event.rule === 'venueLowered') return 'Exchange lowered your limit';
  return levelWords[event.level];
}
