import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { describeZodError } from '../../../shared/ipc/envelope';
import { writeFileDurable } from './disk-io';

/** What reading a JSON file found: the value, or the default with a problem the user should hear about. */
export interface JsonRead<T> {
  readonly value: T;
  /** Set when the file was damaged and moved aside. */
  readonly problem?: { readonly message: string; readonly backupPath: string };
}

/**
 * Reads `filePath` against `schema`. A missing file gives `fallback`; a damaged one (not JSON, or
 * refused by the schema) is renamed to `<name>.corrupt-<time>.json`, never deleted, and `fallback`
 * is returned with a problem naming the backup. `what` names the file for the user ("account list").
 */
export function readJsonFile<T>(
  filePath: string,
  schema: z.ZodType<T>,
  fallback: T,
  nowMs: number,
  what: string,
): JsonRead<T> {
  removeStaleTemporaries(filePath);
  if (!existsSync(filePath)) return { value: fallback };
  const text = readFileSync(filePath, 'utf8');
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data };
    reason = describeZodError(parsed.error);
  } catch {
    reason = 'it is not valid JSON';
  }
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const backupPath = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
  renameSync(filePath, backupPath);
  return {
    value: fallback,
    problem: {
      message: `Your ${what} could not be read (${reason}). It was kept as ${backupPath} and LiqLens started without it.`,
      backupPath,
    },
  };
}

/**
 * Writes `value` as JSON atomically and durably (`writeFileDurable`): a crash, a power cut or a full
 * disk leaves the previous file intact. Throws on failure; callers change memory only after success.
 */
export function writeJsonFileAtomic(filePath: string, value: unknown): void {
  writeFileDurable(filePath, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Removes the `<name>.<pid>.tmp` files that writers killed mid-write left beside `filePath`. They
 * were never renamed into place, so they hold nothing that was saved; without this every crash
 * during a write left one more behind (found by test/data-safety/crash-writes.test.ts).
 */
export function removeStaleTemporaries(filePath: string): void {
  const folder = dirname(filePath);
  const prefix = `${basename(filePath)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : '';
    if (/^\d+$/.test(pid) && Number(pid) !== process.pid) rmSync(join(folder, name), { force: true });
  }
}
