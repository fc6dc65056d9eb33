import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectContractClient } from '../electron/cli/bench/contract-client';

const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * How long `npm start` may take to build and print its URL. A state is waited for, never a time: the
 * bound only ends a start that hangs, and leaves room for a build on a machine whose cores are busy.
 */
const startLimitMs = 240_000;

/** Runs `npm start`'s script until it prints a URL, then stops it; returns what it printed. */
function startUntilUrl(args: string[]): Promise<{ output: string; url: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    env: {
      ...process.env,
      LIQLENS_DATA_DIR: dataDir,
      LIQLENS_NO_ELECTRON_DOWNLOAD: '1',
      ELECTRON_OVERRIDE_DIST_PATH: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let checking = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no URL within ${startLimitMs / 1000} s:\n${output}`));
    }, startLimitMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // Once: the lines printed after the URL (the data folder, the stop) must not start a second check.
      if (checking) return;
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(output)?.[1];
      if (!url) return;
      checking = true;
      clearTimeout(timer);
      // Prove the printed URL is live before stopping the app.
      const { port, searchParams } = new URL(url);
      connectContractClient(Number(port), searchParams.get('token') ?? '')
        .then(async (client) => {
          const info = await client.request('app:info', {});
          await client.close();
          child.kill('SIGTERM');
          child.once('exit', () => resolve({ output: `${output}\nmode=${info.mode} dataDir=${info.dataDir}`, url }));
        })
        .catch((error: unknown) => {
          child.kill('SIGTERM');
          // Whether the app had already ended says whether it died after printing its URL.
          const ended = child.exitCode ?? child.signalCode ?? 'still running';
          reject(new Error(`${String(error)} (the app: ${ended}); it printed:\n${output}`));
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

describe('npm start', () => {
  it(
    'says in one line that no Electron runtime is available, starts web mode and prints a working URL',
    async () => {
      const { output } = await startUntilUrl([]);
      const fallbackLines = output.split('\n').filter((line) => line.includes('no Electron runtime'));
      expect(fallbackLines).toHaveLength(1);
      expect(fallbackLines[0]).toMatch(/starts in web mode instead/);
      expect(output).toContain(`mode=web dataDir=${dataDir}`);
    },
    startLimitMs + 30_000,
  );

  it(
    'npm run web goes straight to web mode without mentioning Electron',
    async () => {
      const { output } = await startUntilUrl(['--web']);
      expect(output).not.toContain('Electron');
      expect(output).toContain('mode=web');
    },
    startLimitMs + 30_000,
  );
});
