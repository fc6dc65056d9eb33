import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dir';

const run = promisify(execFile);
const probe = resolve(import.meta.dirname, 'cold-start-probe.ts');
const recorder = resolve(import.meta.dirname, '../../../test/support/record-module-loads.ts');

/** Runs the cold-start probe in a fresh process and returns the URLs of every module it loaded. */
async function modulesOfColdStart(dataDir: string, listFile: string): Promise<string[]> {
  await run(process.execPath, ['--import', 'tsx', '--import', recorder, probe], {
    env: { ...process.env, LIQLENS_DATA_DIR: dataDir, LIQLENS_MODULE_LIST: listFile },
  });
  return readFileSync(listFile, 'utf8').trim().split('\n');
}

describe('core cold start', () => {
  const tempDir = useTempDirs();

  // ccxt alone is about two thirds of a cold start's module loading: it loads with the first account.
  it('reaches its first heartbeat and app:info without loading ccxt or the simulator', async () => {
    const modules = await modulesOfColdStart(tempDir(), join(tempDir(), 'modules.txt'));
    expect(modules.some((url) => url.endsWith('/electron/core/create-core.ts'))).toBe(true);
    expect(modules.filter((url) => url.includes('/node_modules/ccxt/'))).toEqual([]);
    expect(modules.filter((url) => url.includes('/electron/sim/'))).toEqual([]);
  });
});
