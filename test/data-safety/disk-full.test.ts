import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountAdd } from '../../shared/ipc/contract';
import type { Core } from '../../electron/core/create-core';
import type { SimAccountSpec } from '../../electron/sim/market/account';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { diskFullNotice } from '../../electron/core/storage/disk-watch';
import { injectedDiskFull as injected } from '../support/injected-disk-full';
import { createSimDemoCore } from '../support/test-core';

vi.mock('../../electron/core/storage/disk-io', async (importOriginal) =>
  (await import('../support/injected-disk-full')).withInjectedDiskFull(await importOriginal()),
);

/** A Bybit isolated ETH short the simulator can put at the front of the ADL queue: an alert on demand. */
const account: SimAccountSpec = {
  id: 'by-disk',
  venue: 'bybit-linear',
  mode: 'isolated',
  walletBalance: 2_000,
  positions: [{ symbol: 'ETHUSDT', side: 'short', size: 4, leverage: 10, marginMode: 'isolated', entryOffset: 0.05 }],
};

/** How the disk is made full and given room again: a real small tmpfs, or ENOSPC injected at the file layer. */
interface Disk {
  readonly dataDir: string;
  fill(): void;
  free(): void;
  release(): void;
}

/** An 8 MB tmpfs mounted for the test, or undefined where mounting is not permitted. */
function mountTmpfs(): Disk | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'liqlens-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch {
    rmSync(mountPoint, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(mountPoint, 'filler');
  return {
    dataDir: join(mountPoint, 'data'),
    fill() {
      // Written until the disk refuses even one more byte.
      const fd = openSync(filler, 'a');
      try {
        for (const size of [65_536, 4096, 1]) {
          const chunk = Buffer.alloc(size, 120);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch {
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    release() {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
      rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}

function injectedDisk(): Disk {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-test-'));
  return {
    dataDir,
    fill: () => (injected.on = true),
    free: () => (injected.on = false),
    release() {
      injected.on = false;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Total bytes of the recordings in `dataDir`. */
function recordedBytes(dataDir: string): number {
  const walk = (folder: string): number =>
    readdirSync(folder, { withFileTypes: true }).reduce(
      (sum, entry) =>
        sum + (entry.isDirectory() ? walk(join(folder, entry.name)) : statSync(join(folder, entry.name)).size),
      0,
    );
  try {
    return walk(join(dataDir, 'recordings'));
  } catch {
    return 0;
  }
}

const noticesOf = async (core: Core): Promise<string[]> =>
  (await core.handlers['app:info']({})).notices.map((notice) => notice.message);

describe('a full disk is a state, not a crash', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function runFullDisk(disk: Disk): Promise<void> {
    const sim: Simulator = await startSimulator({ seed: 7, scenario: 'calm', speed: 0, accounts: [account] });
    cleanups.push(() => sim.stop());
    const manual = (label: string): AccountAdd => ({
      kind: 'manual',
      venue: 'bybit-linear',
      label,
      walletBalance: 1_000,
      baseUrl: sim.baseUrl('bybit-linear'),
      positions: [
        { symbol: 'ETHUSDT', side: 'long', sizeBase: 1, entryPrice: 3_000, leverage: 5, marginMode: 'isolated' },
      ],
    });
    const first = createSimDemoCore(disk.dataDir, sim);
    let core = first.core;
    cleanups.push(() => core.stop());
    await core.start();
    // The position's market opens and records what it loaded.
    await expect.poll(() => recordedBytes(disk.dataDir), { timeout: 120_000 }).toBeGreaterThan(0);
    const settingsBefore = await core.handlers['settings:get']({});
    const configBefore = await core.handlers['alerts:config-get']({});

    disk.fill();
    // Minutes pass; the first recording that does not fit pauses recording with one notice.
    await expect
      .poll(
        async () => {
          sim.market.advance(60_000);
          return noticesOf(core);
        },
        { timeout: 120_000 },
      )
      .toContain(diskFullNotice);

    // Saves fail whole, with a sentence, and change nothing.
    await expect(core.handlers['settings:update']({ patch: { theme: 'light' } })).rejects.toThrow(
      /^Disk full: could not save the settings; nothing changed/,
    );
    expect(await core.handlers['settings:get']({})).toEqual(settingsBefore);
    const quieter = { quietHours: { enabled: !configBefore.quietHours.enabled } };
    await expect(core.handlers['alerts:config-set']({ config: quieter })).rejects.toThrow(
      /^Disk full: could not save the alert settings; nothing changed/,
    );
    expect(await core.handlers['alerts:config-get']({})).toEqual(configBefore);
    const accountsBefore = (await core.handlers['accounts:list']({})).map((summary) => summary.label);
    await expect(core.handlers['accounts:add']({ account: manual('Phantom') })).rejects.toThrow(
      /^Disk full: could not save the account list; nothing changed/,
    );
    expect((await core.handlers['accounts:list']({})).map((summary) => summary.label)).toEqual(accountsBefore);

    // Alerts keep evaluating and notifying: the venue puts the short at the front of the ADL queue.
    sim.market.adjustPosition(account.id, 'ETHUSDT', { adlQuantile: 4 });
    // The title names the account, the venue and the position: "Front of the ADL queue: <label> · Bybit · ETH/USDT short".
    await expect
      .poll(
        () => first.notifications.some((note) => /^Front of the ADL queue: .+ · ETH\/USDT short$/.test(note.title)),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect((await core.handlers['alerts:list']({})).active.some((alert) => alert.symbol === 'ETHUSDT')).toBe(true);
    expect((await noticesOf(core)).filter((message) => message === diskFullNotice)).toHaveLength(1);

    // Space returns: recording resumes by itself and the notice goes.
    disk.free();
    const pausedAt = recordedBytes(disk.dataDir);
    await expect
      .poll(
        async () => {
          sim.market.advance(60_000);
          return [recordedBytes(disk.dataDir) > pausedAt, (await noticesOf(core)).includes(diskFullNotice)];
        },
        { timeout: 120_000 },
      )
      .toEqual([true, false]);
    // A save that now succeeds writes only what was saved: no phantom from the failed add.
    await core.handlers['accounts:add']({ account: manual('Typed') });

    // After a restart: the failed saves stay unmade, the alert shown under a full disk is in the history.
    await core.stop();
    const second = createSimDemoCore(disk.dataDir, sim);
    core = second.core;
    await core.start();
    expect((await core.handlers['accounts:list']({})).map((summary) => summary.label)).toEqual(['Typed']);
    expect(await core.handlers['settings:get']({})).toEqual(settingsBefore);
    expect(await core.handlers['alerts:config-get']({})).toEqual(configBefore);
    expect((await core.handlers['alerts:list']({})).history.map((event) => event.rule)).toContain('adlFront');
  }

  it('on a real small tmpfs where mounting one is permitted (else on injected ENOSPC)', async () => {
    const mounted = mountTmpfs();
    const disk = mounted ?? injectedDisk();
    console.info(
      mounted ? 'disk-full: ran on a real 8 MB tmpfs' : 'disk-full: mounting refused, ran on injected ENOSPC',
    );
    cleanups.push(() => disk.release());
    await runFullDisk(disk);
  }, 300_000);

  it('on ENOSPC injected at the file layer', async () => {
    const disk = injectedDisk();
    cleanups.push(() => disk.release());
    await runFullDisk(disk);
  }, 300_000);
});
