import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Heartbeat, Notice } from '../../shared/ipc/views/app';
import { createTestCore } from '../../test/support/test-core';
import { useTempDirs } from '../../test/support/temp-dir';

describe('createCore', () => {
  const tempDir = useTempDirs();

  it('answers app:info with its version, mode, data folder and where keys are kept', async () => {
    const dir = tempDir();
    const { core } = createTestCore(dir);
    expect(await core.handlers['app:info']({})).toEqual({
      name: 'LiqLens',
      version: '0.0.0-test',
      mode: 'web',
      dataDir: dir,
      notices: [],
      firstStart: true,
      // Web mode's keys live in memory only: the dialog and banner must say so.
      keyStorage: 'memory',
    });
    // The defaults are written at once, so the next start in this folder is not a first start.
    expect((await createTestCore(dir).core.handlers['app:info']({})).firstStart).toBe(false);
  });

  it('streams a heartbeat on the core clock at the configured interval, and stops cleanly', async () => {
    const { core, clock } = createTestCore(tempDir());
    const beats: Heartbeat[] = [];
    const off = core.on('core:heartbeat', (beat) => beats.push(beat));
    await core.start();
    expect(beats).toHaveLength(1);
    clock.advance(3000);
    expect(beats.map((beat) => beat.seq)).toEqual([1, 2, 3, 4]);
    expect(beats[3]?.coreTimeMs).toBe((beats[0]?.coreTimeMs ?? 0) + 3000);
    expect(beats[3]?.uptimeMs).toBe(3000);
    await core.stop();
    clock.advance(5000);
    expect(beats).toHaveLength(4);
    expect(clock.activeTimers()).toBe(0);
    off();
  });

  it('applies a new heartbeat interval at once and announces the settings change', async () => {
    const { core, clock } = createTestCore(tempDir());
    const beats: Heartbeat[] = [];
    const changes: unknown[] = [];
    core.on('core:heartbeat', (beat) => beats.push(beat));
    core.on('settings:changed', (settings) => changes.push(settings));
    await core.start();
    const timers = clock.activeTimers();
    await core.handlers['settings:update']({ patch: { heartbeatMs: 250 } });
    clock.advance(1000);
    expect(beats).toHaveLength(5);
    expect(changes).toEqual([{ theme: 'dark', heartbeatMs: 250 }]);
    // The old heartbeat was replaced, not left running beside the new one.
    expect(clock.activeTimers()).toBe(timers);
    await core.stop();
  });

  it('rejects a bad settings update with a clear message and keeps the old settings', async () => {
    const { core } = createTestCore(tempDir());
    await expect(core.handlers['settings:update']({ patch: { heartbeatMs: 10 } })).rejects.toThrow(/heartbeatMs/);
    expect(await core.handlers['settings:get']({})).toEqual({ theme: 'dark', heartbeatMs: 1000 });
  });

  it('tells the user about a corrupt settings file through a notice they can dismiss', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), 'not json at all');
    const { core } = createTestCore(dir);
    const info = await core.handlers['app:info']({});
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]?.level).toBe('warning');
    expect(info.notices[0]?.message).toMatch(/could not be read.*default settings were restored/);
    const changed: (readonly Notice[])[] = [];
    core.on('notices:changed', (notices) => changed.push(notices));
    expect(await core.handlers['notices:dismiss']({ id: info.notices[0]?.id ?? '' })).toEqual([]);
    expect(changed).toEqual([[]]);
    expect((await core.handlers['app:info']({})).notices).toEqual([]);
  });

  it("refuses what needs an exchange with the host's one-line reason when it has no exchange access", async () => {
    const { core } = createTestCore(tempDir());
    await core.start();
    await expect(
      core.handlers['market:open']({
        market: { venue: 'bybit-linear', source: 'production', symbol: 'BTC/USDT:USDT' },
        timeframe: '5m',
      }),
    ).rejects.toThrow('This test core has no network (bybit-linear was not contacted)');
    expect(await core.handlers['accounts:list']({})).toEqual([]);
    await core.stop();
  });

  it('keeps delivering events to other listeners when one throws', async () => {
    const { core } = createTestCore(tempDir());
    const received: number[] = [];
    core.on('core:heartbeat', () => {
      throw new Error('listener bug');
    });
    core.on('core:heartbeat', (beat) => received.push(beat.seq));
    await core.start();
    expect(received).toEqual([1]);
  });
});
