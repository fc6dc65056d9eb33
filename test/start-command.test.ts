import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectContractClient } from '../electron/cli/bench/contract-client';

const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no URL within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(output)?.[1];
      if (!url) return;
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
        .catch(reject);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

describe('npm start', () => {
  it('says in one line that no Electron runtime is available, starts web mode and prints a working URL', async () => {
    const { output } = await startUntilUrl([]);
    const fallbackLines = output.split('\n').filter((line) => line.includes('no Electron runtime'));
    expect(fallbackLines).toHaveLength(1);
    expect(fallbackLines[0]).toMatch(/starts in web mode instead/);
    expect(output).toContain(`mode=web dataDir=${dataDir}`);
  }, 90_000);

  it('npm run web goes straight to web mode without mentioning Electron', async () => {
    const { output } = await startUntilUrl(['--web']);
    expect(output).not.toContain('Electron');
    expect(output).toContain('mode=web');
  }, 90_000);
});
