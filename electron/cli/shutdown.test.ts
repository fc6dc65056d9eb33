import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const shutdownModule = resolve(import.meta.dirname, 'shutdown.ts');

interface Ended {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Runs `body` as an ES module in its own Node process with the shutdown helpers imported, the way a
 * command runs under `liqlens`; `onOutput` sees standard output so far each time more arrives.
 */
function runScript(
  body: string,
  onOutput?: (stdout: string, send: (signal: NodeJS.Signals) => void) => void,
): Promise<Ended> {
  const source = `import { exitWhenIdle, stopWithin, untilInterrupted } from ${JSON.stringify(shutdownModule)};\n${body}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    onOutput?.(stdout, (signal) => child.kill(signal));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr, stdout })));
}

const io = `const io = { stdout: (l) => process.stdout.write(l + '\\n'), stderr: (l) => process.stderr.write(l + '\\n') };`;

describe('how a long-running command ends', () => {
  it('exits with the command\u2019s code, naming what is left, when a socket still holds the process after the command returned', async () => {
    const ended = await runScript(`${io}
      import { createServer } from 'node:net';
      const server = createServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      process.exitCode = 3;
      exitWhenIdle(3, io, 50);`);
    expect(ended.code).toBe(3);
    expect(ended.stderr).toMatch(/still holding .*TCPServerWrap x1.* after the command finished; exiting\./);
  });

  it('says nothing and keeps the code when the process ends by itself', async () => {
    const ended = await runScript(`${io}
      process.exitCode = 0;
      exitWhenIdle(0, io, 60_000);`);
    expect(ended.code).toBe(0);
    expect(ended.stderr).toBe('');
  });

  it('gives up on a stop that never finishes, says so, and lets the command return', async () => {
    const ended = await runScript(`${io}
      const finished = await stopWithin(new Promise(() => {}), io, 50);
      io.stdout('finished ' + finished);`);
    expect(ended.stdout).toContain('finished false');
    expect(ended.stderr).toContain('Stopping took longer than 0.05 s (a venue connection did not close); exiting.');
    expect(ended.code).toBe(0);
  });

  it('ends at once on a second Ctrl+C while the first is still stopping', async () => {
    const ended = await runScript(
      `${io}
      const interrupted = untilInterrupted();
      const keepAlive = setInterval(() => {}, 1000);
      io.stdout('ready');
      await interrupted;
      io.stdout('stopping');
      await new Promise(() => {});`,
      (stdout, send) => {
        // The second signal goes once the first was taken and the stop has begun.
        if (stdout.includes('stopping')) send('SIGINT');
        else if (stdout.includes('ready')) send('SIGINT');
      },
    );
    expect(ended.stdout).toContain('stopping');
    expect(ended.code).toBe(130);
  });

  it('stops in order on one Ctrl+C even when a library sends the signal again on its way out', async () => {
    const ended = await runScript(
      `${io}
      // What when-exit does: clean up, then signal the process once more to end it.
      process.once('SIGINT', () => process.kill(process.pid, 'SIGINT'));
      const interrupted = untilInterrupted();
      const keepAlive = setInterval(() => {}, 1000);
      io.stdout('ready');
      await interrupted;
      // The stop takes a while: the echo arrives during it.
      await new Promise((r) => setTimeout(r, 200));
      clearInterval(keepAlive);
      io.stdout('stopped in order');
      process.exitCode = 0;`,
      (stdout, send) => {
        if (stdout.includes('ready') && !stdout.includes('stopped')) send('SIGINT');
      },
    );
    expect(ended.stdout).toContain('stopped in order');
    expect(ended.code).toBe(0);
  });
});
