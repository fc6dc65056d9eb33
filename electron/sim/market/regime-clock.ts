import type { Random } from './prng';
import { phaseAt, regimes, type RegimeParams, type ScenarioPhase } from './scenarios';
import type { SimRegime, SimScenarioName } from './types';

/** The market-wide regime: every symbol moves under the same one, as crypto majors do. */
export interface RegimeClock {
  readonly regime: SimRegime;
  readonly params: RegimeParams;
  readonly phase: ScenarioPhase;
  /** Increments whenever a regime is drawn, so symbols can re-anchor their range level. */
  readonly epoch: number;
  /** Brings the regime up to `timeMs` (epoch ms), drawing a new one when it expires or the phase changes. */
  update(timeMs: number): void;
  /** Runs `scenario` from `startMs` on; the next `update` draws its first regime. */
  restart(scenario: SimScenarioName, startMs: number): void;
}

/**
 * Creates the regime clock of a scenario starting at `scenarioStartMs`. Regimes are drawn from the
 * phase's weights and last an exponential time with the regime's mean; a phase change redraws at once.
 */
export function createRegimeClock(initial: SimScenarioName, initialStartMs: number, random: Random): RegimeClock {
  let scenario = initial;
  let scenarioStartMs = initialStartMs;
  let phase: ScenarioPhase | undefined;
  let regime: SimRegime = 'range';
  let untilMs = -Infinity;
  let epoch = 0;
  const draw = (timeMs: number, current: ScenarioPhase): void => {
    const entries = Object.entries(current.regimeWeights) as [SimRegime, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let u = random.next() * total;
    regime = entries[entries.length - 1]?.[0] ?? 'range';
    for (const [name, weight] of entries) {
      u -= weight;
      if (u < 0) {
        regime = name;
        break;
      }
    }
    untilMs = timeMs + random.exponential(regimes[regime].meanDurationMs);
    epoch++;
  };
  return {
    get regime() {
      return regime;
    },
    get params() {
      return regimes[regime];
    },
    get phase() {
      return phase ?? phaseAt(scenario, -1);
    },
    get epoch() {
      return epoch;
    },
    restart(next, startMs) {
      scenario = next;
      scenarioStartMs = startMs;
      untilMs = -Infinity;
    },
    update(timeMs) {
      const current = phaseAt(scenario, timeMs - scenarioStartMs);
      if (current !== phase || timeMs >= untilMs) {
        phase = current;
        draw(timeMs, current);
      }
    },
  };
}
