import type { LoweredFacts } from './alert-event';
import type { LoweredStamps } from './engine-state';
import type { VenueReport } from './inputs';
import { levelRank } from './levels';
import { alertMessage } from './message';
import type { EmitContext } from './position-rules';
import { applyReading, eventHead } from './position-rules';
import { silenceOf } from './silence';
import type { Tracked } from './tracked';

/**
 * Whether a position is at the front of its venue's auto-deleveraging queue: its rank is the top
 * figure of the venue's scale (Binance `adlQuantile` 4 of 0–4, Bybit `adlRankIndicator` 5 of 0–5,
 * OKX `adl` 5 of 1–5; docs/research/account-modes.md §7) and the venue reports it in profit (ADL
 * closes winning positions against a liquidation the market cannot fill). False without a rank.
 */
export function atAdlFront(report: VenueReport): boolean {
  const rank = report.adlRank;
  return rank !== null && rank.value >= rank.max && report.unrealizedPnl > 0;
}

/** `now` is later than `before`: a new stamp, or the first one after none. */
function newer(now: number | null, before: number | null): boolean {
  return now !== null && (before === null || now > before);
}

/** The later of two stamps: one that goes empty for a report is not forgotten, so its return is no news. */
function latest(now: number | null, before: number | null): number | null {
  return now === null ? before : before === null ? now : Math.max(now, before);
}

/**
 * The rules fed by the venue's own report on a position (an account snapshot): `adlFront` is held
 * while the position is at the front in profit; `venueLowered` fires once per newer cut stamp. The
 * first report of a position only records its stamps: a cut made before LiqLens watched is no news.
 */
export function runVenueReportRules(
  tracked: Tracked,
  report: VenueReport,
  tickTimeMs: number,
  context: EmitContext,
): void {
  tracked.facts = report;
  const adlRule = tracked.rules.adlFront;
  const front = adlRule.enabled && atAdlFront(report);
  applyReading(
    tracked,
    'adlFront',
    { rank: front ? levelRank(adlRule.level) : 0, value: report.adlRank?.value ?? null },
    tickTimeMs,
    context,
  );
  const seen = tracked.lowered;
  const stamps: LoweredStamps = {
    riskLimitLoweredAtMs: latest(report.riskLimitLoweredAtMs, seen?.riskLimitLoweredAtMs ?? null),
    leverageLoweredAtMs: latest(report.leverageLoweredAtMs, seen?.leverageLoweredAtMs ?? null),
  };
  // Kept even while the rule is off, so switching it on later does not report an old cut as new.
  tracked.lowered = stamps;
  if (seen === null || !tracked.rules.venueLowered.enabled) return;
  const riskLimit = newer(stamps.riskLimitLoweredAtMs, seen.riskLimitLoweredAtMs);
  const leverage = newer(stamps.leverageLoweredAtMs, seen.leverageLoweredAtMs);
  if (!riskLimit && !leverage) return;
  emitLowered(tracked, report, { riskLimit, leverage }, tickTimeMs, context);
}

function emitLowered(
  tracked: Tracked,
  report: VenueReport,
  what: { readonly riskLimit: boolean; readonly leverage: boolean },
  tickTimeMs: number,
  context: EmitContext,
): void {
  const level = tracked.rules.venueLowered.level;
  const lowered: LoweredFacts = {
    riskLimitLoweredAtMs: what.riskLimit ? report.riskLimitLoweredAtMs : null,
    leverageLoweredAtMs: what.leverage ? report.leverageLoweredAtMs : null,
    leverage: what.leverage ? report.leverage : null,
  };
  const value = lowered.leverage;
  context.out.push({
    ...eventHead(tracked, context),
    rule: 'venueLowered',
    level,
    value,
    threshold: null,
    tickTimeMs,
    cleared: false,
    ...silenceOf(tracked, 'venueLowered', level, false, context.nowMs, context.silent),
    message: alertMessage({
      accountLabel: tracked.accountLabel,
      venue: tracked.venue,
      displaySymbol: tracked.displaySymbol,
      side: tracked.side,
      rule: 'venueLowered',
      level,
      cleared: false,
      value,
      threshold: null,
      lowered,
    }),
    lowered,
  });
}
