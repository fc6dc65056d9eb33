import type { ContextFlag, MarketContextView } from '../ipc/views/market-context';

/** How far price must move in an hour before a figure's disagreement with it means anything, fraction. */
export const priceMoveThreshold = 0.005;
/** Open interest must change at least this much in the hour to count as rising or falling, fraction. */
export const openInterestThreshold = 0.003;
/** Net taker flow must be at least this share of the hour's volume to count as buying or selling. */
export const cvdShareThreshold = 0.05;
/** The long/short ratio must change at least this much in the hour to count, fraction. */
export const longShortThreshold = 0.03;
/** Funding above this (per interval) is longs paying more than the usual 0.01 %. */
export const fundingHighThreshold = 0.0003;
/** An hour trading less than this share of the day's hourly average is thin. */
export const thinVolumeRelative = 0.7;

type Figures = Pick<MarketContextView, 'price' | 'openInterest' | 'funding' | 'cvd' | 'longShort' | 'volume'>;

const pct = (fraction: number): string => `${(Math.abs(fraction) * 100).toFixed(1)} %`;

/**
 * The flags where a figure diverges from the last hour's price move, in plain words: what the move
 * is made of when open interest, taker flow, funding, the crowd or volume say otherwise than price.
 * Nothing while price moved less than `priceMoveThreshold` in the hour, or its change is unknown.
 * Readings are the usual ones of derivatives analytics (open interest with price: new positions vs
 * closing; funding: who pays to hold; CVD: who takes liquidity); none is a measured signal.
 */
export function divergenceFlags(figures: Figures): ContextFlag[] {
  const { price } = figures;
  if (price.state !== 'ok' || price.change1h === null || Math.abs(price.change1h) < priceMoveThreshold) return [];
  const up = price.change1h > 0;
  const move = `Price ${up ? 'up' : 'down'} ${pct(price.change1h)} in 1 h`;
  const flags: ContextFlag[] = [];
  const oi = figures.openInterest;
  if (oi.state === 'ok' && oi.change1h !== null && oi.change1h <= -openInterestThreshold) {
    flags.push({
      metric: 'openInterest',
      text: up
        ? `${move}, open interest falling ${pct(oi.change1h)}: short covering, not new longs.`
        : `${move}, open interest falling ${pct(oi.change1h)}: longs closing or liquidated, not new shorts.`,
    });
  }
  const cvd = figures.cvd;
  if (cvd.state === 'ok' && (up ? cvd.share1h <= -cvdShareThreshold : cvd.share1h >= cvdShareThreshold)) {
    flags.push({
      metric: 'cvd',
      text: up
        ? `${move} while takers sold on balance: passive buyers lifted it, not aggressive ones.`
        : `${move} while takers bought on balance: passive sellers pushed it, buyers are absorbing.`,
    });
  }
  const funding = figures.funding;
  if (funding.state === 'ok') {
    if (!up && funding.rate >= fundingHighThreshold)
      flags.push({
        metric: 'funding',
        text: `${move} while longs still pay ${(funding.rate * 100).toFixed(3)} % funding: crowded longs, fuel for a long squeeze.`,
      });
    if (up && funding.rate < 0)
      flags.push({
        metric: 'funding',
        text: `${move} while shorts pay funding: crowded shorts, fuel for a short squeeze.`,
      });
  }
  const ratio = figures.longShort;
  if (ratio.state === 'ok' && ratio.change1h !== null) {
    if (up && ratio.change1h <= -longShortThreshold)
      flags.push({ metric: 'longShort', text: `${move} while more accounts turned short: the crowd fades the rise.` });
    if (!up && ratio.change1h >= longShortThreshold)
      flags.push({ metric: 'longShort', text: `${move} while more accounts turned long: the crowd buys the drop.` });
  }
  const volume = figures.volume;
  if (volume.state === 'ok' && volume.relative1h !== null && volume.relative1h < thinVolumeRelative)
    flags.push({
      metric: 'volume',
      text: `${move} on thin volume (${Math.round(volume.relative1h * 100)} % of the day's hourly average): weak conviction.`,
    });
  return flags;
}
