import { isFiring, type AlertEvent } from '../../../../shared/alerts/alert-event';
import type { Level } from '../../../../shared/alerts/levels';

const levelTitles: Record<Level, string> = { warning: 'Warning', danger: 'Danger', critical: 'Critical' };

/** The window title for the worst active level: the level first, so it shows in a crowded taskbar. */
export function windowTitle(worst: Level | null): string {
  return worst ? `${levelTitles[worst].toUpperCase()} · LiqLens` : 'LiqLens';
}

/** A level's display word. */
export function levelTitle(level: Level): string {
  return levelTitles[level];
}

/**
 * The word an event is shown with: "Liquidated", "Cleared", "Ended" (an ADL-front alert's end, which
 * is no all-clear), "Exchange cut" for the venue lowering a limit, or its level's.
 */
export function eventTitle(event: Pick<AlertEvent, 'rule' | 'cleared' | 'level' | 'end'>): string {
  if (event.rule === 'liquidated') return 'Liquidated';
  if (event.end !== undefined) return 'Ended';
  if (event.cleared) return 'Cleared';
  if (event.rule === 'adlFront') return `ADL ${levelTitles[event.level].toLowerCase()}`;
  if (event.rule === 'venueLowered') return `Exchange cut · ${levelTitles[event.level].toLowerCase()}`;
  return levelTitles[event.level];
}

/** Whether an event is shown muted in the history: a clear or an end, not a new alert. */
export function isQuietLine(event: Pick<AlertEvent, 'cleared' | 'end'>): boolean {
  return !isFiring(event);
}

/** Local time of an event, HH:MM:SS. */
export function eventTime(event: Pick<AlertEvent, 'timeMs'>): string {
  return new Date(event.timeMs).toLocaleTimeString('en-GB', { hour12: false });
}

/** Whether an event should pop up in the app: new fires (not clears, not ends) that quiet hours do not silence. */
export function shouldToast(event: AlertEvent): boolean {
  return isFiring(event) && !event.silent;
}
