import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './support/temp-dir';

/** Runs the electronegativity gate over `folder` with `allowlist`; returns its exit code and output. */
function gate(folder: string, allowlist: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['scripts/electronegativity-gate.mjs', folder, allowlist], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('electron hardening gate', () => {
  const tempDir = useTempDirs();

  it('fails on an insecure window that nobody explained, naming the check and the file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'bad-window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        '',
      ].join('\n'),
    );
    const allowlist = join(dir, 'allow.json');
    const reason = 'Explained here to show that a reviewed finding is not reported again.';
    writeFileSync(
      allowlist,
      JSON.stringify({ findings: [{ check: 'SANDBOX_JS_CHECK', file: 'bad-window.ts', reason }] }),
    );
    const result = gate(join(dir, 'src'), allowlist);
    expect(result.status, result.output).toBe(1);
    // The whole offending line is quoted, commas and all, after the check, its file and position.
    expect(result.output).toContain(
      'UNEXPLAINED CONTEXT_ISOLATION_JS_CHECK (HIGH, FIRM) bad-window.ts:2:80 export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
    );
    expect(result.output).toMatch(/\d+ finding\(s\), 1 explained/);
    expect(result.output).not.toContain('UNEXPLAINED SANDBOX_JS_CHECK');
  }, 330_000);

  it('passes the app itself: every finding in electron/ and renderer/ is explained in the reviewed allow-list', () => {
    const run = spawnSync(process.execPath, ['scripts/electronegativity-gate.mjs'], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(`${run.stdout}${run.stderr}`).toMatch(/finding\(s\), \d+ explained/);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  }, 330_000);
});
