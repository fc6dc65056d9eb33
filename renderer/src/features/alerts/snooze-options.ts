import type { SilenceReason } from '../../../../shared/alerts';

/** The snooze lengths offered for a position's alerts. */
export type SnoozeChoice = '15m' | '1h' | '4h' | 'tomorrow';

/** Each choice with the words the menu shows, in menu order. */
export const snoozeChoices: readonly { readonly value: SnoozeChoice; readonly label: string }[] = [
  { value: '15m', label: '15 min' },
  { value: '1h', label: '1 hour' },
  { value: '4h', label: '4 hours' },
  { value: 'tomorrow', label: 'Until tomorrow 08:00' },
];

const minuteMs = 60_000;

/**
 * When a snooze chosen at `nowMs` ends, Unix ms: 15 min, 1 h or 4 h later, or 08:00 local time on
 * the next calendar day (a night's snooze ends in the morning, whatever the hour it was set).
 */
export function snoozeUntil(choice: SnoozeChoice, nowMs: number): number {
  switch (choice) {
    case '15m':
      return nowMs + 15 * minuteMs;
    case '1h':
      return nowMs + 60 * minuteMs;
    case '4h':
      return nowMs + 240 * minuteMs;
    case 'tomorrow': {
      const morning = new Date(nowMs);
      morning.setDate(morning.getDate() + 1);
      morning.setHours(8, 0, 0, 0);
      return morning.getTime();
    }
  }
}

/** Local time of day a snooze ends, HH:MM, with the weekday when it is not today. */
export function snoozeEndText(untilMs: number, nowMs: number): string {
  const end = new Date(untilMs);
  const time = end.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  return end.toDateString() === new Date(nowMs).toDateString()
    ? time
    : `${end.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
}

const reasons: Readonly<Record<SilenceReason, string>> = {
  'quiet-hours': 'held: quiet hours',
  snoozed: 'held: snoozed',
  acknowledged: 'held: acknowledged',
};

/** Why a recorded alert did not notify, in a few words; empty when it did (or was a clear). */
export function heldText(reason: SilenceReason | undefined): string {
  return reason === undefined ? '' : reasons[reason];
}
