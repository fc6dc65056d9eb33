import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import { SettingsSchema } from '../../shared/ipc/views/settings';
import { openAccountRegistry, type AccountRecord } from '../../electron/core/accounts/account-registry';
import { openAlertHistory } from '../../electron/core/alerts/alert-history';
import { createRecorder } from '../../electron/core/recorder/recorder';
import { encodeLine, type RecordLine } from '../../electron/core/recorder/recording-format';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { createOfflineCore } from './offline-core';
import { hostileJson } from './adversarial';

const nowMs = Date.UTC(2026, 10, 21, 12, 0, 0);

/** File contents a crash, a disk error or a hand edit can leave: random bytes, random JSON, near-valid JSON. */
function damaged(valid: unknown): fc.Arbitrary<Uint8Array> {
  const text = JSON.stringify(valid);
  const encode = (value: string): Uint8Array => new TextEncoder().encode(value);
  return fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    hostileJson.map((value) => encode(JSON.stringify(value) ?? '')),
    fc.nat({ max: text.length }).map((cut) => encode(text.slice(0, cut))),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
      const bytes = encode(text);
      bytes[at] = byte;
      return bytes;
    }),
    fc.constant(encode(text)),
  );
}

/** Runs `body` in a fresh data folder that is removed afterwards, whatever happens. */
function inFolder(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'liqlens-files-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file was either accepted as it is, or moved aside byte for byte (never deleted) and the user told where. */
function expectKeptAside(
  dir: string,
  base: string,
  bytes: Uint8Array,
  problem: { message: string; backupPath?: string } | undefined,
): void {
  const backups = readdirSync(dir).filter((name) => name.startsWith(`${base}.corrupt-`));
  if (problem === undefined) {
    expect(backups).toEqual([]);
    return;
  }
  expect(backups).toHaveLength(1);
  const backup = join(dir, backups[0] ?? '');
  expect(readFileSync(backup)).toEqual(Buffer.from(bytes));
  expect(problem.message).toContain(backup);
}

const validSettings = { theme: 'light', heartbeatMs: 2500 };
const validAccounts = {
  version: 1,
  accounts: [
    {
      id: 'okx-swap-1',
      label: 'Hand',
      venue: 'okx-swap',
      kind: 'manual',
      createdAtMs: nowMs,
      manual: {
        walletBalance: 100,
        positions: [
          { symbol: 'BTC-USDT-SWAP', side: 'long', sizeBase: 1, entryPrice: 50_000, leverage: 10, marginMode: 'cross' },
        ],
      },
    },
  ],
};

// A fixed number of runs, each writing and fsyncing files: on a busy shared disk that can take minutes.
// The limit only catches a hang.
const fuzzLimitMs = 600_000;

describe('stored files under random and damaged content', () => {
  it(
    'settings: the store opens, holds valid settings, and a damaged file is kept aside and reported',
    () => {
      fc.assert(
        fc.property(damaged(validSettings), (bytes) =>
          inFolder((dir) => {
            writeFileSync(join(dir, 'settings.json'), bytes);
            const store = openConfSettingsStore(dir, nowMs);
            expect(SettingsSchema.safeParse(store.get()).success).toBe(true);
            expect(store.problems.length).toBeLessThanOrEqual(1);
            expectKeptAside(dir, 'settings', bytes, store.problems[0]);
            if (Buffer.from(bytes).toString('utf8') === JSON.stringify(validSettings))
              expect(store.get()).toEqual(validSettings);
            store.update({ theme: 'dark' });
            expect(openConfSettingsStore(dir, nowMs).problems).toEqual([]);
          }),
        ),
        { numRuns: 150, verbose: 1 },
      );
    },
    fuzzLimitMs,
  );

  it(
    'accounts.json: the registry opens, keeps every valid record, and a damaged file is kept aside and reported',
    () => {
      fc.assert(
        fc.property(damaged(validAccounts), (bytes) =>
          inFolder((dir) => {
            writeFileSync(join(dir, 'accounts.json'), bytes);
            const registry = openAccountRegistry(dir, nowMs);
            expectKeptAside(
              dir,
              'accounts',
              bytes,
              registry.problem === undefined ? undefined : { message: registry.problem },
            );
            if (Buffer.from(bytes).toString('utf8') === JSON.stringify(validAccounts))
              expect(registry.list()).toEqual(validAccounts.accounts);
            const record: AccountRecord = {
              id: 'added',
              label: 'Added',
              venue: 'bybit-linear',
              kind: 'address',
              address: '0x1',
              createdAtMs: nowMs,
            };
            registry.add(record);
            expect(openAccountRegistry(dir, nowMs).list()).toContainEqual(record);
          }),
        ),
        { numRuns: 150, verbose: 1 },
      );
    },
    fuzzLimitMs,
  );

  const event = (n: number): AlertEvent => ({
    id: `e${n}`,
    timeMs: nowMs + n,
    accountId: 'a',
    accountLabel: 'Main',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    displaySymbol: 'BTC/USDT',
    side: 'long',
    rule: 'marginRatio',
    level: 'warning',
    value: 0.5,
    threshold: 0.4,
    tickTimeMs: nowMs + n,
    cleared: false,
    silent: false,
    message: `event ${n}`,
  });

  it(
    'alert history: valid lines all survive garbage lines and a torn tail; garbage never becomes an event',
    () => {
      const garbageLine = fc.oneof(
        fc.string({ maxLength: 60 }),
        hostileJson.map((value) => JSON.stringify(value) ?? ''),
      );
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.nat({ max: 50 }).map(event), garbageLine), { maxLength: 30 }),
          fc.string({ maxLength: 40 }),
          (lines, tail) =>
            inFolder((dir) => {
              const path = join(dir, 'alerts', 'history.jsonl');
              mkdirSync(join(dir, 'alerts'));
              const texts = lines.map((line) =>
                typeof line === 'string' ? line.replace(/\n/g, ' ') : JSON.stringify(line),
              );
              writeFileSync(path, texts.join('\n') + '\n' + tail.replace(/\n/g, ' '));
              const history = openAlertHistory(path);
              const valid = lines.filter((line): line is AlertEvent => typeof line !== 'string');
              for (const kept of valid) expect(history.list()).toContainEqual(kept);
              for (const listed of history.list())
                expect(typeof listed.id === 'string' && typeof listed.message === 'string').toBe(true);
              // The next append after a torn tail must not merge into it and get lost.
              history.append([event(99)]);
              expect(openAlertHistory(path).list()).toContainEqual(event(99));
            }),
        ),
        { numRuns: 150, verbose: 1 },
      );
    },
    fuzzLimitMs,
  );

  it(
    'recordings: every valid record is read back despite garbage lines and a torn tail',
    async () => {
      const line = (n: number): RecordLine => ({
        kind: 'oi',
        point: { timeMs: nowMs + n * 60_000, base: n, usd: n * 10 },
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(fc.nat({ max: 100 }).map(line), fc.string({ maxLength: 60 })), { maxLength: 30 }),
          fc.string({ maxLength: 40 }),
          async (lines, tail) => {
            const dir = mkdtempSync(join(tmpdir(), 'liqlens-rec-'));
            try {
              const recorder = createRecorder(dir, 'production');
              const folder = recorder.folderOf('binance-usdm', 'BTCUSDT');
              mkdirSync(folder, { recursive: true });
              const texts = lines.map((entry) =>
                typeof entry === 'string' ? entry.replace(/\n/g, ' ') : encodeLine(entry),
              );
              writeFileSync(join(folder, '2026-11-21.jsonl'), texts.join('\n') + '\n' + tail.replace(/\n/g, ' '));
              recorder.append('binance-usdm', 'BTCUSDT', [line(500)]);
              const read = await recorder.read('binance-usdm', 'BTCUSDT', -Infinity, Infinity);
              const times = new Set(read.openInterest.map((point) => point.timeMs));
              for (const entry of lines)
                if (typeof entry !== 'string' && entry.kind === 'oi') expect(times).toContain(entry.point.timeMs);
              expect(times).toContain(nowMs + 500 * 60_000);
            } finally {
              rmSync(dir, { recursive: true, force: true });
            }
          },
        ),
        { numRuns: 100, verbose: 1 },
      );
    },
    fuzzLimitMs,
  );

  it(
    'the app starts on a folder where every file is damaged, tells the user, and keeps the damaged files',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liqlens-all-damaged-'));
      try {
        writeFileSync(join(dir, 'settings.json'), '{"theme":');
        writeFileSync(join(dir, 'accounts.json'), '\u0000\u0001garbage');
        mkdirSync(join(dir, 'alerts'));
        writeFileSync(join(dir, 'alerts', 'state.json'), '[1,2');
        writeFileSync(join(dir, 'alerts', 'history.jsonl'), '42\nnull\n{"id":');
        const core = createOfflineCore(dir);
        await core.start();
        const info = await core.handlers['app:info']({});
        const alerts = await core.handlers['alerts:list']({});
        await core.stop();
        expect(alerts.history).toEqual([]);
        const messages = info.notices.map((notice) => notice.message).join('\n');
        expect(messages).toMatch(/settings file could not be read/);
        expect(messages).toMatch(/account list could not be read/);
        const names = readdirSync(dir);
        expect(names.filter((name) => name.includes('.corrupt-'))).toHaveLength(2);
        expect(readdirSync(join(dir, 'alerts')).filter((name) => name.startsWith('state.corrupt-'))).toHaveLength(1);
        expect(readFileSync(join(dir, 'alerts', 'history.jsonl'), 'utf8')).toBe('42\nnull\n{"id":');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    fuzzLimitMs,
  );
});
