import { describe, expect, it } from 'vitest';
import type { ForceClose } from '../domain/force-close';
import { createAlertEngine } from './engine';
import type { AlertInput } from './inputs';
import { closerMark, judgeVanished, type VanishedPosition } from './liquidation';
import { observation } from './testing/support';

/** A 10x BTC long entered at 60,000, 0.5 BTC, last liquidation price 54,300, seen last at t = 10 s. */
function vanished(patch: Partial<VanishedPosition> = {}): VanishedPosition {
  return {
    accountId: 'main',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    displaySymbol: 'BTC/USDT',
    side: 'long',
    entryPrice: 60_000,
    sizeBase: 0.5,
    liquidationPrice: 54_300,
    closestMark: { price: 55_000, distance: (55_000 - 54_300) / 55_000 },
    lastSeenMs: 10_000,
    vanishedAtMs: 15_000,
    ...patch,
  };
}

const forced = (patch: Partial<ForceClose> = {}): ForceClose => ({
  symbol: 'BTCUSDT',
  side: 'long',
  price: 54_100,
  size: 0.5,
  timeMs: 12_000,
  lossUsd: null,
  ...patch,
});

describe('judging a position that vanished from the account', () => {
  it("the venue's force-close record makes it liquidated at the fill price, the loss computed when the record has none", () => {
    const verdict = judgeVanished(vanished(), [forced()], true);
    expect(verdict).toMatchObject({
      kind: 'liquidated',
      liquidation: { price: 54_100, lossUsd: 0.5 * 5_900, lossSource: 'computed', evidence: 'venue', timeMs: 12_000 },
    });
  });

  it("the venue's own loss is used where its record gives one", () => {
    const verdict = judgeVanished(vanished(), [forced({ lossUsd: 3_012.5 })], true);
    expect(verdict).toMatchObject({ kind: 'liquidated', liquidation: { lossUsd: 3_012.5, lossSource: 'venue' } });
  });

  it("another symbol's, the other side's or an old force close is no evidence for this position", () => {
    const others = [forced({ symbol: 'ETHUSDT' }), forced({ side: 'short' }), forced({ timeMs: 10_000 - 61_000 })];
    expect(judgeVanished(vanished(), others, true)).toEqual({ kind: 'closed' });
  });

  it('a mark at or past the liquidation price makes it liquidated there, the loss computed, without a venue record', () => {
    const past = vanished({ closestMark: { price: 54_200, distance: (54_200 - 54_300) / 54_200 } });
    for (const evidence of [[], 'unsupported', 'unavailable'] as const)
      expect(judgeVanished(past, evidence, false)).toMatchObject({
        kind: 'liquidated',
        liquidation: { price: 54_300, lossUsd: 0.5 * 5_700, lossSource: 'computed', evidence: 'price' },
      });
  });

  it('a short is liquidated above its liquidation price, and its loss is (price - entry) x size', () => {
    const short = vanished({
      side: 'short',
      liquidationPrice: 65_000,
      closestMark: { price: 65_100, distance: -0.0015 },
    });
    expect(judgeVanished(short, [], true)).toMatchObject({ kind: 'liquidated', liquidation: { lossUsd: 2_500 } });
  });

  it('a user close (mark short of the liquidation price, no record) is closed, not liquidated', () => {
    expect(judgeVanished(vanished(), [], true)).toEqual({ kind: 'closed' });
    expect(judgeVanished(vanished(), 'unsupported', true)).toEqual({ kind: 'closed' });
  });

  it('stays undecided while the evidence cannot be read or the mark is not fresh', () => {
    expect(judgeVanished(vanished(), 'unavailable', true).kind).toBe('undecided');
    expect(judgeVanished(vanished(), [], false).kind).toBe('undecided');
  });

  it('the closest mark keeps the one nearest to, or furthest past, the liquidation price', () => {
    let closest = closerMark(null, 'long', 54_300, 56_000);
    closest = closerMark(closest, 'long', 54_300, 54_000);
    closest = closerMark(closest, 'long', 54_300, 57_000);
    expect(closest?.price).toBe(54_000);
    expect(closest?.distance).toBeLessThan(0);
  });
});

describe('the engine on a liquidation', () => {
  const liquidation = {
    accountId: 'main',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    side: 'long',
    timeMs: 5_000,
    price: 47_950.5,
    lossUsd: 1_234,
    lossSource: 'venue',
    evidence: 'venue',
    liquidationPrice: 48_000,
  } as const;

  it('emits one critical liquidated event with price and loss, and ends the levels without a cleared event', () => {
    const engine = createAlertEngine();
    const fired = engine.evaluate(
      { positions: [observation({ marginRatio: 0.9, distance: 0.01, markPrice: 48_500 })] },
      2_000,
    );
    // One event per rule, at its highest level: margin ratio and distance, both critical.
    expect(fired.filter((event) => !event.cleared).length).toBe(2);
    const events = engine.evaluate({ liquidated: [liquidation] } satisfies AlertInput, 6_000);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      rule: 'liquidated',
      level: 'critical',
      cleared: false,
      value: 47_950.5,
      threshold: 48_000,
      tickTimeMs: 5_000,
      timeMs: 6_000,
      liquidation: {
        price: 47_950.5,
        lossUsd: 1_234,
        lossSource: 'venue',
        evidence: 'venue',
        ended: [
          { rule: 'marginRatio', level: 'critical' },
          { rule: 'distance', level: 'critical' },
        ],
      },
    });
    expect(event?.message).toBe(
      "main · Binance USDⓈ-M · BTC/USDT long: liquidated at 47,950.5, loss $1.2k (Binance USDⓈ-M's figure)",
    );
    expect(engine.activeAlerts()).toEqual([]);
    // Nothing is left to clear later, on the clock or on a close.
    expect(engine.evaluate({ closed: [liquidation] }, 120_000)).toEqual([]);
  });

  it('says when the loss was computed', () => {
    const [event] = createAlertEngine().evaluate(
      { liquidated: [{ ...liquidation, lossSource: 'computed', lossUsd: 2_950 }] },
      6_000,
    );
    expect(event?.message).toMatch(/liquidated at 47,950\.5, loss \$3k \(computed from entry and size\)$/);
    expect(event?.liquidation?.ended).toEqual([]);
  });
});
