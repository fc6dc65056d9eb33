import { describe, expect, it } from 'vitest';
import type { AlertConfigInput } from './config-schema';
import { parseAlertConfig } from './config-schema';
import { createAlertEngine } from './engine';
import { observation, summary } from './testing/support';

const winterNight = Date.UTC(2024, 0, 15, 22, 30); // 23:30 in Berlin (UTC+1)
const summerNight = Date.UTC(2024, 6, 15, 21, 30); // 23:30 in Berlin (UTC+2)
const summerEvening = Date.UTC(2024, 6, 15, 19, 30); // 21:30 in Berlin: before quiet hours
const noon = Date.UTC(2024, 0, 15, 11, 0);
const quiet: AlertConfigInput = {
  quietHours: { enabled: true, start: '22:00', end: '06:30', timeZone: 'Europe/Berlin' },
};

/** Steps a fresh engine up to a critical margin ratio at `nowMs` and back, returning "level:silent" per event. */
function silentFlags(config: AlertConfigInput, nowMs: number): string[] {
  const engine = createAlertEngine(config);
  const events = [0.6, 0.75, 0.9, 0.1].flatMap((marginRatio, step) =>
    engine.evaluate(
      { positions: [observation({ marginRatio, distance: 0.3, tickTimeMs: nowMs + step })] },
      nowMs + step,
    ),
  );
  return events.map((event) => `${event.level}${event.cleared ? ' cleared' : ''}:${event.silent ? 'silent' : 'loud'}`);
}

describe('quiet hours', () => {
  const table: { name: string; config: AlertConfigInput; nowMs: number; loud: string[] }[] = [
    { name: 'winter night, local 23:30', config: quiet, nowMs: winterNight, loud: ['critical'] },
    {
      name: 'summer night, local 23:30 (daylight saving followed)',
      config: quiet,
      nowMs: summerNight,
      loud: ['critical'],
    },
    {
      name: 'summer evening, local 21:30 (before the start)',
      config: quiet,
      nowMs: summerEvening,
      loud: ['warning', 'danger', 'critical', 'critical cleared'],
    },
    {
      name: 'noon',
      config: quiet,
      nowMs: noon,
      loud: ['warning', 'danger', 'critical', 'critical cleared'],
    },
    {
      name: 'disabled',
      config: {},
      nowMs: winterNight,
      loud: ['warning', 'danger', 'critical', 'critical cleared'],
    },
    {
      name: 'danger made loud too',
      config: { quietHours: { ...quiet.quietHours, loudLevels: ['danger', 'critical'] } },
      nowMs: winterNight,
      loud: ['danger', 'critical'],
    },
  ];
  it.each(table)('$name', ({ config, nowMs, loud }) => {
    const flags = silentFlags(config, nowMs);
    expect(flags).toHaveLength(4);
    expect(flags.filter((flag) => flag.endsWith(':loud')).map((flag) => flag.replace(':loud', ''))).toEqual(loud);
  });
});

describe('per-account and per-position overrides', () => {
  const config: AlertConfigInput = {
    overrides: [
      { accountId: 'main', symbol: 'ETHUSDT', rules: { marginRatio: { enabled: false } } },
      { accountId: 'calm', rules: { marginRatio: { levels: { warning: 0.6, danger: 0.8, critical: 0.9 } } } },
      { accountId: 'calm', symbol: 'BTCUSDT', side: 'short', rules: { marginRatio: { levels: { warning: 0.3 } } } },
    ],
  };
  const cases = [
    {
      accountId: 'main',
      symbol: 'BTCUSDT',
      side: 'long',
      marginRatio: 0.72,
      expected: ['marginRatio:danger'],
    },
    { accountId: 'main', symbol: 'ETHUSDT', side: 'long', marginRatio: 0.95, expected: [] },
    { accountId: 'calm', symbol: 'BTCUSDT', side: 'long', marginRatio: 0.72, expected: ['marginRatio:warning'] },
    { accountId: 'calm', symbol: 'BTCUSDT', side: 'short', marginRatio: 0.35, expected: ['marginRatio:warning'] },
    { accountId: 'calm', symbol: 'ETHUSDT', side: 'short', marginRatio: 0.35, expected: [] },
  ] as const;
  it.each(cases)('$accountId $symbol $side at $marginRatio', ({ accountId, symbol, side, marginRatio, expected }) => {
    const events = createAlertEngine(config).evaluate(
      { positions: [observation({ accountId, symbol, side, marginRatio, distance: 0.3 })] },
      1_000,
    );
    expect(summary(events)).toEqual(expected);
    for (const event of events)
      expect(event.threshold).toBe(
        accountId === 'calm' ? (side === 'short' ? 0.3 : 0.6) : event.level === 'warning' ? 0.5 : 0.7,
      );
  });
});

describe('parseAlertConfig', () => {
  it('fills every default from {}', () => {
    const parsed = parseAlertConfig({});
    expect(parsed.ok && parsed.config.rules.marginRatio.levels).toEqual({ warning: 0.5, danger: 0.7, critical: 0.85 });
    expect(parsed.ok && parsed.config.rules.distance.levels).toEqual({ warning: 0.1, danger: 0.05, critical: 0.025 });
  });

  it.each([
    {
      name: 'margin-ratio levels out of order',
      input: { rules: { marginRatio: { levels: { danger: 0.4 } } } },
      error: /^rules: marginRatio levels/,
    },
    {
      name: 'distance levels out of order',
      input: { rules: { distance: { levels: { critical: 0.2 } } } },
      error: /^rules: distance levels/,
    },
    {
      name: 'an override that breaks the order',
      input: { overrides: [{ accountId: 'a', symbol: 'X', rules: { marginRatio: { levels: { warning: 0.9 } } } }] },
      error: /^overrides\.0\.rules: marginRatio/,
    },
    {
      name: 'a side without a symbol',
      input: { overrides: [{ accountId: 'a', side: 'long', rules: {} }] },
      error: /^overrides\.0\.side: a side needs a symbol/,
    },
    {
      name: 'an unknown time zone',
      input: { quietHours: { timeZone: 'Mars/Olympus' } },
      error: /^quietHours\.timeZone: unknown time zone/,
    },
    {
      name: 'a clock time out of range',
      input: { quietHours: { start: '24:10' } },
      error: /^quietHours\.start: expected HH:MM/,
    },
    { name: 'an unknown field', input: { rules: { marginRatio: { level: 'danger' } } }, error: /^rules\.marginRatio/ },
  ])('rejects $name with a path', ({ input, error }) => {
    const parsed = parseAlertConfig(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual(expect.arrayContaining([expect.stringMatching(error)]));
  });

  it('createAlertEngine refuses an invalid config with the reasons', () => {
    expect(() => createAlertEngine({ rules: { marginRatio: { levels: { critical: 0.6 } } } })).toThrow(
      /invalid alert settings: rules: marginRatio levels/,
    );
  });
});
