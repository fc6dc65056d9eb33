import type { SimRegime, SimScenarioName } from './types';

/** How price and traders behave in one regime. Log-returns; rates per hour. */
export interface RegimeParams {
  /** Expected log-return per hour. */
  readonly driftPerHour: number;
  /** Diffusion volatility, log units per √hour. */
  readonly volatilityPerSqrtHour: number;
  /** Mean number of market-wide jumps per hour. */
  readonly jumpsPerHour: number;
  /** Mean and standard deviation of one jump, log-return. */
  readonly jumpMean: number;
  readonly jumpStd: number;
  /** Pull toward the price the regime started at, fraction of the gap per hour (range-bound markets). */
  readonly meanReversionPerHour: number;
  /** Share of new positions that are long, fraction. */
  readonly longShare: number;
  /** Multiplier of how often traders open positions and of background volume. */
  readonly activity: number;
  /** Mean time the regime lasts before another is drawn, ms. */
  readonly meanDurationMs: number;
}

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** The regimes' parameters (BTC-like; symbols scale volatility by their own factor). */
export const regimes: Readonly<Record<SimRegime, RegimeParams>> = {
  range: {
    driftPerHour: 0,
    volatilityPerSqrtHour: 0.004,
    jumpsPerHour: 0.15,
    jumpMean: 0,
    jumpStd: 0.003,
    meanReversionPerHour: 0.3,
    longShare: 0.5,
    activity: 1,
    meanDurationMs: 3 * hourMs,
  },
  'trend-up': {
    driftPerHour: 0.003,
    volatilityPerSqrtHour: 0.0045,
    jumpsPerHour: 0.2,
    jumpMean: 0.002,
    jumpStd: 0.003,
    meanReversionPerHour: 0,
    longShare: 0.6,
    activity: 1.2,
    meanDurationMs: 2 * hourMs,
  },
  'trend-down': {
    driftPerHour: -0.003,
    volatilityPerSqrtHour: 0.0045,
    jumpsPerHour: 0.2,
    jumpMean: -0.002,
    jumpStd: 0.003,
    meanReversionPerHour: 0,
    longShare: 0.4,
    activity: 1.2,
    meanDurationMs: 2 * hourMs,
  },
  crash: {
    driftPerHour: -0.06,
    volatilityPerSqrtHour: 0.018,
    jumpsPerHour: 5,
    jumpMean: -0.006,
    jumpStd: 0.004,
    meanReversionPerHour: 0,
    longShare: 0.45,
    activity: 2,
    meanDurationMs: 25 * minuteMs,
  },
  squeeze: {
    driftPerHour: 0.06,
    volatilityPerSqrtHour: 0.018,
    jumpsPerHour: 5,
    jumpMean: 0.006,
    jumpStd: 0.004,
    meanReversionPerHour: 0,
    longShare: 0.55,
    activity: 2,
    meanDurationMs: 25 * minuteMs,
  },
};

/** A stretch of a scenario: which regimes may be drawn, and how the crowd leans. */
export interface ScenarioPhase {
  /** Length, ms; Infinity for the open-ended background. */
  readonly durationMs: number;
  /** Relative weights of the regimes drawn in this phase. */
  readonly regimeWeights: Readonly<Partial<Record<SimRegime, number>>>;
  /** Multiplies every regime's volatility. */
  readonly volatilityScale: number;
  /** Multiplies every regime's jump rate. */
  readonly jumpScale: number;
  /** Added to the regime's long share (crowding), fraction. */
  readonly longBias: number;
  /** Multiplies how often traders open positions (below 1: a move driven by closing, not by new money). */
  readonly activityScale: number;
}

/** The market before a scenario starts (the pre-generated history) and after it ends. */
export const backgroundPhase: ScenarioPhase = {
  durationMs: Infinity,
  regimeWeights: { range: 0.6, 'trend-up': 0.195, 'trend-down': 0.195, crash: 0.005, squeeze: 0.005 },
  volatilityScale: 1,
  jumpScale: 1,
  longBias: 0.02,
  activityScale: 1,
};

