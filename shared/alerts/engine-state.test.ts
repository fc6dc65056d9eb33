import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from './alert-event';
import type { AlertConfigInput } from './config-schema';
import type { AlertEngine } from './engine';
import { createAlertEngine } from './engine';
import { parseAlertEngineState } from './engine-state';
import type { AlertInput } from './inputs';
import { levelRank } from './levels';
import { observation } from './testing/support';

/** A restart: the state goes through JSON text and the parser, as it would through a file. */
function restart(engine: AlertEngine, config: AlertConfigInput): AlertEngine {
  const state = parseAlertEngineState(JSON.parse(JSON.stringify(engine.exportState())));
  if (typeof state === 'string') throw new Error(state);
  return createAlertEngine(config, state);
}

type Step = { readonly input: AlertInput; readonly gapMs: number; readonly restart: boolean };

const symbols = ['BTCUSDT', 'ETHUSDT'] as const;
// Values at, just around and between the default thresholds, so that sequences escalate, hover and recede.
const ratioArb = fc.oneof(
  fc.constantFrom(0.1, 0.46, 0.48, 0.5, 0.52, 0.6, 0.67, 0.69, 0.7, 0.72, 0.8, 0.83, 0.85, 0.9, 1.1),
  fc.double({ min: 0, max: 1.3, noNaN: true }),
);
const distanceArb = fc.oneof(
  fc.constantFrom(-0, 0.3, 0.105, 0.1, 0.097, 0.06, 0.05, 0.048, 0.03, 0.025, 0.02, -0.01),
  fc.double({ min: -0.02, max: 0.3, noNaN: true }),
);
const stepArb: fc.Arbitrary<Step> = fc
  .record({
    gapMs: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 90_000 })),
    restart: fc.boolean(),
    symbol: fc.constantFrom(...symbols),
    idle: fc.boolean(),
    call: fc.integer({ min: 0, max: 9 }),
    marginRatio: fc.option(ratioArb, { freq: 10 }),
    distance: distanceArb,
  })
  .map((r) => ({
    gapMs: r.gapMs,
    restart: r.restart,
    input: r.idle
      ? {}
      : {
          positions: [
            observation({
              symbol: r.symbol,
              marginRatio: r.marginRatio,
              distance: r.distance,
              clusters: [{ priceLow: 59_000, priceHigh: 61_000, usd: 2e6, side: 'long' }],
            }),
          ],
          ...(r.call === 0
            ? {
                marginCalls: [
                  {
                    accountId: 'main',
                    venue: 'binance-usdm' as const,
                    symbol: r.symbol,
                    side: 'long' as const,
                    timeMs: 0,
                  },
                ],
              }
            : {}),
        },
  }));
const configArb: fc.Arbitrary<AlertConfigInput> = fc
  .record({
    band: fc.double({ min: 0, max: 0.1, noNaN: true }),
    cooldownMs: fc.integer({ min: 0, max: 120_000 }),
  })
  .map(({ band, cooldownMs }) => ({
    rules: { marginRatio: { band, cooldownMs }, distance: { band: band / 5, cooldownMs }, stale: { afterMs: 30_000 } },
  }));

/** Runs the steps, stamping times; with `restarts`, the engine is rebuilt from its JSON state where a step says so. */
function runSteps(config: AlertConfigInput, steps: readonly Step[], restarts: boolean): AlertEvent[][] {
  let engine = createAlertEngine(config);
  let nowMs = 1_700_000_000_000;
  return steps.map((step) => {
    nowMs += step.gapMs;
    if (restarts && step.restart) engine = restart(engine, config);
    const stamp = <T extends { tickTimeMs?: number; timeMs?: number }>(item: T): T => ({
      ...item,
      ...('tickTimeMs' in item ? { tickTimeMs: nowMs } : { timeMs: nowMs }),
    });
    const input: AlertInput = {
      positions: step.input.positions?.map(stamp),
      marginCalls: step.input.marginCalls?.map(stamp),
    };
    return engine.evaluate(input, nowMs);
  });
}

