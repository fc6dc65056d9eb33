import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { useTempDirs } from '../../../test/support/temp-dir';
import { lockDataFolder, lockFileName } from '../../core/instance-lock';

// A built renderer stands in for out/renderer, which a test checkout need not have.
const built = vi.hoisted(() => ({ dir: '' }));
vi.mock('../paths', () => ({
  get rendererDir() {
    return built.dir;
  },
}));

const { runWebCommand } = await import('./web');

describe('liqlens web when it cannot run', () => {
  const tempDir = useTempDirs();
  const savedDataDir = process.env['LIQLENS_DATA_DIR'];
  let dataDir = '';
  let busy: Server | undefined;
  beforeEach(() => {
    built.dir = tempDir();
    writeFileSync(join(built.dir, 'index.html'), '<!doctype html>');
    dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    process.env['LIQLENS_DATA_DIR'] = dataDir;
  });
  afterEach(async () => {
    if (savedDataDir === undefined) delete process.env['LIQLENS_DATA_DIR'];
    else process.env['LIQLENS_DATA_DIR'] = savedDataDir;
    await new Promise((resolve) => (busy ? busy.close(resolve) : resolve(undefined)));
    busy = undefined;
  });

  it('exits 1 with one line on a busy port, having started and written nothing', async () => {
    busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy?.listen(0, '127.0.0.1', () => {
        const address = busy?.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    const { io, out, err } = captureIo();
    expect(await runWebCommand(['--port', String(port)], io)).toBe(1);
    expect(err).toEqual([
      `liqlens web: Port ${port} on 127.0.0.1 is already in use. Choose another with --port (0 picks a free one).`,
    ]);
    expect(out).toEqual([]);
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    expect(readdirSync(dataDir)).not.toContain('alerts');
  });

  it('exits 1 with one line naming the PID while another LiqLens runs on the data folder', async () => {
    // Our parent process stands in for the other LiqLens: a PID that is alive and not ours.
    const other = lockDataFolder(dataDir, process.ppid);
    const { io, err } = captureIo();
    expect(await runWebCommand(['--port', '0'], io)).toBe(1);
    expect(err).toEqual([
      `liqlens web: LiqLens is already running on this data folder (PID ${process.ppid}). (${dataDir})`,
    ]);
    other.release();
  });
});
