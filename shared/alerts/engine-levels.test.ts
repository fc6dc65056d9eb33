import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './engine';
import { feedValues, observation, summary } from './testing/support';

const ratio = (marginRatio: number, timeMs: number): ReturnType<typeof observation> =>
  observation({ marginRatio, distance: 0.3, tickTimeMs: timeMs });
const distance = (value: number, timeMs: number): ReturnType<typeof observation> =>
  observation({ distance: value, tickTimeMs: timeMs });
const hover = (low: number, high: number, ticks = 40): number[] =>
  Array.from({ length: ticks }, (_, k) => (k % 2 === 0 ? high : low));

describe('hysteresis: a value hovering at a threshold does not flap', () => {
  it.each([
    {
      name: 'margin ratio at danger (70 %) ± 1 point',
      values: [0.55, ...hover(0.69, 0.71)],
      make: ratio,
      band: {},
      expected: ['marginRatio:warning', 'marginRatio:danger'],
    },
    {
      name: 'margin ratio at critical (85 %) ± 2 points',
      values: [0.86, ...hover(0.83, 0.87)],
      make: ratio,
      band: {},
      expected: ['marginRatio:critical'],
    },
    {
      name: 'distance at danger (5 %) ± 0.2 point',
      values: [0.08, ...hover(0.052, 0.048)],
      make: distance,
      band: {},
      expected: ['distance:warning', 'distance:danger'],
    },
    {
      name: 'margin ratio at danger with the band set to 0 (control: it flaps)',
      values: [0.55, ...hover(0.69, 0.71, 6)],
      make: ratio,
      band: { marginRatio: { band: 0, cooldownMs: 0 } },
      expected: [
        'marginRatio:warning',
        ...Array.from({ length: 3 }, () => ['marginRatio:danger', 'marginRatio:danger:cleared']).flat(),
      ],
    },
  ])('$name', ({ values, make, band, expected }) => {
    expect(summary(feedValues(createAlertEngine({ rules: band }), values, make))).toEqual(expected);
  });

  it('receding past threshold − band clears the level once', () => {
    const events = feedValues(createAlertEngine(), [0.72, 0.68, 0.671, 0.72, 0.669, 0.66, 0.68], ratio);
    expect(summary(events)).toEqual(['marginRatio:danger', 'marginRatio:danger:cleared']);
    expect(events[1]?.value).toBe(0.669);
  });
});

describe('a jump past several levels is one alert at the highest', () => {
  it.each([
    {
      name: 'margin ratio 10 % → 90 % → 10 %',
      values: [0.1, 0.9, 0.1],
      make: ratio,
      rule: 'marginRatio',
      message: 'margin ratio 10 % back below warning (50 %)',
    },
    {
      name: 'distance 30 % → 1 % → 30 %',
      values: [0.3, 0.01, 0.3],
      make: distance,
      rule: 'distance',
      message: 'liquidation 30 % away, back above warning (10 %)',
    },
  ])(
    '$name: one critical fire, then one clear naming the lowest level it is back past',
    ({ values, make, rule, message }) => {
      const engine = createAlertEngine();
      const events = feedValues(engine, values.slice(0, 2), make);
      expect(summary(events)).toEqual([`${rule}:critical`]);
      expect(events[0]?.threshold).toBe(rule === 'distance' ? 0.025 : 0.85);
      // Every level below is held with it: the same value again fires nothing more.
      expect(engine.activeAlerts()[0]?.rules).toEqual([{ rule, level: 'critical' }]);
      const cleared = feedValues(engine, values.slice(2), make, 3_000);
      expect(summary(cleared)).toEqual([`${rule}:critical:cleared`]);
      expect(cleared[0]?.threshold).toBe(rule === 'distance' ? 0.1 : 0.5);
      expect(cleared[0]?.message).toBe(`main · Binance USDⓈ-M · BTC/USDT long: ${message}`);
      expect(engine.activeAlerts()).toEqual([]);
    },
  );

  it('a first sight deep in trouble fires each rule once, at its highest level', () => {
    const engine = createAlertEngine();
    const events = engine.evaluate({ positions: [observation({ marginRatio: 0.9, distance: 0.01 })] }, 1_000);
    expect(summary(events)).toEqual(['marginRatio:critical', 'distance:critical']);
    expect(events.map((event) => event.message)).toEqual([
      'main · Binance USDⓈ-M · BTC/USDT long: margin ratio 90 % crossed critical (85 %)',
      'main · Binance USDⓈ-M · BTC/USDT long: liquidation 1 % away crossed critical (2.5 %)',
    ]);
  });

  it('a fall of one level after a jump clears that level only, and the lower one still holds', () => {
    const events = feedValues(createAlertEngine(), [0.9, 0.75, 0.3], ratio);
    expect(summary(events)).toEqual([
      'marginRatio:critical',
      'marginRatio:critical:cleared',
      'marginRatio:danger:cleared',
    ]);
  });

  it('a balance at or below zero (null ratio) is critical, in one event', () => {
    const engine = createAlertEngine();
    expect(summary(engine.evaluate({ positions: [observation({ marginRatio: null, distance: 0.3 })] }, 1_000))).toEqual(
      ['marginRatio:critical'],
    );
  });
});

