import { z } from 'zod';

/** The Demo market's scenarios, as the scenario control offers them. */
export const demoScenarios = ['calm', 'trend', 'crash', 'squeeze'] as const;
/** One of `demoScenarios`: calm range, an uptrend, a crash into crowded longs, a squeeze of shorts. */
export type DemoScenario = (typeof demoScenarios)[number];

/** How fast the Demo's clock runs, simulated seconds per real second. */
export const demoSpeeds = [1, 5, 20] as const;
/** One of `demoSpeeds`. */
export type DemoSpeed = (typeof demoSpeeds)[number];

/**
 * Where the Demo's market stands: its scenario (the simulator's name; one of `demoScenarios` unless
 * the host started another, as `liqlens watch --scenario` may) and speed (simulated s per real s).
 */
export interface DemoControlState {
  readonly scenario: string;
  readonly speed: number;
}

/** What the scenario and speed control may set (`demo:set`). */
export interface DemoControlChange {
  readonly scenario?: DemoScenario | undefined;
  readonly speed?: DemoSpeed | undefined;
}

/** `demo:get` and `demo:set`: the Demo's control, or why there is none (no Demo running). */
export type DemoControlView =
  ({ readonly available: true } & DemoControlState) | { readonly available: false; readonly reason: string };

/** `demo:set`: a scenario (started now, from the market as it stands) and/or a speed. */
export const DemoControlChangeSchema = z
  .object({
    scenario: z.enum(demoScenarios).optional(),
    speed: z.union([z.literal(1), z.literal(5), z.literal(20)]).optional(),
  })
  .strict();
