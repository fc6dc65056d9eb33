import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AlertEvent } from '../../../shared/alerts';

/** How many events the history keeps in memory and shows. */
export const historyLimit = 500;

/** The alert history: newest first in memory, appended to a JSON Lines file that survives restarts. */
export interface AlertHistory {
  list(): readonly AlertEvent[];
  append(events: readonly AlertEvent[]): void;
}

/**
 * Opens the history in `filePath`. Each event is one line, appended as it happens, so a crash
 * loses nothing already written; a torn last line (a crash mid-append) is skipped on read.
 */
export function openAlertHistory(filePath: string): AlertHistory {
  let events: AlertEvent[] = [];
  if (existsSync(filePath)) {
    const lines = readFileSync(filePath, 'utf8').split('\n').filter((line) => line.trim() !== '');
    for (const line of lines.slice(-historyLimit)) {
      try {
        events.push(JSON.parse(line) as AlertEvent);
      } catch {
        // A torn or damaged line: skip it, keep the rest.
      }
    }
    events.reverse();
  }
  return {
    list: () => events,
    append(next) {
      if (next.length === 0) return;
      mkdirSync(dirname(filePath), { recursive: true });
      appendFileSync(filePath, next.map((event) => JSON.stringify(event)).join('\n') + '\n');
      events = [...[...next].reverse(), ...events].slice(0, historyLimit);
    },
  };
}
