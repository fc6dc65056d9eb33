import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

/** A running `liqlens web` process with its own fresh data folder. */
export interface WebApp {
  readonly url: string;
  readonly dataDir: string;
  /** Stops the host process (as a crash or Ctrl+C would) and waits for it to exit. */
  stop(): Promise<void>;
  /** Everything the host printed so far. */
  output(): string;
}

/** Starts `liqlens web` the way `npm run web` does, in `dataDir`, and waits for its URL. */
export async function startWebApp(dataDir: string): Promise<WebApp> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'web'], {
    env: { ...process.env, LIQLENS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // No timer of its own: the host prints its URL once ready (which takes long on a busy machine),
    // or exits saying why; the test's own timeout catches a hang.
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `dataDir`: a fresh data folder per test; `webApp`: the host started in it. */
export const test = base.extend<{ dataDir: string; webApp: WebApp }>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'liqlens-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  webApp: async ({ dataDir }, use) => {
    const app = await startWebApp(dataDir);
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';
