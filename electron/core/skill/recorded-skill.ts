import {
  buildProfile,
  createLedger,
  defaultLedgerParams,
  recordedSkillDays,
  type RecordedSkill,
  type VenueMarket,
} from '../../../shared/clusters/index';
import type { Recording } from '../recorder/recorder';
import { bucketPrediction, references } from './bucket-mass';
import { recordedBuckets } from './recorded-buckets';
import { spearman } from './spearman';

const minuteMs = 60_000,
  dayMs = 86_400_000;

/**
 * The least a figure on the recordings needs: bucket-sides (with some realized liquidation among
 * them) for a rank, bucket-sides for a top decile of at least five, UTC days for an interval over days.
 * The app shows its own figure only from `intervalDays` days on.
 */
export const recordedMinimums = { rankSides: 20, topDecileSides: 50, intervalDays: recordedSkillDays } as const;

/** What the app measures its map on: 30-minute buckets after a day of minutes (the map starts empty). */
export const recordedSkillSettings = { bucketMs: 30 * minuteMs, warmupMs: dayMs } as const;

/** Lets other work run between slices of a long replay. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The shipped map (`defaultLedgerParams`, the market's own tiers) measured on one market's recordings
 * as `liqlens scorecard --recordings` measures it (electron/cli/scorecard/README.md): every recorded
 * minute fed in time order; at each scored bucket's open, the mass between the open and the low
 * (longs) and the open and the high (shorts) against the realized USD; Spearman's ρ pooled over both
 * sides, beside the "move size x OI" reference on the same bucket-sides. Figures are null until the
 * scored buckets span `recordedMinimums.intervalDays` UTC days with `rankSides` bucket-sides and a
 * realized liquidation among them. Yields to the event loop between slices of minutes.
 */
export async function measureRecordedSkill(
  recording: Recording,
  market: VenueMarket,
  nowMs: number,
): Promise<RecordedSkill> {
  const { ledger: bars, buckets } = recordedBuckets(
    recording,
    recordedSkillSettings.bucketMs,
    recordedSkillSettings.warmupMs,
  );
  const days = new Set(buckets.map((bucket) => Math.floor(bucket.startMs / dayMs))).size;
  const sides = 2 * buckets.length;
  const withLiquidations =
    buckets.filter((bucket) => bucket.longUsd > 0).length + buckets.filter((bucket) => bucket.shortUsd > 0).length;
  const base = { days, daysNeeded: recordedMinimums.intervalDays, bucketSides: sides, measuredAtMs: nowMs };
  if (days < recordedMinimums.intervalDays || sides < recordedMinimums.rankSides || withLiquidations === 0)
    return { ...base, rank: null, referenceRank: null };
  const ledger = createLedger({ markets: [market], params: defaultLedgerParams });
  const model: number[] = [],
    reference: number[] = [],
    realized: number[] = [];
  let next = 0;
  for (const bucket of buckets) {
    for (let bar = bars[next]; bar !== undefined && bar.timeMs + bar.durationMs <= bucket.startMs; bar = bars[++next]) {
      ledger.update(market.venue, bar);
      if (next % 2000 === 1999) await yieldToEvents();
    }
    const predicted = bucketPrediction(buildProfile(ledger), bucket);
    const moveTimesOi = references.moveTimesOi(bucket);
    model.push(predicted.long, predicted.short);
    reference.push(moveTimesOi.long, moveTimesOi.short);
    realized.push(bucket.longUsd, bucket.shortUsd);
  }
  return { ...base, rank: spearman(model, realized), referenceRank: spearman(reference, realized) };
}
