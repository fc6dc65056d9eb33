import { gaugeTitles, gaugeValueOf, type AccountGaugeDefinition } from '../domain/account-mode';
import type { AdlRank } from '../domain/adl-rank';
import type { Side } from '../domain/side';
import { venueFacts, venueName, type Venue } from '../domain/venue';
import type { AdlFacts, AlertEnd, LoweredFacts } from './alert-event';
import type { Level } from './levels';
import type { RuleKind } from './rule-schemas';

/** The facts one alert sentence is made of. Units of value/threshold are the rule's (see README). */
export interface MessageFacts {
  /** The account's label ("Main HL"). */
  readonly accountLabel: string;
  readonly venue: Venue;
  readonly displaySymbol: string;
  readonly side: Side;
  readonly rule: RuleKind;
  readonly level: Level;
  readonly cleared: boolean;
  readonly value: number | null;
  readonly threshold: number | null;
  /** Cascade: liquidations counted. */
  readonly count?: number | undefined;
  /** Cascade: the window, ms. */
  readonly windowMs?: number | undefined;
  /** Stale: the last known margin ratio. */
  readonly marginRatio?: number | null | undefined;
  /** The clear comes from the position closing. */
  readonly closed?: boolean | undefined;
  /**
   * A clear that takes several levels at once: the lowest of them, whose threshold the value is back
   * past (`level` is the highest, the one the trader saw fire; `threshold` is this one's).
   */
  readonly clearedTo?: Level | undefined;
  /** ADL front: how the alert ended (this event is its end). */
  readonly end?: AlertEnd | undefined;
  /** ADL front: the rank and the unrealised PnL. */
  readonly adl?: AdlFacts | undefined;
  /** Venue lowered: what it lowered. */
  readonly lowered?: LoweredFacts | undefined;
  /** Margin ratio: the venue gauge the value was read from (value and threshold on the 1 = liquidation scale). */
  readonly measure?: AccountGaugeDefinition | undefined;
}

const ruleNames: Readonly<Record<RuleKind, string>> = {
  marginRatio: 'margin ratio',
  distance: 'distance to liquidation',
  cluster: 'liquidation cluster',
  imbalance: 'liquidation imbalance',
  cascade: 'liquidation cascade',
  marginCall: 'margin call',
  stale: 'stale data',
  adlFront: 'ADL front',
  venueLowered: 'venue cut',
};

/** A fraction as a percentage: one decimal below 10 %, none above ("72 %", "2.5 %"). */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const text = Math.abs(percent) < 10 ? percent.toFixed(1).replace(/\.0$/, '') : percent.toFixed(0);
  return `${text} %`;
}

/** USD in short form: "$850k", "$12.3M", "$1.2B". */
export function formatUsd(usd: number): string {
  const units: readonly [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units)
    if (usd >= size) return `$${(usd / size).toFixed(usd >= size * 10 ? 0 : 1).replace(/\.0$/, '')}${suffix}`;
  return `$${usd.toFixed(0)}`;
}

function formatRatio(ratio: number | null): string {
  return ratio === null ? 'one-sided' : `${ratio.toFixed(1).replace(/\.0$/, '')}:1`;
}

function seconds(ms: number | null): string {
  return `${Math.round((ms ?? 0) / 1000)} s`;
}

function rankText(rank: AdlRank | null): string {
  return rank === null ? 'rank unknown' : `rank ${rank.value} of ${rank.min}–${rank.max}`;
}

function describeAdl(facts: MessageFacts): string {
  const rank = facts.adl?.rank ?? null;
  const pnl = facts.adl?.unrealizedPnl ?? null;
  switch (facts.end) {
    case 'closed':
      return 'position closed while at the front of the ADL queue (the venue may have deleveraged it): ADL alert ended';
    case 'switched-off':
      return 'ADL front alert switched off';
    case 'left-front':
      return rank !== null && rank.value >= rank.max
        ? `no longer in profit at the front of the ADL queue (${rankText(rank)}): ADL alert ended`
        : `left the front of the ADL queue (${rankText(rank)}): ADL alert ended`;
    case undefined: {
      const profit = pnl === null ? 'in profit' : `with ${formatUsd(pnl)} unrealised profit`;
      return `at the front of the ADL queue (${rankText(rank)}) ${profit}: ${venueName(facts.venue)} may close it against a liquidation: ${facts.level}`;
    }
  }
}

