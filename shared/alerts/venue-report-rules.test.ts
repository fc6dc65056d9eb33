import { describe, expect, it } from 'vitest';
import type { AlertEvent } from './alert-event';
import { createAlertEngine } from './engine';
import { parseAlertEngineState } from './engine-state';
import type { PositionObservation, VenueReport } from './inputs';
import { observation } from './testing/support';
import { atAdlFront } from './venue-report-rules';

/** A Bybit BTC/USDT short in profit, ranked `adl` on Bybit's 0–5 scale, with `patch` applied to the report. */
function bybit(timeMs: number, adl: number | null, patch: Partial<VenueReport> = {}): PositionObservation {
  return observation({
    venue: 'bybit-linear',
    side: 'short',
    tickTimeMs: timeMs,
    venueReport: {
      adlRank: adl === null ? null : { value: adl, min: 0, max: 5 },
      unrealizedPnl: 1_250,
      leverage: 10,
      riskLimitLoweredAtMs: null,
      leverageLoweredAtMs: null,
      ...patch,
    },
  });
}

const of = (events: readonly AlertEvent[], rule: AlertEvent['rule']): AlertEvent[] =>
  events.filter((event) => event.rule === rule);

describe('the front of the ADL queue', () => {
  it('is the top figure of each venue scale, and only for a position in profit', () => {
    const report = (value: number, min: number, max: number, unrealizedPnl = 10): VenueReport => ({
      adlRank: { value, min, max },
      unrealizedPnl,
      leverage: null,
      riskLimitLoweredAtMs: null,
      leverageLoweredAtMs: null,
    });
    // Binance adlQuantile 0–4, Bybit adlRankIndicator 0–5, OKX adl 1–5.
    expect([report(4, 0, 4), report(5, 0, 5), report(5, 1, 5)].map(atAdlFront)).toEqual([true, true, true]);
    expect([report(3, 0, 4), report(4, 0, 5), report(4, 1, 5)].map(atAdlFront)).toEqual([false, false, false]);
    expect([report(5, 0, 5, 0), report(5, 0, 5, -40)].map(atAdlFront)).toEqual([false, false]);
    expect(atAdlFront({ ...report(5, 0, 5), adlRank: null })).toBe(false);
  });

  it('fires once with the rank and the profit when a winning position reaches it, already at first sight too', () => {
    const engine = createAlertEngine();
    expect(engine.evaluate({ positions: [bybit(1_000, 3)] }, 1_000)).toEqual([]);
    const fired = engine.evaluate({ positions: [bybit(2_000, 5)] }, 2_000);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      rule: 'adlFront',
      level: 'warning',
      cleared: false,
      value: 5,
      threshold: 5,
      adl: { rank: { value: 5, min: 0, max: 5 }, unrealizedPnl: 1_250 },
    });
    expect(fired[0]?.end).toBeUndefined();
    expect(fired[0]?.message).toBe(
      'main · Bybit · BTC/USDT short: at the front of the ADL queue (rank 5 of 0–5) with $1.3k unrealised profit: Bybit may close it against a liquidation: warning',
    );
    expect(engine.activeAlerts()).toMatchObject([
      { level: 'warning', rules: [{ rule: 'adlFront', level: 'warning' }] },
    ]);

    const fresh = createAlertEngine();
    expect(of(fresh.evaluate({ positions: [bybit(1_000, 5)] }, 1_000), 'adlFront')).toHaveLength(1);
  });

  it('does not repeat while the position stays at the front, nor on mark ticks without a report', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [bybit(1_000, 5)] }, 1_000);
    const later = [
      ...engine.evaluate({ positions: [bybit(2_000, 5, { unrealizedPnl: 2_000 })] }, 2_000),
      ...engine.evaluate(
        { positions: [observation({ venue: 'bybit-linear', side: 'short', tickTimeMs: 3_000 })] },
        3_000,
      ),
      ...engine.evaluate({ positions: [bybit(4_000, 5)] }, 4_000),
    ];
    expect(of(later, 'adlFront')).toEqual([]);
  });

  it('ends, never clears, when the position leaves the front or its profit', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [bybit(1_000, 5)] }, 1_000);
    const [left] = engine.evaluate({ positions: [bybit(2_000, 4)] }, 2_000);
    expect(left).toMatchObject({ rule: 'adlFront', cleared: false, end: 'left-front', value: 4 });
    expect(left?.message).toBe(
      'main · Bybit · BTC/USDT short: left the front of the ADL queue (rank 4 of 0–5): ADL alert ended',
    );
    expect(engine.activeAlerts()).toEqual([]);

    // Back at the front after the cooldown: a new alert; then the profit goes and it ends again.
    const again = of(engine.evaluate({ positions: [bybit(70_000, 5)] }, 70_000), 'adlFront');
    expect(again.map((event) => [event.cleared, event.end])).toEqual([[false, undefined]]);
    const [lost] = engine.evaluate({ positions: [bybit(71_000, 5, { unrealizedPnl: -5 })] }, 71_000);
    expect(lost).toMatchObject({ end: 'left-front', cleared: false });
    expect(lost?.message).toMatch(/no longer in profit at the front of the ADL queue \(rank 5 of 0–5\)/);
  });

  it('ends as closed when the position closes at the front (the venue may have deleveraged it)', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [bybit(1_000, 5)] }, 1_000);
    const events = engine.evaluate({ closed: [{ accountId: 'main', symbol: 'BTCUSDT', side: 'short' }] }, 2_000);
    expect(events).toMatchObject([{ rule: 'adlFront', cleared: false, end: 'closed' }]);
    expect(events[0]?.message).toMatch(/position closed while at the front of the ADL queue/);
  });

  it('a liquidation lists it among the alerts it ended', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [bybit(1_000, 5)] }, 1_000);
    const [event] = engine.evaluate(
      {
        liquidated: [
          {
            accountId: 'main',
            venue: 'bybit-linear',
            symbol: 'BTCUSDT',
            side: 'short',
            timeMs: 2_000,
            price: 70_000,
            lossUsd: 100,
            lossSource: 'computed',
            evidence: 'price',
            liquidationPrice: 70_000,
          },
        ],
      },
      2_000,
    );
    expect(event?.liquidation?.ended).toContainEqual({ rule: 'adlFront', level: 'warning' });
  });

  it('is silent when switched off, and a held alert ends as switched off', () => {
    const off = createAlertEngine({ rules: { adlFront: { enabled: false } } });
    expect(off.evaluate({ positions: [bybit(1_000, 5)] }, 1_000)).toEqual([]);

    const on = createAlertEngine();
    on.evaluate({ positions: [bybit(1_000, 5)] }, 1_000);
    const switched = createAlertEngine({ rules: { adlFront: { enabled: false } } }, on.exportState());
    expect(switched.evaluate({ positions: [bybit(2_000, 5)] }, 2_000)).toMatchObject([
      { rule: 'adlFront', end: 'switched-off', cleared: false },
    ]);
  });
});

