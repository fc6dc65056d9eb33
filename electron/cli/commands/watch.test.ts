import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../core/instance-lock';
import { startSimulator, type Simulator } from '../../sim/simulator';

interface WatchRun {
  /** Lines printed on stdout so far. */
  readonly lines: () => string[];
  readonly stderr: () => string;
  /** Resolves with the exit code once the process has ended (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Resolves once a printed line satisfies `test`; rejects if the process ends first. */
  readonly printed: (test: (line: string) => boolean) => Promise<void>;
  readonly interrupt: () => void;
}

/**
 * Starts `liqlens watch` as a user would. Nothing here waits for time: a caller waits for a line
 * to be printed or for the process to end, bounded only by the test's own limit, because starting
 * the CLI through tsx can take a long while on a busy machine.
 */
const running = new Set<ChildProcess>();

function startWatch(args: string[], env: NodeJS.ProcessEnv = process.env): WatchRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'watch', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = (): string[] => stdout.split('\n').filter(Boolean);
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const watchers = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const check of watchers) check();
  });
  const printed = (test: (line: string) => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!lines().some(test)) return;
        watchers.delete(check);
        resolve();
      };
      watchers.add(check);
      check();
      void exited.then((code) => {
        check();
        if (watchers.delete(check)) reject(new Error(`watch ended (exit ${code}) first; stderr: ${stderr}`));
      });
    });
  return { lines, stderr: () => stderr, exited, printed, interrupt: () => child.kill('SIGINT') };
}

describe('liqlens watch', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 1 });
  });
  afterEach(() => {
    // A failed expectation must not leave a watch running.
    for (const child of running) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('prints one JSON line per alert event for the Demo and exits at the scenario end', async () => {
    const run = startWatch(['--demo', '--scenario', 'long-squeeze-crash', '--speed', '2400', '--json']);
    const code = await run.exited;
    const lines = run.lines();
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, unknown>;
      for (const key of ['time', 'account', 'symbol', 'side', 'rule', 'level', 'value', 'tickTime', 'emittedAt'])
        expect(event).toHaveProperty(key);
      // Every event names its account as the user knows it, not only by its id.
      expect(event['accountLabel']).toMatch(/^Demo · /);
    }
  }, 240_000);

  it('watches one account given on the command line, and refuses a wrong key in one line', async () => {
    const key = sim.keys.find((k) => k.venue === 'bybit-linear' && k.apiKey.endsWith('-readonly'));
    if (!key) throw new Error('the simulator should offer a read-only Bybit key');
    const base = [
      '--venue',
      'bybit-linear',
      '--base-url',
      sim.baseUrl('bybit-linear'),
      '--api-key',
      key.apiKey,
      '--json',
    ];
    // The secret from the environment, as the README says: nothing secret in the process list.
    const good = startWatch(base, { ...process.env, LIQLENS_API_SECRET: key.secret });
    await good.printed((line) => (JSON.parse(line) as { account: string }).account.startsWith('bybit-linear'));
    good.interrupt();
    expect(await good.exited).toBe(0);
    expect(good.stderr()).not.toContain('check your key');
    expect(good.stderr()).not.toContain('process list');
    const bad = startWatch(base, { ...process.env, LIQLENS_API_SECRET: 'wrong-secret-value' });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr().trim().split('\n')).toHaveLength(1);
    expect(bad.stderr()).toContain('check your key');
  }, 240_000);

  it('refuses, in one line naming the PID, to watch a data folder another LiqLens holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-watch-busy-'));
    // This test's own process stands in for the other LiqLens: alive, and not the watch's PID.
    const other = lockDataFolder(dataDir);
    try {
      const run = startWatch(['--json'], { ...process.env, LIQLENS_DATA_DIR: dataDir });
      expect(await run.exited).toBe(1);
      expect(run.stderr().trim()).toBe(
        `LiqLens is already running on this data folder (PID ${process.pid}). (${dataDir})`,
      );
    } finally {
      other.release();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
