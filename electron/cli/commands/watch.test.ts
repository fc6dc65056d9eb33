import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/simulator';

/** Runs `liqlens watch` until it has printed `lines` lines or `ms` passed; returns stdout lines, stderr and the exit code. */
function watch(args: string[], ms: number): Promise<{ lines: string[]; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'watch', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGINT'), ms);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ lines: stdout.split('\n').filter(Boolean), stderr, code });
    });
  });
}

describe('liqlens watch', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, scenario: 'calm', speed: 1 });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('prints one JSON line per alert event for the Demo and exits at the scenario end', async () => {
    const { lines, code } = await watch(
      ['--demo', '--scenario', 'long-squeeze-crash', '--speed', '2400', '--json'],
      60_000,
    );
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, unknown>;
      for (const key of ['time', 'account', 'symbol', 'side', 'rule', 'level', 'value', 'tickTime', 'emittedAt'])
        expect(event).toHaveProperty(key);
    }
  }, 90_000);

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
    const good = await watch([...base, '--api-secret', key.secret], 8000);
    expect(good.stderr).not.toContain('check your key');
    expect(
      good.lines.some((line) => (JSON.parse(line) as { account: string }).account.startsWith('bybit-linear')),
    ).toBe(true);
    const bad = await watch([...base, '--api-secret', 'wrong-secret-value'], 20_000);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('check your key');
  }, 60_000);
});
