import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bundleProbes } from './bundle-probe';
import type { BenchFigures } from './stats';

const run = promisify(execFile);

/**
 * Runs a probe in a fresh Node process with the arguments `nodeArgs` (a bundled probe's path from
 * `bundleProbes`, or loader flags and a source file), killed after `timeoutMs`, with `env` added to
 * the bench's environment, and returns the figures of the last JSON line it prints.
 */
export async function runProbeProcess(
  nodeArgs: readonly string[],
  timeoutMs: number,
  env: Readonly<Record<string, string>> = {},
): Promise<BenchFigures> {
  const { stdout, stderr } = await run(process.execPath, nodeArgs, {
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 1024 * 1024,
  });
  // What a probe says beside its figures (the soak's missing minutes) reaches the bench's reader.
  if (stderr.trim() !== '') process.stderr.write(stderr);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BenchFigures;
}

/**
 * Runs a bench probe (a file beside this one that prints one JSON line of figures) as the app ships
 * its core: bundled first (not timed) with the simulator's process (sim-child-main.ts), then in a
 * fresh plain Node process killed after `timeoutMs`.
 */
export async function runProbe(file: string, timeoutMs: number): Promise<BenchFigures> {
  const probes = await bundleProbes([file, 'sim-child-main.ts']);
  try {
    return await runProbeProcess([probes.file(file)], timeoutMs);
  } finally {
    probes.dispose();
  }
}
