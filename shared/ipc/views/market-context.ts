import type { Freshness } from '../../domain/freshness';
import type { FundingSnapshot } from '../../domain/market-feeds';
import type { MarketKey } from '../../domain/market-source';

/** A figure of the market context, or the plain reason it is absent ("Hyperliquid does not publish …"). */
export type ContextFigure<T> = ({ readonly state: 'ok' } & T) | { readonly state: 'absent'; readonly reason: string };

/** A level now and its change over the last hour and day, fractions (0.02 = +2 %); null where history is short. */
export interface LevelChange {
  readonly now: number;
  readonly change1h: number | null;
  readonly change24h: number | null;
}

/** Open interest now, in base units where the venue gives them, else in USD (`unit`), with its changes. */
export interface OpenInterestFigure extends LevelChange {
  readonly unit: 'base' | 'usd';
}

/** Cumulative volume delta: taker buys minus taker sells, base units, over the last hour and day. */
export interface CvdFigure {
  readonly net1h: number;
  /** Null when the venue's flows do not reach back a day (Bybit's recent trades). */
  readonly net24h: number | null;
  /** net1h as a share of the hour's volume, −1…1 (0 when the hour traded nothing). */
  readonly share1h: number;
  /**
   * The running CVD over the last `trailHours` hours, base units, oldest first: 0 at the window's start,
   * then the total at the end of each period (5 min) in it, so the last value is the window's net. Empty
   * when no period falls in the window.
   */
  readonly trail: readonly number[];
  /** The hours the trail spans: 4, or the whole hours the venue's flows cover when fewer (at least 1). */
  readonly trailHours: number;
}

/** Traded volume, quote currency (USD), over the last hour and day. */
export interface VolumeFigure {
  readonly last1hUsd: number;
  readonly last24hUsd: number;
  /** The last hour against the day's hourly average (1 = average); null with less than a day. */
  readonly relative1h: number | null;
}

/** Which figure a divergence flag is about. */
export type ContextMetric = 'openInterest' | 'funding' | 'cvd' | 'longShort' | 'volume';

/** A plain-words warning where a figure disagrees with the price move. */
export interface ContextFlag {
  readonly metric: ContextMetric;
  readonly text: string;
}

/**
 * `context:get`: the warning signs beside the map for one market (open interest, funding, CVD,
 * long/short ratio, volume), each with the reason where the venue publishes no such feed, and the
 * divergence flags. Times are the venue's own (`asOfMs`: the newest closed 5m candle's end).
 */
export interface MarketContextView {
  readonly market: MarketKey;
  readonly freshness: Freshness;
  /** Venue time of the figures, Unix ms; null before the first answer. */
  readonly asOfMs: number | null;
  readonly price: ContextFigure<LevelChange>;
  readonly openInterest: ContextFigure<OpenInterestFigure>;
  readonly funding: ContextFigure<FundingSnapshot>;
  readonly cvd: ContextFigure<CvdFigure>;
  readonly longShort: ContextFigure<LevelChange>;
  readonly volume: ContextFigure<VolumeFigure>;
  readonly flags: readonly ContextFlag[];
}
