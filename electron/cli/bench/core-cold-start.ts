import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { quantile, round } from './stats';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./cold-start-probe.ts', import.meta.url));

/**
 * Core cold start: the median over `runs` fresh processes of the time from loading the core's
 * modules to its first heartbeat, each with a new data folder. Milliseconds.
 */
export async function measureCoreColdStart(runs = 5): Promise<{ coldStartMs: number; runs: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-cold-'));
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], {
        env: { ...process.env, LIQLENS_DATA_DIR: dataDir },
        timeout: 120_000, // a busy machine transpiles the core slowly on the first run
      });
      const { coldStartMs } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { coldStartMs: number };
      if (i > 0) samples.push(coldStartMs); // the first run fills the transpile cache
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { coldStartMs: round(quantile(samples, 0.5), 1), runs };
}
