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
  // A crash mid-append leaves a torn last line without its newline; the next append must start on a
  // fresh line or it merges into the torn one and is lost (found by test/fuzz/stored-files.fuzz.test.ts).
  let repairPrefix = '';
  if (existsSync(filePath)) {
    const text = readFileSync(filePath, 'utf8');
    if (text.length > 0 && !text.endsWith('\n')) repairPrefix = '\n';
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    for (const line of lines.slice(-historyLimit)) {
      try {
        const event: unknown = JSON.parse(line);
        // A line that is JSON but not an event (`42`, `null`, `{}`) would reach the renderer's alert
        // list as garbage: skip it like a torn line (found by test/fuzz/stored-files.fuzz.test.ts).
        if (looksLikeEvent(event)) events.push(event);
      } catch {
        // A torn or damaged line: skip it, keep the rest.
      }
    }
    events.reverse();
  }
  // The folder is made once, not on every append (appends happen on the tick path).
  let folderReady = false;
  return {
    list: () => events,
    append(next) {
      if (next.length === 0) return;
      if (!folderReady) {
        mkdirSync(dirname(filePath), { recursive: true });
        folderReady = true;
      }
      appendFileSync(filePath, repairPrefix + next.map((event) => JSON.stringify(event)).join('\n') + '\n');
      repairPrefix = '';
      events = [...[...next].reverse(), ...events].slice(0, historyLimit);
    },
  };
}

/** The fields the alert list reads from every event; anything without them is not an event. */
function looksLikeEvent(value: unknown): value is AlertEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event['id'] === 'string' &&
    typeof event['timeMs'] === 'number' &&
    typeof event['accountId'] === 'string' &&
    typeof event['symbol'] === 'string' &&
    typeof event['message'] === 'string' &&
    typeof event['level'] === 'string'
  );
}
