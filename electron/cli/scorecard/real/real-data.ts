import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LedgerBar } from '../../../../shared/clusters/index';
import type { Bucket } from '../../../core/skill/bucket-mass';
import type { EvalBar } from '../sim-feed';

/** One time bucket with its realized liquidations: the unit the real-data measure scores. */
export type { Bucket };

/** A real data set: the bars the estimators are fed (oldest first) and the buckets they are scored on. */
export interface BucketSet {
  readonly name: string;
  readonly bars: readonly EvalBar[];
  readonly buckets: readonly Bucket[];
  /** Whether the bars carry a taker split (the 5-minute set's net flow) or none (50/50). */
  readonly hasTakerFlow: boolean;
}

/** The files bundled in `data/real-market/` (their provenance is SOURCES.md there). */
export const realMarketFiles = {
  klines5m: 'binance-usdm-BTCUSDT-5m.csv.gz',
  liquidations30m: 'coinglass-BTC-liquidations-30m.csv.gz',
  hourly: 'coinglass-BTC-1h.csv.gz',
} as const;

type Row = Readonly<Record<string, number>>;

/** Reads a gzipped CSV with a header line; empty cells become NaN. */
export function readCsvGz(path: string): Row[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, number> = {};
    header.forEach(
      (name, i) => (row[name] = cells[i] === '' || cells[i] === undefined ? Number.NaN : Number(cells[i])),
    );
    return row;
  });
}

const num = (row: Row, key: string): number => row[key] ?? Number.NaN;

function evalBar(
  timeMs: number,
  durationMs: number,
  candle: { open: number; high: number; low: number; close: number },
  oiUsd: number,
  buyUsd: number,
  sellUsd: number,
): EvalBar {
  const ledger: LedgerBar = {
    timeMs,
    durationMs,
    markHigh: candle.high,
    markLow: candle.low,
    markClose: candle.close,
    takerBuyUsd: buyUsd,
    takerSellUsd: sellUsd,
    openInterestUsd: Number.isFinite(oiUsd) ? oiUsd : null,
  };
  const typical = (candle.high + candle.low + candle.close) / 3;
  return {
    ledger,
    candle: { openTimeMs: timeMs, ...candle, volume: (buyUsd + sellUsd) / typical, takerBuyVolume: buyUsd / typical },
    buyVolume: buyUsd / typical,
    sellVolume: sellUsd / typical,
  };
}

/**
 * The hourly set: Binance spot 1 h candles, Binance BTCUSDT open interest at each hour's close and
 * CoinGlass's liquidations per hour. No taker flow: the bars carry none (the ledger then splits new
 * positions 50/50). The OI known at a bucket's open is the previous hour's close.
 */
export function loadHourlySet(dir: string): BucketSet {
  const rows = readCsvGz(join(dir, realMarketFiles.hourly)).sort(
    (a, b) => num(a, 'bucket_start_ms') - num(b, 'bucket_start_ms'),
  );
  const bars: EvalBar[] = [];
  const buckets: Bucket[] = [];
  let previousOi = Number.NaN;
  for (const row of rows) {
    const startMs = num(row, 'bucket_start_ms');
    const candle = {
      open: num(row, 'spot_open'),
      high: num(row, 'spot_high'),
      low: num(row, 'spot_low'),
      close: num(row, 'spot_close'),
    };
    const oi = num(row, 'binance_oi_usd_close');
    if (Number.isFinite(previousOi))
      buckets.push({
        startMs,
        ...candle,
        openInterestUsd: previousOi,
        longUsd: num(row, 'long_usd'),
        shortUsd: num(row, 'short_usd'),
      });
    bars.push(evalBar(startMs, 3_600_000, candle, oi, 0, 0));
    previousOi = oi;
  }
  return { name: 'hourly (Binance spot 1h, CoinGlass liquidations)', bars, buckets, hasTakerFlow: false };
}

const fiveMinutesMs = 300_000;
const halfHourMs = 1_800_000;

/**
 * The 5-minute set: Binance USDⓈ-M BTCUSDT 5 m klines with open interest and net taker flow, scored
 * on CoinGlass's 30 m liquidation buckets (open, high and low taken from the perpetual's own six
 * klines, the prices the estimators saw). Only the net taker flow is published, so a bar's taker
 * buy is the net when positive and its sell the net when negative (a split by sign).
 */
export function loadFiveMinuteSet(dir: string): BucketSet {
  const klines = readCsvGz(join(dir, realMarketFiles.klines5m)).sort(
    (a, b) => num(a, 'open_time_ms') - num(b, 'open_time_ms'),
  );
  const bars = klines.map((row) => {
    const candle = { open: num(row, 'open'), high: num(row, 'high'), low: num(row, 'low'), close: num(row, 'close') };
    const netUsd = (num(row, 'taker_net_btc') || 0) * candle.close;
    return evalBar(
      num(row, 'open_time_ms'),
      fiveMinutesMs,
      candle,
      num(row, 'oi_usd'),
      Math.max(0, netUsd),
      Math.max(0, -netUsd),
    );
  });
  const byTime = new Map(klines.map((row) => [num(row, 'open_time_ms'), row]));
  const buckets: Bucket[] = [];
  for (const row of readCsvGz(join(dir, realMarketFiles.liquidations30m))) {
    const startMs = num(row, 'bucket_start_ms');
    const parts: Row[] = [];
    for (let t = startMs; t < startMs + halfHourMs; t += fiveMinutesMs) {
      const part = byTime.get(t);
      if (part !== undefined) parts.push(part);
    }
    const before = byTime.get(startMs - fiveMinutesMs);
    const first = parts[0];
    if (parts.length < halfHourMs / fiveMinutesMs || first === undefined || before === undefined) continue;
    buckets.push({
      startMs,
      open: num(first, 'open'),
      high: Math.max(...parts.map((part) => num(part, 'high'))),
      low: Math.min(...parts.map((part) => num(part, 'low'))),
      close: num(parts[parts.length - 1] ?? first, 'close'),
      openInterestUsd: num(before, 'oi_usd'),
      longUsd: num(row, 'long_usd'),
      shortUsd: num(row, 'short_usd'),
    });
  }
  buckets.sort((a, b) => a.startMs - b.startMs);
  return {
    name: '5-minute (Binance USDⓈ-M klines + OI, CoinGlass 30 m liquidations)',
    bars,
    buckets,
    hasTakerFlow: true,
  };
}