function describeLowered(facts: MessageFacts): string {
  const lowered = facts.lowered;
  const riskLimit = (lowered?.riskLimitLoweredAtMs ?? null) !== null;
  const leverage = (lowered?.leverageLoweredAtMs ?? null) !== null;
  const newLeverage = lowered?.leverage ?? null;
  const leverageText = newLeverage === null ? 'the leverage' : `the leverage to ${newLeverage}x`;
  const what = [riskLimit ? 'the risk limit' : null, leverage ? leverageText : null]
    .filter((part) => part !== null)
    .join(' and ');
  return `${venueName(facts.venue)} lowered ${what || 'its limits'} on its own, the liquidation price moves closer: ${facts.level}`;
}

/**
 * A margin-ratio alert read from the venue's account gauge, in the gauge's own words and figures:
 * "account maintenance margin rate (Bybit accountMMRate) 72 % crossed danger (70 %)", or for an
 * equity / maintenance gauge "unified maintenance margin ratio (Binance uniMMR) 1.48 fell to danger (1.50)".
 */
function describeMeasure(facts: MessageFacts, measure: AccountGaugeDefinition): string {
  const { level, cleared, value, threshold } = facts;
  const name = `${gaugeTitles[measure.name]} (${venueFacts(facts.venue).short} ${measure.name})`;
  const rate = measure.direction === 'at-or-above';
  const figure = (ratio: number | null): string => {
    const shown = ratio === null ? null : gaugeValueOf(measure, ratio);
    if (shown === null) return '?';
    return rate ? formatPercent(shown) : shown.toFixed(2);
  };
  if (value === null)
    return cleared ? `${name} recovered, ${level} cleared` : `${name} at its liquidation level: ${level}`;
  const back = rate ? 'back below' : 'back above';
  const crossed = rate ? 'crossed' : 'fell to';
  return cleared
    ? `${name} ${figure(value)} ${back} ${facts.clearedTo ?? level} (${figure(threshold)})`
    : `${name} ${figure(value)} ${crossed} ${level} (${figure(threshold)})`;
}

function describe(facts: MessageFacts): string {
  const { level, cleared, value, threshold, side } = facts;
  // An ADL alert's end says itself how the position closed.
  if (facts.closed === true && facts.end === undefined)
    return `position closed, ${ruleNames[facts.rule]} ${level} cleared`;
  const percent = (x: number | null): string => (x === null ? '?' : formatPercent(x));
  switch (facts.rule) {
    case 'marginRatio':
      if (facts.measure !== undefined) return describeMeasure(facts, facts.measure);
      if (value === null)
        return cleared
          ? `margin balance recovered, ${level} cleared`
          : `margin balance at or below zero (liquidatable): ${level}`;
      return cleared
        ? `margin ratio ${percent(value)} back below ${facts.clearedTo ?? level} (${percent(threshold)})`
        : `margin ratio ${percent(value)} crossed ${level} (${percent(threshold)})`;
    case 'distance':
      if (value === null) return `no liquidation price any more, ${level} cleared`;
      return cleared
        ? `liquidation ${percent(value)} away, back above ${facts.clearedTo ?? level} (${percent(threshold)})`
        : `liquidation ${percent(value)} away crossed ${level} (${percent(threshold)})`;
    case 'cluster':
      return cleared
        ? `price left the ${side} liquidation cluster, ${level} cleared`
        : `price entered a ${formatUsd(value ?? 0)} cluster of ${side} liquidations: ${level}`;
    case 'imbalance':
      return cleared
        ? `liquidation imbalance toward ${side}s eased below ${formatRatio(threshold)}, ${level} cleared`
        : `liquidation imbalance ${formatRatio(value)} toward ${side}s crossed ${level} (${formatRatio(threshold)})`;
    case 'cascade':
      return cleared
        ? `the ${side} liquidation cascade near your liquidation price has eased, ${level} cleared`
        : `cascade in progress: ${facts.count === undefined ? '' : `${facts.count} `}${side} liquidations (${formatUsd(value ?? 0)}) within ${seconds(facts.windowMs ?? 0)} near your liquidation price: ${level}`;
    case 'marginCall':
      return cleared
        ? `no new margin call, ${level} cleared`
        : `${venueName(facts.venue)} sent a margin call${value === null ? '' : ` (margin ratio ${percent(value)})`}: ${level}`;
    case 'stale': {
      const ratio =
        facts.marginRatio === undefined
          ? ''
          : ` while margin ratio is ${facts.marginRatio === null ? 'over 100 %' : percent(facts.marginRatio)}`;
      return cleared
        ? `data is flowing again, ${level} cleared`
        : `no market data for ${seconds(value)}${ratio}: ${level}`;
    }
    case 'adlFront':
      return describeAdl(facts);
    case 'venueLowered':
      return describeLowered(facts);
  }
}