describe('state survives a restart', () => {
  it('a restart through JSON at any point changes no event (ids included)', () => {
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { minLength: 10, maxLength: 60 }), (config, steps) => {
        expect(runSteps(config, steps, true)).toEqual(runSteps(config, steps, false));
      }),
      { numRuns: 150 },
    );
  });

  it('a level held before the restart is not fired again after it, and still clears', () => {
    const first = createAlertEngine();
    expect(first.evaluate({ positions: [observation({ marginRatio: 0.75, distance: 0.3 })] }, 1_000)).toHaveLength(1);
    const second = restart(first, {});
    expect(second.activeAlerts()).toEqual(first.activeAlerts());
    expect(
      second.evaluate({ positions: [observation({ marginRatio: 0.76, distance: 0.3, tickTimeMs: 2_000 })] }, 2_000),
    ).toEqual([]);
    expect(
      second
        .evaluate({ positions: [observation({ marginRatio: 0.3, distance: 0.3, tickTimeMs: 3_000 })] }, 3_000)
        .map((event) => event.cleared),
    ).toEqual([true]);
  });

  it.each([
    {
      name: "a one-level rule's level changed (cluster danger → warning)",
      before: { rules: { cluster: { level: 'danger' as const } } },
      after: { rules: { cluster: { level: 'warning' as const } } },
      expected: ['cluster:danger:cleared', 'cluster:warning'],
    },
    {
      name: 'margin-ratio levels raised above the held value',
      before: {},
      after: { rules: { marginRatio: { levels: { warning: 0.8, danger: 0.9, critical: 0.95 } } } },
      expected: ['marginRatio:danger:cleared'],
    },
  ])('new settings over an old state: $name', ({ before, after, expected }) => {
    const input = {
      positions: [
        observation({
          marginRatio: 0.75,
          distance: 0.1,
          clusters: [{ priceLow: 59_000, priceHigh: 61_000, usd: 2e6, side: 'long' as const }],
        }),
      ],
    };
    const first = createAlertEngine(before);
    first.evaluate(input, 1_000);
    const second = createAlertEngine(after, first.exportState());
    expect(
      second
        .evaluate(input, 2_000)
        .filter((event) => event.rule !== 'distance')
        .map((event) => `${event.rule}:${event.level}${event.cleared ? ':cleared' : ''}`),
    ).toEqual(expected);
  });

  it('parseAlertEngineState rejects a damaged state with a reason', () => {
    expect(parseAlertEngineState({ version: 1, sequence: 3, positions: [{ accountId: 'a' }] })).toMatch(
      /^alert state: positions\.0\./,
    );
    expect(parseAlertEngineState('{}')).toMatch(/^alert state: /);
  });
});

describe('event sequences (property)', () => {
  it('per position and rule: at most one event per call; a fire goes above the level held, a clear takes the level held down to the one its threshold names', () => {
    // The property's configs keep the default levels, so a clear's threshold names the lowest level it takes.
    const lowestOf = (event: AlertEvent): number => {
      const ladder =
        event.rule === 'marginRatio' ? [0.5, 0.7, 0.85] : event.rule === 'distance' ? [0.1, 0.05, 0.025] : [];
      const index = ladder.indexOf(event.threshold ?? Number.NaN);
      return index < 0 ? levelRank(event.level) : index + 1;
    };
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { minLength: 10, maxLength: 80 }), (config, steps) => {
        const held = new Map<string, number>();
        for (const batch of runSteps(config, steps, true)) {
          const seen = new Set<string>();
          for (const event of batch) {
            const key = `${event.symbol} ${event.rule}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
            const rank = levelRank(event.level);
            if (event.cleared) {
              expect(rank).toBe(held.get(key));
              held.set(key, lowestOf(event) - 1);
            } else {
              expect(rank).toBeGreaterThan(held.get(key) ?? 0);
              held.set(key, rank);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a margin-ratio fire never reports a value below its threshold minus the band', () => {
    fc.assert(
      fc.property(configArb, fc.array(stepArb, { minLength: 10, maxLength: 80 }), (config, steps) => {
        const band = config.rules?.marginRatio?.band ?? 0;
        for (const event of runSteps(config, steps, false).flat()) {
          if (event.rule === 'marginRatio' && !event.cleared && event.value !== null)
            expect(event.value).toBeGreaterThanOrEqual((event.threshold ?? 0) - band - 1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });
});
