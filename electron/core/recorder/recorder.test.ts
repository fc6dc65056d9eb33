import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProfile, createLedger, liquidationMap, type VenueMarket } from '../../../shared/clusters';
import { createRecorder, dayFileOf } from './recorder';
import type { MinuteBar, RecordLine } from './recording-format';
import { replayRecording } from './replay';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'liqlens-recorder-'));
  dirs.push(dir);
  return dir;
};

const startMs = Date.UTC(2026, 0, 4, 22, 0);
const market: VenueMarket = {
  venue: 'binance-usdm',
  takerFeeRate: 0.0005,
  contractSize: 1,
  tiers: [
    { floor: 0, cap: 1_000_000, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 },
    { floor: 1_000_000, cap: null, maintenanceMarginRate: 0.01, deduction: 6000, maxLeverage: 50 },
  ],
};

/** Six hours of a wandering market across midnight UTC, with OI every 5 minutes: deterministic. */
function sampleLines(): RecordLine[] {
  const lines: RecordLine[] = [];
  let price = 60_000,
    oi = 10_000;
  for (let i = 0; i < 360; i++) {
    const timeMs = startMs + i * 60_000;
    const open = price;
    price *= 1 + Math.sin(i / 7) * 0.002;
    const high = Math.max(open, price) * 1.0005,
      low = Math.min(open, price) * 0.9995;
    const bar: MinuteBar = {
      timeMs,
      mark: { open, high, low, close: price },
      last: { open, high, low, close: price },
      volume: 50 + (i % 13),
      takerBuyVolume: 25 + Math.cos(i / 5) * 10,
    };
    lines.push({ kind: 'bar', bar });
    if ((i + 1) % 5 === 0) {
      oi += Math.sin(i / 11) * 120;
      lines.push({ kind: 'oi', point: { timeMs: timeMs + 60_000, base: oi, usd: null } });
    }
  }
  lines.push({
    kind: 'liq',
    liquidation: {
      symbol: 'BTCUSDT',
      side: 'long',
      price: 59_500,
      size: 0.5,
      notionalUsd: 29_750,
      timeMs: startMs + 90_000,
    },
  });
  return lines;
}

describe('recorder', () => {
  it('writes one JSON Lines file per UTC day and reads back exactly what was appended', async () => {
    const recorder = createRecorder(freshDir(), 'production');
    const lines = sampleLines();
    recorder.append('binance-usdm', 'BTCUSDT', lines.slice(0, 100));
    recorder.append('binance-usdm', 'BTCUSDT', lines.slice(100));
    const folder = recorder.folderOf('binance-usdm', 'BTCUSDT');
    expect(readFileSync(join(folder, '2026-01-04.jsonl'), 'utf8').split('\n').length).toBeGreaterThan(100);
    expect(dayFileOf(startMs + 3 * 3_600_000)).toBe('2026-01-05.jsonl');
    const recording = await recorder.read('binance-usdm', 'BTCUSDT', -Infinity, Infinity);
    expect(recording.bars).toHaveLength(360);
    expect(recording.openInterest).toHaveLength(72);
    const last = lines.at(-1);
    expect(recording.liquidations).toEqual(last?.kind === 'liq' ? [last.liquidation] : []);
    const window = await recorder.read('binance-usdm', 'BTCUSDT', startMs + 60 * 60_000, startMs + 120 * 60_000);
    expect(window.bars.map((bar) => bar.timeMs)).toEqual(
      Array.from({ length: 60 }, (_, i) => startMs + (60 + i) * 60_000),
    );
  });

  it('keeps when the liquidation stream was connected: touching spans read back as one, a stretch outside stays unknown', async () => {
    const recorder = createRecorder(freshDir(), 'production');
    const span = (fromMin: number, toMin: number): RecordLine => ({
      kind: 'watch',
      span: { fromMs: startMs + fromMin * 60_000, toMs: startMs + toMin * 60_000 },
    });
    recorder.append('bybit-linear', 'BTCUSDT', [span(0, 5), span(5, 9), span(20, 30)]);
    const recording = await recorder.read('bybit-linear', 'BTCUSDT', -Infinity, Infinity);
    expect(recording.liquidationWatch).toEqual([
      { fromMs: startMs, toMs: startMs + 9 * 60_000 },
      { fromMs: startMs + 20 * 60_000, toMs: startMs + 30 * 60_000 },
    ]);
  });

  it('skips a torn last line, and the next append does not merge with it', async () => {
    const recorder = createRecorder(freshDir(), 'production');
    const lines = sampleLines()
      .filter((line) => line.kind === 'bar')
      .slice(0, 10);
    recorder.append('okx-swap', 'BTC-USDT-SWAP', lines.slice(0, 5));
    const file = join(recorder.folderOf('okx-swap', 'BTC-USDT-SWAP'), '2026-01-04.jsonl');
    appendFileSync(file, '{"k":"bar","t":17675');
    expect((await recorder.read('okx-swap', 'BTC-USDT-SWAP', -Infinity, Infinity)).bars).toHaveLength(5);
    // A new session appends after the crash.
    createRecorder(join(file, '..', '..', '..', '..', '..'), 'production').append(
      'okx-swap',
      'BTC-USDT-SWAP',
      lines.slice(5),
    );
    const after = await recorder.read('okx-swap', 'BTC-USDT-SWAP', -Infinity, Infinity);
    expect(after.bars.map((bar) => bar.timeMs)).toEqual(
      lines.map((line) => (line.kind === 'bar' ? line.bar.timeMs : 0)),
    );
  });

  it('keeps each source apart: what the Demo recorded is not read back for production or a testnet', async () => {
    const dir = freshDir();
    const demo = createRecorder(dir, 'demo');
    demo.append('binance-usdm', 'BTCUSDT', sampleLines());
    expect((await demo.read('binance-usdm', 'BTCUSDT', -Infinity, Infinity)).bars).toHaveLength(360);
    for (const other of ['production', 'testnet.binancefuture.com', '127.0.0.1:4321/binance']) {
      const recording = await createRecorder(dir, other).read('binance-usdm', 'BTCUSDT', -Infinity, Infinity);
      expect(recording.bars, other).toEqual([]);
      expect(recording.liquidations, other).toEqual([]);
    }
    expect(demo.folderOf('binance-usdm', 'BTCUSDT')).toBe(join(dir, 'recordings', 'demo', 'binance-usdm', 'BTCUSDT'));
    // A simulator's source id holds ':' and '/': its folder stays one level under recordings/.
    expect(createRecorder(dir, '127.0.0.1:4321/binance').folderOf('binance-usdm', 'BTCUSDT')).toBe(
      join(dir, 'recordings', '127.0.0.1_4321_binance', 'binance-usdm', 'BTCUSDT'),
    );
  });

  it('replays a recording into a ledger deterministically', async () => {
    const recorder = createRecorder(freshDir(), 'production');
    recorder.append('binance-usdm', 'BTCUSDT', sampleLines());
    const run = async (): Promise<string> => {
      const ledger = createLedger({ markets: [market] });
      await replayRecording(recorder, 'binance-usdm', 'BTCUSDT', -Infinity, Infinity, ledger);
      const profile = buildProfile(ledger);
      return JSON.stringify({
        map: liquidationMap(ledger),
        long: Array.from(profile.long),
        short: Array.from(profile.short),
        snapshots: ledger.snapshots().length,
      });
    };
    const first = await run();
    expect((JSON.parse(first) as { map: { bins: unknown[] } }).map.bins.length).toBeGreaterThan(10);
    expect(await run()).toBe(first);
  });
});
