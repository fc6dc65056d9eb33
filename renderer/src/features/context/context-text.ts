import type { FundingSnapshot } from '../../../../shared/domain/market-feeds';
import type { ContextFigure, LevelChange } from '../../../../shared/ipc/views/market-context';
import { formatFixed } from '../positions/format';

/** A change as traders read it: "+1.2 %", "−0.4 %", "—" when unknown. */
export function signedPercent(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const text = (Math.abs(fraction) * 100).toFixed(digits);
  return `${fraction < 0 ? '−' : '+'}${text} %`;
}

/** "1 h +0.8 % · 24 h −2.1 %": a level's changes. */
export function changesText(level: Pick<LevelChange, 'change1h' | 'change24h'>): string {
  return `1 h ${signedPercent(level.change1h)} · 24 h ${signedPercent(level.change24h)}`;
}

/** A base amount compactly with its unit: "30.6k BTC", "812 ETH". */
export function baseAmount(amount: number, base: string): string {
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '−' : '';
  if (abs >= 1e6) return `${sign}${formatFixed(abs / 1e6, 2)}M ${base}`;
  if (abs >= 1e4) return `${sign}${formatFixed(abs / 1e3, 1)}k ${base}`;
  return `${sign}${formatFixed(abs, abs >= 100 ? 0 : 2)} ${base}`;
}

/** A signed base amount: "+1.2k BTC", "−340 BTC". */
export function signedBase(amount: number, base: string): string {
  return amount < 0 ? baseAmount(amount, base) : `+${baseAmount(amount, base)}`;
}

/** A funding rate per interval: "0.0100 %". */
export function fundingRateText(rate: number): string {
  return `${rate < 0 ? '−' : ''}${(Math.abs(rate) * 100).toFixed(4)} %`;
}

/** Time to the next settlement: "3 h 12 min", "45 min", "40 s"; "settling" at or past it. */
export function countdownText(untilMs: number): string {
  if (untilMs <= 0) return 'settling';
  const totalMinutes = Math.floor(untilMs / 60_000);
  if (totalMinutes < 1) return `${Math.ceil(untilMs / 1000)} s`;
  const hours = Math.floor(totalMinutes / 60);
  return hours > 0 ? `${hours} h ${totalMinutes % 60} min` : `${totalMinutes} min`;
}

/** The settlement part of the funding detail: "settles in 45 min", "settling now" at or past it, or that the venue gives no time. */
export function settlementText(untilMs: number | null): string {
  if (untilMs === null) return 'settlement time not given';
  return untilMs <= 0 ? 'settling now' : `settles in ${countdownText(untilMs)}`;
}

/** The funding detail line: interval, and the venue's forecast or that it gives none. */
export function fundingDetail(funding: FundingSnapshot, venue: string): string {
  const every = funding.intervalHours === null ? '' : `every ${funding.intervalHours} h · `;
  const forecast =
    funding.predictedRate === null
      ? `no separate forecast from ${venue}`
      : `next forecast ${fundingRateText(funding.predictedRate)}`;
  return `${every}${forecast}`;
}

/** The reason a figure is absent, or null when it is there. */
export function absentReason<T>(figure: ContextFigure<T>): string | null {
  return figure.state === 'absent' ? figure.reason : null;
}
