import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startNtfyStandIn, startTelegramStandIn, type StandIn } from '../../../test/support/channel-stand-ins';
import { useTempDirs } from '../../../test/support/temp-dir';

const tempDir = useTempDirs();
const standIns: StandIn[] = [];
afterEach(async () => {
  for (const standIn of standIns.splice(0)) await standIn.stop();
});

/** Runs `liqlens watch` to its end (the Demo's scenario end) and returns what it printed. */
function runWatch(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'watch', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('liqlens watch --channels', () => {
  it("delivers the Demo's alerts to Telegram and tells a refused channel on stderr, secrets never printed", async () => {
    const botToken = '7000000001:AAH-watch-token-5511';
    const telegram = await startTelegramStandIn(botToken, '42');
    const ntfy = await startNtfyStandIn('liqlens-watch', 'tk_right_token_0001');
    standIns.push(telegram, ntfy);
    const file = join(tempDir(), 'channels.json');
    writeFileSync(
      file,
      JSON.stringify({
        telegram: { botToken, chatId: '42', apiBase: telegram.url },
        ntfy: { server: ntfy.url, topic: 'liqlens-watch', token: 'tk_wrong_token_0002' },
      }),
    );
    const run = await runWatch([
      '--demo',
      '--scenario',
      'long-squeeze-crash',
      '--speed',
      '2400',
      '--json',
      '--channels',
      file,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    const [first] = telegram.received;
    expect(first?.json).toMatchObject({ chat_id: '42' });
    expect(String(first?.json?.['text'])).toMatch(/^(Warning|Danger|Critical|Liquidated)[^\n]*\n.+/);
    expect(ntfy.received).toEqual([]);
    expect(run.stderr).toContain('channel ntfy: failed: 401 unauthorized');
    for (const secret of [botToken, 'tk_wrong_token_0002']) expect(run.stdout + run.stderr).not.toContain(secret);
  }, 240_000);

  it('refuses a channels file with a wrong field, naming the field and not its value', async () => {
    const file = join(tempDir(), 'channels.json');
    writeFileSync(file, JSON.stringify({ telegram: { botToken: 'short', chatId: '42' } }));
    const run = await runWatch(['--demo', '--channels', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--channels: telegram.botToken');
    expect(run.stderr).not.toContain('short"');
  }, 180_000);
});
