import { imbalance, type Imbalance, type ImbalanceWindow } from '../../../../shared/clusters/imbalance';
import type { Profile } from '../../../../shared/clusters/profile';
import { formatPrice } from '../positions/format';
import { formatUsdCompact } from './usd-compact';

/** The windows the imbalance badge offers, in the order of its selector. */
export const imbalanceWindowKeys = ['5pct', '10pct', 'nearest'] as const;
/** One of the badge's windows. */
export type ImbalanceWindowKey = (typeof imbalanceWindowKeys)[number];

/** Short labels of the selector. */
export const imbalanceWindowLabels: Readonly<Record<ImbalanceWindowKey, string>> = {
  '5pct': '±5 %',
  '10pct': '±10 %',
  nearest: 'Top cluster',
};

/** The shared/clusters window a selector key stands for. */
export function imbalanceWindowOf(key: ImbalanceWindowKey): ImbalanceWindow {
  if (key === '5pct') return { kind: 'fraction', fraction: 0.05 };
  if (key === '10pct') return { kind: 'fraction', fraction: 0.1 };
  return { kind: 'nearest-top-cluster' };
}

/** "8.8:1" (shorts to longs); "1:3.2" when longs dominate, so the larger side always reads first. */
export function ratioText(imbalance: Imbalance): string {
  const { shortAboveUsd: s, longBelowUsd: l } = imbalance;
  if (!(s > 0) && !(l > 0)) return '—';
  if (!(l > 0)) return 'shorts only';
  if (!(s > 0)) return 'longs only';
  const digits = (x: number): string => (x >= 10 ? Math.round(x).toString() : x.toFixed(1));
  return s >= l ? `${digits(s / l)}:1` : `1:${digits(l / s)}`;
}

/** "$23B shorts above vs $2.6B longs below: 8.8:1". */
export function imbalanceText(imbalance: Imbalance): string {
  return `${formatUsdCompact(imbalance.shortAboveUsd)} shorts above vs ${formatUsdCompact(imbalance.longBelowUsd)} longs below: ${ratioText(imbalance)}`;
}

/** Which way the imbalance leans: more short liquidations above pull price up (a squeeze). */
export function imbalanceBias(imbalance: Imbalance): 'up' | 'down' | 'even' {
  const { shortAboveUsd: s, longBelowUsd: l } = imbalance;
  if (s > l * 1.2) return 'up';
  if (l > s * 1.2) return 'down';
  return 'even';
}

/** What the imbalance badge shows for one mark: its sentence and which way it leans. */
export interface ImbalanceReading {
  readonly text: string;
  readonly bias: 'up' | 'down' | 'even';
}

/** The badge's reading of `profile` around `markPrice` over the chosen window (shared/clusters `imbalance`). */
export function imbalanceReading(profile: Profile, markPrice: number, window: ImbalanceWindowKey): ImbalanceReading {
  const result = imbalance(profile, markPrice, imbalanceWindowOf(window));
  return { text: imbalanceText(result), bias: imbalanceBias(result) };
}

/**
 * The window's bounds around `markPrice` at the tick's precision, for the badge's opened details.
 * They move with every tick, so only an opened badge reads them: a closed one redraws when its
 * sentence changes, not on every tick.
 */
export function imbalanceBounds(
  profile: Profile,
  markPrice: number,
  window: ImbalanceWindowKey,
  tickSize: number,
): string {
  const result = imbalance(profile, markPrice, imbalanceWindowOf(window));
  return `Short liquidations up to ${formatPrice(result.upTo, tickSize)}, long liquidations down to ${formatPrice(result.downTo, tickSize)} (estimated)`;
}

/** True when two readings would show the same: the badge need not be drawn again. */
export function sameReading(a: ImbalanceReading, b: ImbalanceReading): boolean {
  return a.text === b.text && a.bias === b.bias;
}
