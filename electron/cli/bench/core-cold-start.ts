import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleProbes } from './bundle-probe';
import { runProbeProcess } from './run-probe';
import { quantile, round } from './stats';

const probeName = 'cold-start-probe.ts';

/**
 * The median over `runs` fresh processes of the probe's `coldStartMs`, each with a new data folder,
 * after one unmeasured run (it fills the disk cache, and tsx's transpile cache for the sources).
 */
async function medianColdStart(nodeArgs: readonly string[], runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-cold-'));
    try {
      // A busy machine transpiles the core slowly on the first tsx run.
      const figures = await runProbeProcess(nodeArgs, 120_000, { LIQLENS_DATA_DIR: dataDir });
      const coldStartMs = figures['coldStartMs'];
      if (i > 0) samples.push(typeof coldStartMs === 'number' ? coldStartMs : Number.NaN);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return round(quantile(samples, 0.5), 1);
}

/**
 * Core cold start, milliseconds from loading the core's modules to its first heartbeat and an
 * answered app:info (cold-start-probe.ts), median over `runs` fresh processes. `coldStartMs` runs
 * the core as the app ships it: bundled like the main build (bundling not timed) and run by plain
 * Node. `coldStartTsxMs` runs the TypeScript sources through tsx, as the bench did before, kept for
 * comparison with older reports: tsx's loader and transpiling are in it, the product has neither.
 */
export async function measureCoreColdStart(
  runs = 5,
): Promise<{ coldStartMs: number; coldStartTsxMs: number; runs: number }> {
  const probes = await bundleProbes([probeName]);
  try {
    const coldStartMs = await medianColdStart([probes.file(probeName)], runs);
    const source = fileURLToPath(new URL(`./${probeName}`, import.meta.url));
    const coldStartTsxMs = await medianColdStart(['--import', 'tsx', source], runs);
    return { coldStartMs, coldStartTsxMs, runs };
  } finally {
    probes.dispose();
  }
}
