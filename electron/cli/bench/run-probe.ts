import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a bench probe (a file beside this one that prints one JSON line of figures) in a fresh
 * Node process, killed after `timeoutMs`, and returns its figures.
 */
export async function runProbe(file: string, timeoutMs: number): Promise<Record<string, number>> {
  const probe = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], {
    timeout: timeoutMs,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}
