import { z } from 'zod';
import { betaToReference } from './beta';
import { expected, inputLimits, price } from './input-numbers';
import type { ShockMoves } from './portfolio-shock';

const change = z
  .number({ error: expected('a relative change') })
  .min(inputLimits.priceChange.min, {
    error: 'expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
  })
  .max(inputLimits.priceChange.max, {
    error: 'expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
  });
const coin = z
  .string({ error: expected('a coin') })
  .regex(/^[A-Za-z0-9]{1,20}$/, { error: 'expected a coin such as BTC' })
  .transform((text) => text.toUpperCase());
const close = z.strictObject({
  openTimeMs: z.number({ error: expected('a time in ms') }).int({ error: 'expected a whole number of ms' }),
  close: price,
});

/**
 * The `shock` of the `liqlens risk` input: coins moved by hand (`moves`, e.g. `{ "BTC": -0.1 }`),
 * and/or a `reference` coin's move with every other held coin moved by its beta to it, computed
 * from `closes` (bars of the window to use, per coin, the reference's included). A coin named in
 * `moves` takes that move; a coin with neither is not moved and the report says why.
 */
export const shockSchema = z
  .strictObject({
    moves: z.record(coin, change, { error: expected('an object of coin: change') }).optional(),
    reference: z.strictObject({ coin, change }).optional(),
    closes: z
      .record(coin, z.array(close, { error: expected('an array of { openTimeMs, close }') }).max(100_000), {
        error: expected('an object of coin: bars'),
      })
      .optional(),
  })
  .refine((shock) => shock.moves !== undefined || shock.reference !== undefined, {
    error: 'give moves, a reference, or both',
    path: ['moves'],
  });

/** The parsed `shock`. */
export type ShockSpec = z.output<typeof shockSchema>;

/** One coin's move as the shock applies it, and why. */
export interface ShockCoinMove {
  readonly coin: string;
  /** Signed fraction; 0 when the coin is not moved. */
  readonly move: number;
  /** `by hand`, `reference`, `beta 1.32 to BTC`, or why it is not moved. */
  readonly basis: string;
  readonly beta?: number;
}

/** Each held coin's move under `spec` (see `shockSchema`), in the order of `coins`. */
export function shockCoinMoves(spec: ShockSpec, coins: readonly string[]): ShockCoinMove[] {
  return coins.map((name): ShockCoinMove => {
    const typed = spec.moves?.[name];
    if (typed !== undefined) return { coin: name, move: typed, basis: 'by hand' };
    const reference = spec.reference;
    if (reference === undefined) return { coin: name, move: 0, basis: 'not moved: not in moves' };
    if (name === reference.coin) return { coin: name, move: reference.change, basis: 'reference' };
    const own = spec.closes?.[name];
    const theirs = spec.closes?.[reference.coin];
    if (own === undefined || theirs === undefined)
      return { coin: name, move: 0, basis: `not moved: no closes of ${name} and ${reference.coin} for a beta` };
    const beta = betaToReference(own, theirs);
    if (typeof beta === 'string') return { coin: name, move: 0, basis: `not moved: ${beta}` };
    const move = Math.min(inputLimits.priceChange.max, Math.max(inputLimits.priceChange.min, beta * reference.change));
    return { coin: name, move, basis: `beta ${beta.toFixed(3)} to ${reference.coin}`, beta };
  });
}

/** The engine's moves from the per-coin list. */
export function shockMovesOf(moves: readonly ShockCoinMove[]): ShockMoves {
  return Object.fromEntries(moves.filter((entry) => entry.move !== 0).map((entry) => [entry.coin, entry.move]));
}