describe('cooldown (60 s by default)', () => {
  // The clock runs on without ticks here; the stale rule would (rightly) fire and is tested elsewhere.
  const noStale = { rules: { stale: { enabled: false } } };
  it('suppresses a re-trigger within the cooldown, and fires it when the cooldown ends if still held', () => {
    const engine = createAlertEngine(noStale);
    const at = (marginRatio: number, timeMs: number): string[] =>
      summary(engine.evaluate({ positions: [ratio(marginRatio, timeMs)] }, timeMs));
    expect(at(0.75, 0)).toEqual(['marginRatio:danger']);
    expect(at(0.6, 1_000)).toEqual(['marginRatio:danger:cleared']);
    expect(at(0.75, 11_000)).toEqual([]);
    expect(engine.activeAlerts()[0]?.level).toBe('danger');
    expect(engine.nextCheckMs()).toBe(61_000);
    expect(summary(engine.evaluate({}, 60_999))).toEqual([]);
    expect(summary(engine.evaluate({}, 61_000))).toEqual(['marginRatio:danger']);
  });

  it('a deferred re-trigger that recedes before the cooldown ends never fires nor clears', () => {
    const engine = createAlertEngine(noStale);
    const at = (marginRatio: number, timeMs: number): string[] =>
      summary(engine.evaluate({ positions: [ratio(marginRatio, timeMs)] }, timeMs));
    expect(at(0.75, 0)).toEqual(['marginRatio:danger']);
    expect(at(0.6, 1_000)).toEqual(['marginRatio:danger:cleared']);
    expect(at(0.75, 11_000)).toEqual([]);
    expect(at(0.6, 21_000)).toEqual([]);
    expect(summary(engine.evaluate({}, 100_000))).toEqual([]);
  });

  it('a re-trigger after the cooldown fires at once', () => {
    const events = feedValues(
      createAlertEngine({ rules: { marginRatio: { cooldownMs: 2_000 } } }),
      [0.75, 0.6, 0.6, 0.75],
      ratio,
    );
    expect(summary(events)).toEqual(['marginRatio:danger', 'marginRatio:danger:cleared', 'marginRatio:danger']);
  });

  it('escalation beats a cooldown: a cooling level is taken up by the higher one it leads to', () => {
    const engine = createAlertEngine(noStale);
    const events = feedValues(engine, [0.55, 0.3, 0.9], ratio);
    expect(summary(events)).toEqual(['marginRatio:warning', 'marginRatio:warning:cleared', 'marginRatio:critical']);
    // The cooling warning went out with the critical: its cooldown's end owes nothing.
    expect(summary(engine.evaluate({}, 200_000))).toEqual([]);
  });
});
