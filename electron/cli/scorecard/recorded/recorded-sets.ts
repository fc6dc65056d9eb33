import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { VenueMarket } from '../../../../shared/clusters/index';
import { venueRegistry, type Venue } from '../../../../shared/domain/venue';
import { readMarketMeta } from '../../../core/market/market-meta';
import { createRecorder, type Recording } from '../../../core/recorder/recorder';
import { recordedBuckets, type RecordedCounts } from '../../../core/skill/recorded-buckets';
import type { EvalBar } from '../sim-feed';
import type { BucketSet } from '../real/real-data';

export type { RecordedCounts };

const dayMs = 86_400_000;

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
  const { ledger, buckets, counts } = recordedBuckets(recording, bucketMs, warmupMs);
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
  return {
    set: {
      name: `${recorded.source} ${recorded.venue} ${recorded.symbol}`,
      bars,
      buckets,
      hasTakerFlow: recording.bars.some((bar) => bar.takerBuyVolume !== null),
    },
    counts,
  };
}

/** Default warm-up before a bucket is scored: one day of minutes (the map starts empty). */
export const recordedWarmupMs = dayMs;
