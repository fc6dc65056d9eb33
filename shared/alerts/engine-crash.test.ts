import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../risk/evaluate-account';
import type { AlertEvent } from './alert-event';
import { createAlertEngine } from './engine';
import { observationsFromRisk } from './from-risk';
import type { ClusterBin } from './inputs';
import { defaultRules } from './rule-schemas';
import { binanceAccount, btcPosition, summary, withMark } from './testing/support';

const atRisk = binanceAccount([btcPosition('long', 0.5, 5)]);
const safe = binanceAccount([btcPosition('long', 0.5, 1.5)]);
const liquidation = evaluateAccount(atRisk).positions[0]?.liquidationPrice ?? Number.NaN;
// Gaps to the liquidation price shrinking by 10 % per tick: from the entry to ~17 USD above it.
const crash = Array.from({ length: 63 }, (_, k) => liquidation + (60_000 - liquidation) * 0.9 ** k);
const recovery = [...crash].reverse();
const clusters: ClusterBin[] = [{ priceLow: 50_000, priceHigh: 52_000, usd: 5e6, side: 'long' }];

/** Runs both accounts through the prices, one tick a second, with market context on every tick. */
function run(
  prices: readonly number[],
  engine = createAlertEngine({ rules: { imbalance: { enabled: true } } }),
  cascade = true,
): { events: AlertEvent[]; engine: typeof engine } {
  const events: AlertEvent[] = [];
  for (const [index, price] of prices.entries()) {
    const timeMs = 1_000_000 + index * 1_000;
    // One forced sale of 20 BTC at the 5x long's liquidation price every second, the last ten of them.
    const liquidations = Array.from({ length: cascade ? 10 : 0 }, (_, k) => ({
      symbol: 'BTCUSDT',
      side: 'long' as const,
      price: liquidation,
      size: 20,
      notionalUsd: 20 * liquidation,
      timeMs: timeMs - k * 1_000,
    }));
    const positions = [
      ['main', withMark(atRisk, price)],
      ['safe', withMark(safe, price)],
    ] as const;
    const observations = positions.flatMap(([id, account]) =>
      observationsFromRisk(id, account, evaluateAccount(account), timeMs).map((observation) => ({
        ...observation,
        clusters,
        imbalance: { longUsd: 9e9, shortUsd: 1e9 },
        liquidations,
      })),
    );
    events.push(...engine.evaluate({ positions: observations }, timeMs));
  }
  return { events, engine };
}

const of = (events: readonly AlertEvent[], rule: string): AlertEvent[] =>
  events.filter((event) => event.accountId === 'main' && event.rule === rule);

describe('a crash and a recovery of BTC against a 5x long and a 1.5x long', () => {
  const { events: crashEvents, engine } = run(crash);
  const worstAtBottom = engine.worstLevel();
  // The forced selling stops as the price turns.
  const recoveryEvents = run(recovery, engine, false).events;

  it('the path does reach past the critical margin ratio without liquidating', () => {
    const bottom = evaluateAccount(withMark(atRisk, crash.at(-1) ?? 0)).positions[0];
    expect(bottom?.marginRatio).toBeGreaterThan(defaultRules.marginRatio.levels.critical);
    expect(bottom?.liquidatable).toBe(false);
  });

  it.each(['marginRatio', 'distance'])('%s fires warning, then danger, then critical, each once, in order', (rule) => {
    const fired = of(crashEvents, rule);
    expect(summary(fired)).toEqual([`${rule}:warning`, `${rule}:danger`, `${rule}:critical`]);
    expect(fired.map((event) => event.timeMs)).toEqual([...fired.map((event) => event.timeMs)].sort((a, b) => a - b));
  });

  it('each margin-ratio fire carries the value that crossed, its threshold and its tick', () => {
    for (const event of of(crashEvents, 'marginRatio')) {
      expect(event.value).toBeGreaterThanOrEqual(event.threshold ?? Number.NaN);
      expect(event.tickTimeMs).toBe(event.timeMs);
      expect(event.silent).toBe(false);
      expect(event.message).toMatch(
        /^main · Binance USDⓈ-M · BTCUSDT long: margin ratio \d+ % crossed (warning|danger|critical) \(\d+ %\)$/,
      );
    }
  });

  it('the at-risk position is critical at the bottom', () => {
    expect(worstAtBottom).toBe('critical');
  });

  it.each(['marginRatio', 'distance'])('the recovery clears %s critical, danger, warning, each once', (rule) => {
    expect(summary(of(recoveryEvents, rule))).toEqual([
      `${rule}:critical:cleared`,
      `${rule}:danger:cleared`,
      `${rule}:warning:cleared`,
    ]);
  });

  it('a margin-ratio level clears only once the ratio is below its threshold minus the band', () => {
    for (const event of of(recoveryEvents, 'marginRatio'))
      expect(event.value).toBeLessThan((event.threshold ?? 0) - defaultRules.marginRatio.band);
  });

  it('after the recovery nothing is active', () => {
    expect(engine.activeAlerts()).toEqual([]);
    expect(engine.worstLevel()).toBeNull();
  });

  it('nothing fires for the safe position, although the same clusters, imbalance and liquidations are fed', () => {
    expect([...crashEvents, ...recoveryEvents].filter((event) => event.accountId === 'safe')).toEqual([]);
  });

  it('the context rules do fire for the at-risk position (the safe one is not silent by accident)', () => {
    expect(new Set(crashEvents.filter((event) => event.accountId === 'main').map((event) => event.rule))).toEqual(
      new Set(['marginRatio', 'distance', 'cluster', 'imbalance', 'cascade']),
    );
  });
});
