import { describe, expect, it } from 'vitest';
import { defaultLedgerParams, recordedSkillText } from '../../../../shared/clusters/index';
import type { RealizedLiquidation } from '../../../../shared/domain/liquidation';
import type { Recording } from '../../../core/recorder/recorder';
import type { MinuteBar } from '../../../core/recorder/recording-format';
import { measureRecordedSkill } from '../../../core/skill/recorded-skill';
import { defaultSymbols } from '../../../sim/market/instruments';
import { createRandom } from '../../../sim/market/prng';
import { simVenueMarket } from '../sim-feed';
import { rankCorrelation } from '../real/bucket-metrics';
import { predictSet } from '../real/predict';
import { recordedBucketSet } from './recorded-sets';

const minuteMs = 60_000,
  dayMs = 86_400_000;
const instrument = defaultSymbols()[0]?.instrument;
if (instrument === undefined) throw new Error('the simulator lists no BTCUSDT instrument');
const market = simVenueMarket(instrument);

/**
 * `days` of recorded BTCUSDT minutes from a UTC midnight: a random walk of the mark, open interest
 * every 5 minutes, liquidations of the side a minute's move went against, and the liquidation
 * stream connected throughout.
 */
function recordingOf(days: number, seed: number): Recording {
  const prng = createRandom(seed);
  const random = (): number => prng.next();
  const startMs = 20_000 * dayMs;
  const bars: MinuteBar[] = [],
    liquidations: RealizedLiquidation[] = [];
  const openInterest = [];
  let price = 60_000,
    oiBase = 80_000;
  for (let t = startMs; t < startMs + days * dayMs; t += minuteMs) {
    const open = price;
    price *= Math.exp((random() - 0.5) * 0.003);
    const high = Math.max(open, price) * (1 + random() * 0.0008),
      low = Math.min(open, price) * (1 - random() * 0.0008);
    const ohlc = { open, high, low, close: price };
    bars.push({ timeMs: t, mark: ohlc, last: ohlc, volume: 50, takerBuyVolume: 20 + random() * 10 });
    if ((t / minuteMs) % 5 === 0) {
      oiBase *= 1 + (random() - 0.48) * 0.004;
      openInterest.push({ timeMs: t, base: oiBase, usd: oiBase * price });
    }
    const move = Math.abs(price - open) / open;
    if (random() < move * 400) {
      const size = random() * 3;
      liquidations.push({
        symbol: 'BTCUSDT',
        side: price < open ? 'long' : 'short',
        price,
        size,
        notionalUsd: price * size,
        timeMs: t + 30_000,
      });
    }
  }
  return { bars, openInterest, liquidations, liquidationWatch: [{ fromMs: startMs, toMs: startMs + days * dayMs }] };
}

describe('the map measured on the app’s own recordings', () => {
  it('gives the recordings scorecard’s own figures once the scored buckets span 5 days', async () => {
    const recording = recordingOf(7, 3);
    const skill = await measureRecordedSkill(recording, market, 1234);
    // The scorecard's way (`liqlens scorecard --recordings`, 30-minute buckets, a day of warm-up).
    const { set } = recordedBucketSet(
      { source: 'demo', venue: 'binance-usdm', symbol: 'BTCUSDT', market, recording },
      30 * minuteMs,
      dayMs,
    );
    const points = predictSet(set, defaultLedgerParams, 0, market);
    expect(skill).toMatchObject({ days: 6, daysNeeded: 5, bucketSides: 2 * set.buckets.length, measuredAtMs: 1234 });
    expect(skill.rank).toBe(rankCorrelation(points.modelDefault));
    expect(skill.referenceRank).toBe(rankCorrelation(points.moveTimesOi));
    expect(recordedSkillText(skill)).toBe(
      `rank ${skill.rank?.toFixed(2)} over 6 days of your recordings; move x OI ${skill.referenceRank?.toFixed(2)}`,
    );
  });

  it('says how many of the 5 days it has until then, and measures nothing outside the stream’s spans', async () => {
    const short = await measureRecordedSkill(recordingOf(4, 5), market, 0);
    expect(short).toMatchObject({ days: 3, rank: null, referenceRank: null });
    expect(recordedSkillText(short)).toBe('not measured on your recordings yet (3 of 5 days)');
    const unwatched = await measureRecordedSkill({ ...recordingOf(7, 3), liquidationWatch: [] }, market, 0);
    expect(unwatched).toMatchObject({ days: 0, bucketSides: 0, rank: null });
    expect(recordedSkillText(unwatched)).toBe('not measured on your recordings yet (0 of 5 days)');
  });
});
