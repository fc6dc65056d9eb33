import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './engine';
import { parseAlertEngineState } from './engine-state';
import { observation } from './testing/support';

const position = { accountId: 'main', symbol: 'BTCUSDT', side: 'long' } as const;
/** One evaluation of the test position at `marginRatio`, returning "level[:cleared]:loud|silencedBy" per event. */
const at = (engine: ReturnType<typeof createAlertEngine>, marginRatio: number, nowMs: number): string[] =>
  engine
    .evaluate({ positions: [observation({ marginRatio, distance: 0.3, tickTimeMs: nowMs })] }, nowMs)
    .map((e) => `${e.level}${e.cleared ? ':cleared' : ''}:${e.silent ? (e.silencedBy ?? 'silent') : 'loud'}`);
const noStale = { rules: { stale: { enabled: false }, marginRatio: { cooldownMs: 0 } } };

describe('snooze', () => {
  it('records a snoozed position’s alerts silently until the chosen time, then rings again', () => {
    const engine = createAlertEngine(noStale);
    expect(at(engine, 0.75, 1_000)).toEqual(['danger:loud']);
    expect(engine.snooze(position, 60_000)).toBe(true);
    expect(engine.activeAlerts()[0]?.snoozedUntilMs).toBe(60_000);
    expect(at(engine, 0.9, 2_000)).toEqual(['critical:snoozed']);
    expect(at(engine, 0.3, 3_000)).toEqual(['critical:cleared:snoozed']);
    expect(at(engine, 0.75, 60_000)).toEqual(['danger:loud']);
    expect(engine.activeAlerts()[0]?.snoozedUntilMs).toBeNull();
  });

  it('lets a liquidation ring through a snooze', () => {
    const engine = createAlertEngine(noStale);
    at(engine, 0.9, 1_000);
    engine.snooze(position, 1e12);
    const [event] = engine.evaluate(
      {
        liquidated: [
          {
            ...position,
            venue: 'binance-usdm',
            timeMs: 2_000,
            price: 48_000,
            lossUsd: 100,
            lossSource: 'computed',
            evidence: 'price',
            liquidationPrice: 48_000,
          },
        ],
      },
      2_000,
    );
    expect(event).toMatchObject({ rule: 'liquidated', silent: false });
  });

  it('refuses a position the engine does not know, and ends early when asked', () => {
    const engine = createAlertEngine(noStale);
    expect(engine.snooze(position, 60_000)).toBe(false);
    at(engine, 0.75, 1_000);
    engine.snooze(position, 60_000);
    engine.snooze(position, null);
    expect(at(engine, 0.9, 2_000)).toEqual(['critical:loud']);
  });
});

describe('acknowledge', () => {
  it('keeps an acknowledged level from ringing again until the level rises', () => {
    const engine = createAlertEngine(noStale);
    expect(engine.acknowledge(position)).toBe(false);
    expect(at(engine, 0.75, 1_000)).toEqual(['danger:loud']);
    expect(engine.acknowledge(position)).toBe(true);
    expect(engine.activeAlerts()[0]?.acknowledged).toBe('danger');
    // Hovering in and out of danger: recorded, never rung.
    expect(at(engine, 0.6, 2_000)).toEqual(['danger:cleared:loud']);
    expect(at(engine, 0.75, 3_000)).toEqual(['danger:acknowledged']);
    expect(at(engine, 0.3, 4_000)).toEqual(['danger:cleared:loud']);
    expect(at(engine, 0.55, 5_000)).toEqual(['warning:acknowledged']);
    // Critical is above what was acknowledged: it rings, and the acknowledgement ends.
    expect(at(engine, 0.9, 6_000)).toEqual(['critical:loud']);
    expect(engine.activeAlerts()[0]?.acknowledged).toBeNull();
    expect(at(engine, 0.6, 7_000)).toEqual(['critical:cleared:loud']);
    expect(at(engine, 0.9, 8_000)).toEqual(['critical:loud']);
  });
});

describe('snooze and acknowledgement survive a restart', () => {
  it('are saved with the state and read back', () => {
    const engine = createAlertEngine(noStale);
    at(engine, 0.75, 1_000);
    engine.snooze(position, 90_000);
    engine.acknowledge(position);
    const state = parseAlertEngineState(JSON.parse(JSON.stringify(engine.exportState())));
    if (typeof state === 'string') throw new Error(state);
    const again = createAlertEngine(noStale, state);
    expect(again.activeAlerts()[0]).toMatchObject({ snoozedUntilMs: 90_000, acknowledged: 'danger' });
    expect(at(again, 0.9, 2_000)).toEqual(['critical:snoozed']);
  });

  it('rejects a saved snooze or acknowledgement out of range', () => {
    const state = createAlertEngine(noStale);
    at(state, 0.75, 1_000);
    const saved = state.exportState();
    const damaged = { ...saved, positions: saved.positions.map((p) => ({ ...p, acknowledged: 7 })) };
    expect(parseAlertEngineState(damaged)).toMatch(/acknowledged/);
    const label = { ...saved, positions: saved.positions.map((p) => ({ ...p, accountLabel: 'x'.repeat(65) })) };
    expect(parseAlertEngineState(label)).toMatch(/accountLabel/);
  });
});

describe('quiet hours say why an event is silent', () => {
  it('marks a held event as quiet-hours', () => {
    const engine = createAlertEngine({
      ...noStale,
      quietHours: { enabled: true, start: '00:00', end: '23:59', timeZone: 'UTC' },
    });
    expect(at(engine, 0.75, Date.UTC(2024, 0, 15, 12))).toEqual(['danger:quiet-hours']);
    expect(at(engine, 0.9, Date.UTC(2024, 0, 15, 12, 1))).toEqual(['critical:loud']);
  });
});
