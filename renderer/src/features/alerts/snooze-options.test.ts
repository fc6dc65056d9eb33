import { describe, expect, it } from 'vitest';
import { heldText, snoozeEndText, snoozeUntil } from './snooze-options';

describe('snooze lengths', () => {
  const now = new Date(2026, 11, 4, 23, 30).getTime();
  it('end 15 min, 1 h or 4 h later', () => {
    expect(snoozeUntil('15m', now) - now).toBe(15 * 60_000);
    expect(snoozeUntil('1h', now) - now).toBe(3_600_000);
    expect(snoozeUntil('4h', now) - now).toBe(4 * 3_600_000);
  });
  it('"until tomorrow" ends at 08:00 local on the next day, also when set after midnight', () => {
    expect(new Date(snoozeUntil('tomorrow', now))).toEqual(new Date(2026, 11, 5, 8, 0));
    expect(new Date(snoozeUntil('tomorrow', new Date(2026, 11, 5, 0, 30).getTime()))).toEqual(
      new Date(2026, 11, 6, 8, 0),
    );
  });
  it('says when a snooze ends, with the day when it is not today', () => {
    expect(snoozeEndText(snoozeUntil('15m', now), now)).toBe('23:45');
    expect(snoozeEndText(snoozeUntil('tomorrow', now), now)).toBe('Sat 08:00');
  });
  it('says why an alert was held', () => {
    expect(heldText('quiet-hours')).toBe('held: quiet hours');
    expect(heldText(undefined)).toBe('');
  });
});