/** Significant digits a price keeps in a message. */
const priceDigits = 8;

/**
 * A price as traders write it: thousands grouped, at most 8 significant digits ("52,310.5"), the
 * same text as `toLocaleString('en-US', { maximumSignificantDigits: 8 })`. Written out by hand: the
 * first locale format in a process loads ICU's number data (about 20 ms), and the first liquidation
 * message would wait for it between the verdict and its alert.
 */
export function formatPrice(price: number): string {
  if (!Number.isFinite(price)) return String(price);
  const rounded = Number(price.toPrecision(priceDigits));
  if (rounded === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.min(100, Math.max(0, priceDigits - 1 - magnitude));
  const [whole = '', fraction = ''] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${trimmed === '' ? '' : `.${trimmed}`}`;
}

/**
 * The sentence of a `liquidated` event, e.g. "BTC/USDT long on Binance USDⓈ-M: liquidated at 52,310.5,
 * loss $1.2k (computed from entry and size)". `lossUsd` positive = lost; null = unknown.
 */
export function liquidationMessage(
  facts: PositionNameFacts & {
    readonly price: number;
    readonly lossUsd: number | null;
    readonly lossSource: 'venue' | 'computed';
  },
): string {
  const source = facts.lossSource === 'venue' ? `${venueName(facts.venue)}'s figure` : 'computed from entry and size';
  const loss =
    facts.lossUsd === null
      ? 'loss unknown'
      : facts.lossUsd >= 0
        ? `loss ${formatUsd(facts.lossUsd)} (${source})`
        : `gain ${formatUsd(-facts.lossUsd)} (${source})`;
  return `${positionName(facts)}: liquidated at ${formatPrice(facts.price)}, ${loss}`;
}

/** What names a position to a trader with several accounts on one venue. */
export type PositionNameFacts = Pick<MessageFacts, 'accountLabel' | 'venue' | 'displaySymbol' | 'side'>;

/**
 * A position as a trader tells it apart: account label, venue, symbol and side, e.g.
 * "Main HL · Hyperliquid · ETH/USDC short" (three accounts on one venue read apart by their labels).
 * A label that already names the venue ("Demo · Bybit") is not followed by the venue again.
 */
export function positionName(facts: PositionNameFacts): string {
  const venue = venueName(facts.venue);
  const account = facts.accountLabel.includes(venue) ? facts.accountLabel : `${facts.accountLabel} · ${venue}`;
  return `${account} · ${facts.displaySymbol} ${facts.side}`;
}

/**
 * The sentence a trader reads, e.g. "Main · Binance USDⓈ-M · BTC/USDT long: margin ratio 72 % crossed
 * danger (70 %)".
 */
export function alertMessage(facts: MessageFacts): string {
  return `${positionName(facts)}: ${describe(facts)}`;
}
