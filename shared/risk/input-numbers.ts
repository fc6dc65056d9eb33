import { z } from 'zod';
import { liquidationReachFactor } from './reach';

/** A zod error callback for the `risk` input: "required" when the field is missing, else "expected <what>". */
export function expected(what: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'required' : `expected ${what}`);
}

/**
 * Bounds that refuse finite but absurd input in one line, before any arithmetic can overflow to
 * Infinity (a change of 1e308 made the equity `null` in JSON). `minPrice` to `price`: quote
 * currency, far beyond any traded perpetual on either side (inverse contracts divide by the price). `amount`: margin asset, sizes, notionals and tier bounds. `minSize`: sizes and contract sizes
 * (a size near 0 makes ratios of requirement and equity overflow). `leverage`: above
 * every venue's maximum. `fundingRate`: per interval, a fraction (venues cap it at a few percent).
 * `fundingHours`: one year. `fundingInterval`: at least one hour (the shortest venue interval).
 * `priceChange`: the what-if price scenario keeps the mark within the reachable band (reach.ts).
 */
export const inputLimits = {
  price: 1e12,
  minPrice: 1e-12,
  minSize: 1e-12,
  amount: 1e15,
  leverage: 1000,
  fundingRate: 1,
  fundingHours: 8760,
  fundingInterval: 1,
  priceChange: { min: 1 / liquidationReachFactor - 1, max: liquidationReachFactor - 1 },
} as const;

/** A limit as written in messages: 1e12, 1e15. */
export const big = (limit: number): string => limit.toExponential().replace('+', '');

export const positive = z
  .number({ error: expected('a positive number') })
  .positive({ error: 'expected a positive number' })
  .max(inputLimits.amount, { error: `expected at most ${big(inputLimits.amount)}` });
export const nonNegative = z
  .number({ error: expected('a number >= 0') })
  .min(0, { error: 'expected a number >= 0' })
  .max(inputLimits.amount, { error: `expected at most ${big(inputLimits.amount)}` });
export const finite = z
  .number({ error: expected('a number') })
  .min(-inputLimits.amount, { error: `expected at least -${big(inputLimits.amount)}` })
  .max(inputLimits.amount, { error: `expected at most ${big(inputLimits.amount)}` });
export const price = z
  .number({ error: expected('a positive price') })
  .positive({ error: 'expected a positive number' })
  .min(inputLimits.minPrice, {
    error: `expected a price from ${big(inputLimits.minPrice)} to ${big(inputLimits.price)}`,
  })
  .max(inputLimits.price, { error: `expected a price from ${big(inputLimits.minPrice)} to ${big(inputLimits.price)}` });
