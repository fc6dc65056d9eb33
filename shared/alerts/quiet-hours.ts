import type { QuietHours } from './config-schema';
import type { Level } from './levels';

function minutes(clock: string): number {
  const [hours = 0, mins = 0] = clock.split(':').map(Number);
  return hours * 60 + mins;
}

/**
 * A function telling, for an event at `nowMs` (Unix ms), whether it goes out `silent`: inside quiet
 * hours (local wall clock of `quiet.timeZone`, by Intl, so daylight saving is followed), every
 * cleared event and every level not in `loudLevels` is silent. Outside them, or when disabled,
 * nothing is. The minute of day is cached, so a burst of events costs one clock lookup.
 */
export function createSilencer(quiet: QuietHours): (nowMs: number, level: Level, cleared: boolean) => boolean {
  if (!quiet.enabled) return () => false;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: quiet.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const loud = new Set<Level>(quiet.loudLevels);
  let cachedMinuteMs = Number.NaN;
  let cachedQuiet = false;
  const isQuiet = (nowMs: number): boolean => {
    // Zones differ from UTC by whole minutes, so the local minute changes only when the UTC minute does.
    const minuteMs = Math.floor(nowMs / 60_000);
    if (minuteMs === cachedMinuteMs) return cachedQuiet;
    let local = 0;
    for (const part of format.formatToParts(nowMs)) {
      if (part.type === 'hour') local += Number(part.value) * 60;
      if (part.type === 'minute') local += Number(part.value);
    }
    cachedMinuteMs = minuteMs;
    cachedQuiet = start < end ? local >= start && local < end : start > end ? local >= start || local < end : false;
    return cachedQuiet;
  };
  return (nowMs, level, cleared) => isQuiet(nowMs) && (cleared || !loud.has(level));
}
