import type { ContextMetric, MarketContextView } from '../../../../shared/ipc/views/market-context';
import { formatUsdCompact } from '../chart/usd-compact';
import { baseAmount, countdownText, fundingRateText, signedBase, signedPercent } from './context-text';

/** One figure of the context strip: a short name, its value in a few characters, and the longer words for its tooltip. */
export interface StripItem {
  readonly metric: ContextMetric;
  readonly name: string;
  /** "—" where the venue publishes no such figure. */
  readonly value: string;
  /** The reason a figure is absent, or what the short value stands for. */
  readonly title: string;
  /** The figure diverges from the price move (a flag is raised about it). */
  readonly flagged: boolean;
}

/**
 * The market context in one line for the chart's title bar: open interest with its 1 h change, funding
 * with the countdown, the hour's CVD, the long/short ratio and the hour's volume. The full rows, with
 * 24 h changes and the flags' words, are in `MarketContextPanel`.
 */
export function stripItems(view: MarketContextView, base: string): readonly StripItem[] {
  const flagged = new Set(view.flags.map((flag) => flag.metric));
  const item = (metric: ContextMetric, name: string, value: string | null, title: string, reason?: string) => ({
    metric,
    name,
    value: value ?? '—',
    title: reason ?? title,
    flagged: flagged.has(metric),
  });
  const { openInterest: oi, funding, cvd, longShort, volume } = view;
  return [
    oi.state === 'ok'
      ? item(
          'openInterest',
          'OI',
          `${oi.unit === 'base' ? baseAmount(oi.now, base) : formatUsdCompact(oi.now)} ${signedPercent(oi.change1h)}`,
          'Open interest and its change over the last hour',
        )
      : item('openInterest', 'OI', null, '', oi.reason),
    funding.state === 'ok'
      ? item(
          'funding',
          'Funding',
          fundingRateText(funding.rate) +
            (funding.nextSettlementMs === null
              ? ''
              : ` · ${countdownText(funding.nextSettlementMs - funding.readAtMs)}`),
          'Funding rate per interval and the time to its settlement',
        )
      : item('funding', 'Funding', null, '', funding.reason),
    cvd.state === 'ok'
      ? item(
          'cvd',
          'CVD 1 h',
          signedBase(cvd.net1h, base),
          `Taker buys minus taker sells over the last hour; the line is its running total over the last ${cvd.trailHours} h`,
        )
      : item('cvd', 'CVD 1 h', null, '', cvd.reason),
    longShort.state === 'ok'
      ? item('longShort', 'L/S', longShort.now.toFixed(2), 'Long/short account ratio')
      : item('longShort', 'L/S', null, '', longShort.reason),
    volume.state === 'ok'
      ? item('volume', 'Vol 1 h', formatUsdCompact(volume.last1hUsd), 'Traded volume over the last hour')
      : item('volume', 'Vol 1 h', null, '', volume.reason),
  ];
}