describe('the venue lowering a risk limit or leverage on its own', () => {
  const at = (timeMs: number, patch: Partial<VenueReport>): PositionObservation => bybit(timeMs, 2, patch);

  it('a stamp already there at first sight is no news; a newer one fires once, naming what was lowered', () => {
    const engine = createAlertEngine();
    expect(engine.evaluate({ positions: [at(1_000, { riskLimitLoweredAtMs: 500 })] }, 1_000)).toEqual([]);
    expect(engine.evaluate({ positions: [at(2_000, { riskLimitLoweredAtMs: 500 })] }, 2_000)).toEqual([]);

    const [riskLimit] = engine.evaluate({ positions: [at(3_000, { riskLimitLoweredAtMs: 2_500 })] }, 3_000);
    expect(riskLimit).toMatchObject({
      rule: 'venueLowered',
      level: 'danger',
      cleared: false,
      value: null,
      threshold: null,
      lowered: { riskLimitLoweredAtMs: 2_500, leverageLoweredAtMs: null, leverage: null },
    });
    expect(riskLimit?.message).toBe(
      'main · Bybit · BTC/USDT short: Bybit lowered the risk limit on its own, the liquidation price moves closer: danger',
    );
    // Nothing is held: the panel shows no active alert, and the same stamp does not fire again.
    expect(engine.activeAlerts()).toEqual([]);
    expect(engine.evaluate({ positions: [at(4_000, { riskLimitLoweredAtMs: 2_500 })] }, 4_000)).toEqual([]);

    const [leverage] = engine.evaluate(
      { positions: [at(5_000, { riskLimitLoweredAtMs: 2_500, leverageLoweredAtMs: 4_500, leverage: 5 })] },
      5_000,
    );
    expect(leverage).toMatchObject({
      value: 5,
      lowered: { riskLimitLoweredAtMs: null, leverageLoweredAtMs: 4_500, leverage: 5 },
    });
    expect(leverage?.message).toMatch(/lowered the leverage to 5x on its own/);
  });

  it('both lowered in one report make one event naming both; an older or vanished stamp is no change', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [at(1_000, {})] }, 1_000);
    const both = engine.evaluate(
      { positions: [at(2_000, { riskLimitLoweredAtMs: 1_500, leverageLoweredAtMs: 1_500, leverage: 4 })] },
      2_000,
    );
    expect(both).toHaveLength(1);
    expect(both[0]?.message).toMatch(/lowered the risk limit and the leverage to 4x on its own/);
    expect(engine.evaluate({ positions: [at(3_000, {})] }, 3_000)).toEqual([]);
    expect(engine.evaluate({ positions: [at(4_000, { riskLimitLoweredAtMs: 1_000 })] }, 4_000)).toEqual([]);
  });

  it('the stamps seen survive a restart, so an old cut is not reported again', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [at(1_000, { leverageLoweredAtMs: 800, leverage: 5 })] }, 1_000);
    const state = parseAlertEngineState(JSON.parse(JSON.stringify(engine.exportState())));
    if (typeof state === 'string') throw new Error(state);
    const restarted = createAlertEngine({}, state);
    expect(restarted.evaluate({ positions: [at(2_000, { leverageLoweredAtMs: 800, leverage: 5 })] }, 2_000)).toEqual(
      [],
    );
    expect(
      of(
        restarted.evaluate({ positions: [at(3_000, { leverageLoweredAtMs: 2_900, leverage: 3 })] }, 3_000),
        'venueLowered',
      ),
    ).toHaveLength(1);
  });

  it('switched off, a cut is recorded but not reported, and is not reported later when switched on', () => {
    const off = createAlertEngine({ rules: { venueLowered: { enabled: false } } });
    off.evaluate({ positions: [at(1_000, {})] }, 1_000);
    expect(off.evaluate({ positions: [at(2_000, { riskLimitLoweredAtMs: 1_500 })] }, 2_000)).toEqual([]);
    const on = createAlertEngine({}, off.exportState());
    expect(on.evaluate({ positions: [at(3_000, { riskLimitLoweredAtMs: 1_500 })] }, 3_000)).toEqual([]);
  });
});
