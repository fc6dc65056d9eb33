import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Every byte LiqLens writes into its data folder goes through this file: one place that makes files
 * 0600 and folders 0700, flushes what must survive a power cut, and where tests inject a full disk.
 */

/** Mode of every folder LiqLens creates in its data folder: the owner only. */
export const folderMode = 0o700;
/** Mode of every file LiqLens writes in its data folder: the owner only (positions are private). */
export const fileMode = 0o600;

/** Creates `folder` (and its parents) readable by the owner only. */
export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: folderMode });
}

/**
 * Replaces `filePath` with `text` so a crash or power cut leaves the old file or the new one, never
 * half of each: a temporary file in the same folder is written and flushed, renamed over the old one,
 * and the folder is flushed so the rename itself is on disk. On any failure (a full disk) the
 * temporary file is removed and the old file is untouched; the error is rethrown.
 */
export function writeFileDurable(filePath: string, text: string): void {
  ensureFolder(dirname(filePath));
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: fileMode });
    flushFile(temporary);
    renameSync(temporary, filePath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  flushFolder(dirname(filePath));
}

/** `writeFileDurable` for async callers; `temporary` must be unique among concurrent writers. */
export async function writeFileDurableAsync(filePath: string, text: string, temporary: string): Promise<void> {
  try {
    await writeFile(temporary, text, { mode: fileMode });
    const handle = await open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  flushFolder(dirname(filePath));
}

/**
 * Appends `text` to `filePath` (created 0600) in one write. `flush` also forces it to disk, for
 * records the user was told about (alert history); recordings skip it (a lost minute is refetched).
 * A full disk may leave part of `text` behind: callers treat a torn tail as their readers do.
 */
export function appendText(filePath: string, text: string, flush = false): void {
  appendFileSync(filePath, text, { mode: fileMode });
  if (flush) flushFile(filePath);
}

function flushFile(filePath: string): void {
  const fd = openSync(filePath, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename); platforms that cannot open a folder (Windows) skip it. */
function flushFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is already flushed.
  } finally {
    closeSync(fd);
  }
}

/** True for the errors of a disk (or quota) with no room left. */
export function isDiskFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * The error a request answers when a save failed: on a full disk a plain sentence saying nothing
 * changed (`what`: "the alert settings"), otherwise the original error. Never the raw `ENOSPC: …`.
 */
export function saveFailure(what: string, error: unknown): Error {
  if (isDiskFull(error))
    return new Error(`Disk full: could not save ${what}; nothing changed. Free some space and try again.`);
  return error instanceof Error ? error : new Error(String(error));
}
