import type { LedgerBar } from '../../../shared/clusters/index';
import type { Recording } from '../recorder/recorder';
import type { WatchSpan } from '../recorder/recording-format';
import { minuteLedgerBars } from '../recorder/replay';
import type { Bucket } from './bucket-mass';

const minuteMs = 60_000;

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

/** A recording cut into scored buckets, with the ledger bars of all its minutes (as the live map is fed). */
export interface RecordedBuckets {
  /** One ledger bar per recorded minute, oldest first (`minuteLedgerBars`). */
  readonly ledger: readonly LedgerBar[];
  readonly buckets: readonly Bucket[];
  readonly counts: RecordedCounts;
}

const covered = (spans: readonly WatchSpan[], fromMs: number, toMs: number): boolean =>
  spans.some((span) => span.fromMs <= fromMs && span.toMs >= toMs);

/**
 * One bucket per `bucketMs` that lies wholly inside a span where the liquidation stream was
 * connected, has every minute recorded and follows at least `warmupMs` of minutes. Elsewhere the
 * realized USD is unknown, not zero. A bucket's path is the mark's (levels trigger on the mark), its
 * open interest the last sample before it, and its realized USD the sum of the recorded
 * liquidations in it per liquidated side (electron/cli/scorecard/README.md, "On the app's own recordings").
 */
export function recordedBuckets(recording: Recording, bucketMs: number, warmupMs: number): RecordedBuckets {
  const ledger = minuteLedgerBars(recording.bars, recording.openInterest);
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
    ledger,
    buckets,
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
