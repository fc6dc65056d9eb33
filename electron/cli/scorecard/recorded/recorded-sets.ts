import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { VenueMarket } from '../../../../shared/clusters/index';
import { venueRegistry, type Venue } from '../../../../shared/domain/venue';
import { readMarketMeta } from '../../../core/market/market-meta';
import { createRecorder, type Recording } from '../../../core/recorder/recorder';
import type { WatchSpan } from '../../../core/recorder/recording-format';
import { minuteLedgerBars } from '../../../core/recorder/replay';
import type { EvalBar } from '../sim-feed';
import type { Bucket, BucketSet } from '../real/real-data';

const minuteMs = 60_000,
  dayMs = 86_400_000;

/**
 * How much of a venue's realized liquidations its public stream carries (docs/research/liquidation-maps.md §2.1):
 * Bybit pushes every one; Binance (both markets) at most the latest order per symbol per second (a lower bound);
 * OKX's channel is read as a sample too; Hyperliquid has no market-wide stream.
 */
export const liquidationFeedOf: Readonly<Record<Venue, 'complete' | 'sample' | 'none'>> = {
  'binance-usdm': 'sample',
  'binance-coinm': 'sample',
  'bybit-linear': 'complete',
  'okx-swap': 'sample',
  hyperliquid: 'none',
};

/** One recorded market as the scorecard reads it. */
export interface RecordedMarket {
  /** The market source folder (`demo`, `production`, a testnet host). */
  readonly source: string;
  readonly venue: Venue;
  readonly symbol: string;
  /** The ledger's view of the contract (saved tiers), or null when no `market.json` was saved. */
  readonly market: VenueMarket | null;
  readonly recording: Recording;
}

/** What the recordings hold and which part of it could be scored. */
export interface RecordedCounts {
  readonly minutes: number;
  readonly openInterestSamples: number;
  readonly liquidations: number;
  readonly liquidationUsd: number;
  /** Minutes over which the liquidation stream is recorded as connected. */
  readonly watchedMinutes: number;
  /** Buckets fully inside a watched span with every minute recorded, after the warm-up. */
  readonly scoredBuckets: number;
  /** Realized liquidations inside the scored buckets (the rest fell outside them). */
  readonly liquidationsScored: number;
  /** Watched buckets left out because fewer than `warmupMs` of minutes preceded them. */
  readonly warmingUp: number;
}

const isVenue = (name: string): name is Venue => name in venueRegistry;
const folders = (path: string): string[] => {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
};

/**
 * Every recorded market under a data folder (`DIR/recordings/<source>/<venue>/<symbol>/`), or under
 * the recordings folder itself when `dir` is one. Folders of unknown venues are skipped.
 */
export async function readRecordedMarkets(dir: string): Promise<RecordedMarket[]> {
  const dataDir = basename(dir) === 'recordings' ? join(dir, '..') : dir;
  const out: RecordedMarket[] = [];
  for (const source of folders(join(dataDir, 'recordings'))) {
    const recorder = createRecorder(dataDir, source);
    for (const venue of folders(join(dataDir, 'recordings', source)).filter(isVenue))
      for (const symbol of folders(join(dataDir, 'recordings', source, venue))) {
        const meta = readMarketMeta(recorder, venue, symbol);
        const market: VenueMarket | null =
          meta === null || meta.tiers === null
            ? null
            : {
                venue,
                tiers: meta.tiers,
                takerFeeRate: meta.info.takerFeeRate ?? 0.0005,
                contractSize: meta.info.contractSize,
              };
        out.push({ source, venue, symbol, market, recording: await recorder.read(venue, symbol, -Infinity, Infinity) });
      }
  }
  return out;
}

const covered = (spans: readonly WatchSpan[], fromMs: number, toMs: number): boolean =>
  spans.some((span) => span.fromMs <= fromMs && span.toMs >= toMs);

