import { readdir } from 'node:fs/promises';
import type { LedgerParams } from '../../../shared/clusters';
import type { Venue } from '../../../shared/domain/venue';
import type { Recorder } from '../recorder/recorder';
import { readMarketMeta, type MarketMeta } from './market-meta';
import { createMarketState, type MarketState } from './market-state';

const minuteMs = 60_000,
  dayMs = 86_400_000;

/** A market's model rebuilt from its recordings alone. */
export interface RestoredMarket {
  readonly meta: MarketMeta;
  readonly state: MarketState;
  /** Open time of the newest recorded minute, epoch ms (venue time). */
  readonly lastBarMs: number;
  /** Recorded minutes replayed. */
  readonly minutes: number;
}

/** What a restore needs. */
export interface RestoreInput {
  readonly recorder: Recorder;
  readonly venue: Venue;
  readonly symbol: string;
  /** Days of recordings replayed, counted back from the newest recorded minute (venue time, not the local clock). */
  readonly recordedDays: number;
  readonly hasOpenInterest: boolean;
  readonly params?: LedgerParams;
}

/**
 * Rebuilds the model of a market from what an earlier run recorded: the saved listing and tiers
 * (`market.json`) and the minutes, open interest and realized liquidations of the last
 * `recordedDays`, fed through the same ledger the backfill feeds. Asks the venue nothing, so the
 * map of the charted market is on screen before any new market data arrives. Returns null when
 * nothing usable was recorded (no listing saved, no tiers, or no minutes): the caller waits for
 * the venue as on a first start.
 */
export async function restoreFromRecordings(input: RestoreInput): Promise<RestoredMarket | null> {
  const meta = readMarketMeta(input.recorder, input.venue, input.symbol);
  if (meta === null || meta.tiers === null) return null;
  const newestDay = await newestDayMs(input.recorder.folderOf(input.venue, meta.info.symbol));
  if (newestDay === null) return null;
  const recording = await input.recorder.read(
    input.venue,
    meta.info.symbol,
    newestDay - input.recordedDays * dayMs,
    Infinity,
  );
  const lastBar = recording.bars[recording.bars.length - 1];
  if (lastBar === undefined) return null;
  // The window is anchored on the newest recorded minute, as the backfill anchors on the venue's.
  const fromMs = lastBar.timeMs - input.recordedDays * dayMs;
  const state = createMarketState(
    {
      venue: input.venue,
      tiers: meta.tiers,
      takerFeeRate: meta.info.takerFeeRate ?? 0.0005,
      contractSize: meta.info.contractSize,
    },
    input.hasOpenInterest,
    input.params,
  );
  const bars = recording.bars.filter((bar) => bar.timeMs >= fromMs);
  state.add(
    bars,
    recording.openInterest.filter((point) => point.timeMs >= fromMs),
  );
  for (const liquidation of recording.liquidations) if (liquidation.timeMs >= fromMs) state.addRealized(liquidation);
  // Everything recorded is closed: feed as if the venue's clock stood one minute past the newest bar.
  await state.feedInSlices(lastBar.timeMs + minuteMs, () => false);
  return { meta, state, lastBarMs: lastBar.timeMs, minutes: bars.length };
}

/** Start of the newest UTC day with a day file in `folder`, epoch ms; null when there is none. */
async function newestDayMs(folder: string): Promise<number | null> {
  const days = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name))
    .sort();
  const newest = days.at(-1);
  return newest === undefined ? null : Date.parse(`${newest.slice(0, 10)}T00:00:00Z`);
}