const phase = (
  durationMs: number,
  regimeWeights: ScenarioPhase['regimeWeights'],
  extra: Partial<Omit<ScenarioPhase, 'durationMs' | 'regimeWeights'>> = {},
): ScenarioPhase => ({
  durationMs,
  regimeWeights,
  volatilityScale: extra.volatilityScale ?? 1,
  jumpScale: extra.jumpScale ?? 1,
  longBias: extra.longBias ?? 0,
  activityScale: extra.activityScale ?? 1,
});

// Crash and squeeze scenarios first let the crowd lean one way during a trend, so their
// high-leverage liquidation levels pile up just behind price; the shock then runs into them and
// the forced orders do the rest. During the trend the crowd opens twice as often: its orders carry
// the trend through a book deep enough for calm hours to look like the real data's.
const scenarios: Readonly<Record<SimScenarioName, readonly ScenarioPhase[]>> = {
  calm: [phase(8 * hourMs, { range: 1 }, { volatilityScale: 0.5, jumpScale: 0.2 })],
  'long-squeeze-crash': [
    phase(3 * hourMs, { 'trend-up': 1 }, { longBias: 0.25, activityScale: 2 }),
    phase(50 * minuteMs, { crash: 1 }),
    phase(2 * hourMs, { range: 1 }, { volatilityScale: 1.3 }),
  ],
  'short-squeeze': [
    phase(3 * hourMs, { 'trend-down': 1 }, { longBias: -0.25, activityScale: 2 }),
    phase(50 * minuteMs, { squeeze: 1 }),
    phase(2 * hourMs, { range: 1 }, { volatilityScale: 1.3 }),
  ],
  chop: [phase(8 * hourMs, { range: 1 }, { volatilityScale: 2.2, jumpScale: 6 })],
  // The Demo's quick scenarios: the move starts at once, from whatever the crowd holds now.
  trend: [phase(3 * hourMs, { 'trend-up': 0.7, range: 0.3 }), phase(2 * hourMs, { range: 1 })],
  // Few new positions while they run: the move is forced closing, so open interest falls with it.
  crash: [
    phase(40 * minuteMs, { crash: 1 }, { activityScale: 0.4, volatilityScale: 0.6, jumpScale: 0.5 }),
    phase(2 * hourMs, { range: 1 }, { volatilityScale: 1.3 }),
  ],
  squeeze: [
    phase(40 * minuteMs, { squeeze: 1 }, { activityScale: 0.4, volatilityScale: 0.6, jumpScale: 0.5 }),
    phase(2 * hourMs, { range: 1 }, { volatilityScale: 1.3 }),
  ],
};

/** Every scenario name, in a stable order. */
export const scenarioNames: readonly SimScenarioName[] = [
  'calm',
  'long-squeeze-crash',
  'short-squeeze',
  'chop',
  'trend',
  'crash',
  'squeeze',
];

/** The phases of a scenario, in order (excluding the background that follows). */
export function scenarioPhases(name: SimScenarioName): readonly ScenarioPhase[] {
  return scenarios[name];
}

/** A scenario's natural length, ms: a `watch` of the scenario ends this long after its start. */
export function scenarioDurationMs(name: SimScenarioName): number {
  return scenarios[name].reduce((sum, p) => sum + p.durationMs, 0);
}

/** The phase in force `elapsedMs` after the scenario started (negative: history; past the end: background). */
export function phaseAt(name: SimScenarioName, elapsedMs: number): ScenarioPhase {
  if (elapsedMs < 0) return backgroundPhase;
  let end = 0;
  for (const p of scenarios[name]) {
    end += p.durationMs;
    if (elapsedMs < end) return p;
  }
  return backgroundPhase;
}