/**
 * The recording as a bucket set: the ledger bars of its minutes (mark OHLC, as the live map is fed)
 * and one bucket per `bucketMs` that lies wholly inside a span where the liquidation stream was
 * connected, has every minute recorded and follows at least `warmupMs` of minutes. A bucket's path is
 * the mark's (levels trigger on the mark), its open interest the last sample before it, and its
 * realized USD the sum of the recorded liquidations in it per liquidated side.
 */
export function recordedBucketSet(
  recorded: RecordedMarket,
  bucketMs: number,
  warmupMs: number,
): { readonly set: BucketSet; readonly counts: RecordedCounts } {
  const { recording } = recorded;
  const ledger = minuteLedgerBars(recording.bars, recording.openInterest);
  const bars: EvalBar[] = ledger.map((bar, i) => {
    const minute = recording.bars[i];
    const last = minute?.last ?? { open: bar.markClose, high: bar.markHigh, low: bar.markLow, close: bar.markClose };
    const typical = (bar.markHigh + bar.markLow + bar.markClose) / 3;
    return {
      ledger: bar,
      candle: {
        openTimeMs: bar.timeMs,
        ...last,
        volume: minute?.volume ?? 0,
        takerBuyVolume: minute?.takerBuyVolume ?? null,
      },
      buyVolume: bar.takerBuyUsd / typical,
      sellVolume: bar.takerSellUsd / typical,
    };
  });
  const byTime = new Map(recording.bars.map((bar) => [bar.timeMs, bar]));
  const firstMs = recording.bars[0]?.timeMs ?? Infinity;
  const buckets: Bucket[] = [];
  let warmingUp = 0,
    liquidationsScored = 0,
    lastOiUsd = Number.NaN,
    nextBar = 0;
  const spans = recording.liquidationWatch;
  const from = Math.ceil((spans[0]?.fromMs ?? 0) / bucketMs) * bucketMs;
  const to = spans[spans.length - 1]?.toMs ?? 0;
  for (let start = from; start + bucketMs <= to; start += bucketMs) {
    for (let bar = ledger[nextBar]; bar !== undefined && bar.timeMs < start; bar = ledger[++nextBar])
      if (bar.openInterestUsd !== null) lastOiUsd = bar.openInterestUsd;
    if (!covered(spans, start, start + bucketMs)) continue;
    const minutes = [];
    for (let t = start; t < start + bucketMs; t += minuteMs) {
      const minute = byTime.get(t);
      if (minute !== undefined) minutes.push(minute.mark);
    }
    const open = minutes[0],
      close = minutes[minutes.length - 1];
    if (open === undefined || close === undefined || minutes.length < bucketMs / minuteMs) continue;
    if (start - firstMs < warmupMs || !(lastOiUsd > 0)) {
      warmingUp++;
      continue;
    }
    const inside = recording.liquidations.filter((l) => l.timeMs >= start && l.timeMs < start + bucketMs);
    liquidationsScored += inside.length;
    const sum = (side: 'long' | 'short'): number =>
      inside.filter((l) => l.side === side).reduce((total, l) => total + l.notionalUsd, 0);
    buckets.push({
      startMs: start,
      open: open.open,
      high: Math.max(...minutes.map((m) => m.high)),
      low: Math.min(...minutes.map((m) => m.low)),
      close: close.close,
      openInterestUsd: lastOiUsd,
      longUsd: sum('long'),
      shortUsd: sum('short'),
    });
  }
  return {
    set: {
      name: `${recorded.source} ${recorded.venue} ${recorded.symbol}`,
      bars,
      buckets,
      hasTakerFlow: recording.bars.some((bar) => bar.takerBuyVolume !== null),
    },
    counts: {
      minutes: recording.bars.length,
      openInterestSamples: recording.openInterest.length,
      liquidations: recording.liquidations.length,
      liquidationUsd: recording.liquidations.reduce((total, l) => total + l.notionalUsd, 0),
      watchedMinutes: spans.reduce((total, span) => total + (span.toMs - span.fromMs) / minuteMs, 0),
      scoredBuckets: buckets.length,
      liquidationsScored,
      warmingUp,
    },
  };
}

/** Default warm-up before a bucket is scored: one day of minutes (the map starts empty). */
export const recordedWarmupMs = dayMs;
