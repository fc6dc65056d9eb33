import type { AlertEvent, Level } from '../../../../shared/alerts';

const levelTitles: Record<Level, string> = { warning: 'Warning', danger: 'Danger', critical: 'Critical' };

/** The window title for the worst active level: the level first, so it shows in a crowded taskbar. */
export function windowTitle(worst: Level | null): string {
  return worst ? `${levelTitles[worst].toUpperCase()} · LiqLens` : 'LiqLens';
}

/** A level's display word. */
export function levelTitle(level: Level): string {
  return levelTitles[level];
}

/** The word an event is shown with: "Liquidated", "Cleared", or its level's. */
export function eventTitle(event: Pick<AlertEvent, 'rule' | 'cleared' | 'level'>): string {
  if (event.rule === 'liquidated') return 'Liquidated';
  return event.cleared ? 'Cleared' : levelTitles[event.level];
}

/** Local time of an event, HH:MM:SS. */
export function eventTime(event: Pick<AlertEvent, 'timeMs'>): string {
  return new Date(event.timeMs).toLocaleTimeString('en-GB', { hour12: false });
}

/** Whether an event should pop up in the app: new fires that are not silenced by quiet hours. */
export function shouldToast(event: AlertEvent): boolean {
  return !event.cleared && !event.silent;
}
