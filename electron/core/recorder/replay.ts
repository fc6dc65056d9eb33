import type { Candle } from '../../../shared/domain/candle';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { Venue } from '../../../shared/domain/venue';
import { ledgerBars, replay as replayBars, type Ledger, type LedgerBar } from '../../../shared/clusters';
import type { Recorder, Recording } from './recorder';
import type { MinuteBar } from './recording-format';

const minuteMs = 60_000;

/** The last-trade candle of a minute bar (taker split included when known). */
export function tradeCandleOf(bar: MinuteBar): Candle {
  return { openTimeMs: bar.timeMs, ...bar.last, volume: bar.volume, takerBuyVolume: bar.takerBuyVolume };
}

/** The mark-price candle of a minute bar (mark candles carry no volume). */
export function markCandleOf(bar: MinuteBar): Candle {
  return { openTimeMs: bar.timeMs, ...bar.mark, volume: 0, takerBuyVolume: null };
}

/**
 * Ledger bars of minute bars with the open-interest samples that fall on them (shared/clusters
 * `ledgerBars`: a sample at t belongs to the bar that closes at t). Pure: the same inputs always
 * give the same bars, which is what makes a replay deterministic.
 */
export function minuteLedgerBars(bars: readonly MinuteBar[], openInterest: readonly OpenInterestPoint[]): LedgerBar[] {
  return ledgerBars({
    durationMs: minuteMs,
    tradeCandles: bars.map(tradeCandleOf),
    markCandles: bars.map(markCandleOf),
    openInterest,
  });
}

/**
 * Replays what was recorded for `venue`/`symbol` with time in [fromMs, toMs) into `ledger`, bar by
 * bar in time order, and returns the recording (its realized liquidations are for the caller's
 * realized book). Replaying the same files into a fresh ledger always gives the same state.
 */
export async function replayRecording(
  recorder: Recorder,
  venue: Venue,
  symbol: string,
  fromMs: number,
  toMs: number,
  ledger: Ledger,
): Promise<Recording> {
  const recording = await recorder.read(venue, symbol, fromMs, toMs);
  replayBars(ledger, [{ venue, bars: minuteLedgerBars(recording.bars, recording.openInterest) }]);
  return recording;
}
