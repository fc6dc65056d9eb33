/**
 * An open market as the chart sees it: candles, mark, clusters and history state, then live
 * updates. The timeframe schema lives beside its type because `market:open` validates with it.
 */
import { z } from 'zod';
import type { AccountVenue } from '../../domain/account-venue';
import type { Candle } from '../../domain/candle';
import type { Freshness } from '../../domain/freshness';
import type { RecordedSkill } from '../../clusters/measured-skill';
import type { ClusterWire, MeasuredMapWire } from './clusters';

/** Most candles a view carries, and the chart holds (1,000 × ~110 bytes of JSON keeps an open under 300 KB with clusters). */
export const maxChartCandles = 1000;

/** Chart timeframes the workspace offers. */
export const ChartTimeframeSchema = z.enum(['1m', '5m', '15m', '1h', '4h']);
/** A chart timeframe: one of `ChartTimeframeSchema`'s values. */
export type ChartTimeframe = z.infer<typeof ChartTimeframeSchema>;

/** Where the history behind a market stands. */
export interface BackfillState {
  readonly state: 'idle' | 'running' | 'done' | 'failed';
  /** 0..1 while running. */
  readonly progress: number;
  /** What is happening, or why it failed, in plain words. */
  readonly message: string;
}

/** Everything the chart needs for one market and timeframe. */
export interface MarketView {
  readonly venue: AccountVenue;
  /** The source the market is read at (`sourceIdOf`): production, testnet, a simulator, the Demo. */
  readonly source: string;
  readonly symbol: string;
  readonly displaySymbol: string;
  readonly timeframe: ChartTimeframe;
  readonly tickSize: number;
  /** Mark-price candles, oldest first, with the traded volume of their minutes where known (0 otherwise). */
  readonly candles: readonly Candle[];
  readonly markPrice: number | null;
  /** When the last tick or bar arrived, epoch ms. */
  readonly updatedAtMs: number | null;
  /** True unless `freshness` is live. */
  readonly stale: boolean;
  /** Where the market's live data stands (its mark stream): the core's one answer; the chart legend shows it. */
  readonly freshness: Freshness;
  readonly clusters: ClusterWire | null;
  /** The measured map where the venue makes positions public (Hyperliquid); absent or null elsewhere and before the first read. */
  readonly measured?: MeasuredMapWire | null;
  readonly backfill: BackfillState;
  /** The map measured on the app's own recordings of this market; absent or null before the first measurement. */
  readonly recordedSkill?: RecordedSkill | null;
}

/** A live change of an open market: the newest candle (new or updated), the mark, and clusters when they changed. */
export interface MarketUpdate {
  readonly venue: AccountVenue;
  /** The source of the market (with venue and symbol, its identity): updates of another source are another market's. */
  readonly source: string;
  readonly symbol: string;
  readonly timeframe: ChartTimeframe;
  readonly candle: Candle | null;
  readonly markPrice: number | null;
  readonly updatedAtMs: number;
  /** True unless `freshness` is live. */
  readonly stale: boolean;
  readonly freshness: Freshness;
  readonly clusters?: ClusterWire;
  /** The measured map, when it changed. */
  readonly measured?: MeasuredMapWire;
  readonly backfill?: BackfillState;
  /** The map measured on the app's own recordings, when it was measured again. */
  readonly recordedSkill?: RecordedSkill;
}
