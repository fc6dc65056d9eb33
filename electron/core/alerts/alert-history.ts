import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AlertEvent } from '../../../shared/alerts';
import { appendText, ensureFolder } from '../storage/disk-io';
import type { DiskWatch } from '../storage/disk-watch';
import { readTail } from '../storage/read-tail';

/** How many events the history keeps in memory and shows. */
export const historyLimit = 500;

/** Size and number of the history's files: `history.jsonl` is rotated to `.1`, `.2` past this size. */
export const historyRotation = { maxBytes: 5 * 1024 * 1024, files: 3 } as const;

/** The alert history: newest first in memory, appended to a JSON Lines file that survives restarts. */
export interface AlertHistory {
  list(): readonly AlertEvent[];
  /**
   * Appends and flushes; never throws: on a failed write the lines wait and go with the next append
   * (an empty append only retries the waiting lines).
   */
  append(events: readonly AlertEvent[]): void;
  /** Bytes read when the history was opened: its tail only, however long the files are. */
  readonly bytesReadAtOpen: number;
}

/** `history.jsonl` → `history.1.jsonl`: the n-th older file of the history. */
const rotated = (filePath: string, n: number): string => filePath.replace(/\.jsonl$/, '') + `.${n}.jsonl`;

/**
 * Opens the history in `filePath`, reading only the last `historyLimit` lines (of the current file,
 * then the previous one). Each event is one line, appended and flushed as it happens, so a crash
 * loses nothing already written; a torn last line (a crash or a full disk mid-append) is skipped on
 * read. Past `historyRotation.maxBytes` the file is rotated; the oldest of the files is dropped.
 */
export function openAlertHistory(filePath: string, disk?: DiskWatch): AlertHistory {
  let events: AlertEvent[] = [];
  let bytesReadAtOpen = 0;
  let size = 0;
  // A crash mid-append leaves a torn last line without its newline; the next append must start on a
  // fresh line or it merges into the torn one and is lost (found by test/fuzz/stored-files.fuzz.test.ts).
  let repairPrefix = '';
  const lines: string[] = [];
  for (const path of [filePath, rotated(filePath, 1)]) {
    if (lines.length >= historyLimit || !existsSync(path)) continue;
    const tail = readTail(path, historyLimit - lines.length);
    bytesReadAtOpen += tail.bytesRead;
    lines.unshift(...tail.lines);
    if (path === filePath) {
      size = tail.size;
      if (!tail.endsWithNewline) repairPrefix = '\n';
    }
  }
  for (const line of lines) {
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

  /** Shifts `history.jsonl` to `.1`, `.1` to `.2`…, dropping the oldest; the next append starts a new file. */
  const rotate = (): void => {
    rmSync(rotated(filePath, historyRotation.files - 1), { force: true });
    for (let n = historyRotation.files - 2; n >= 1; n -= 1)
      if (existsSync(rotated(filePath, n))) renameSync(rotated(filePath, n), rotated(filePath, n + 1));
    renameSync(filePath, rotated(filePath, 1));
    size = 0;
    repairPrefix = '';
  };

  // Lines not yet on disk (the disk was full): written before the next ones, oldest first.
  let pending: string[] = [];
  // The folder is made once, not on every append (appends happen on the tick path).
  let folderReady = false;
  return {
    bytesReadAtOpen,
    list: () => events,
    append(next) {
      if (next.length === 0 && pending.length === 0) return;
      // Shown and notified whether or not the disk takes them.
      if (next.length > 0) events = [...[...next].reverse(), ...events].slice(0, historyLimit);
      pending = [...pending, ...next.map((event) => JSON.stringify(event))].slice(-historyLimit);
      const text = repairPrefix + pending.join('\n') + '\n';
      try {
        if (!folderReady) {
          ensureFolder(dirname(filePath));
          folderReady = true;
        }
        if (size > 0 && size + text.length > historyRotation.maxBytes) rotate();
        appendText(filePath, text, true);
      } catch (error) {
        // Part of the text may have reached the file: start the retry on a fresh line.
        repairPrefix = '\n';
        disk?.failed('alert history', error);
        return;
      }
      size += Buffer.byteLength(text);
      repairPrefix = '';
      pending = [];
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
