import { z } from 'zod';
import { marginModes } from '../domain/margin-mode';
import { positionModes } from '../domain/position-mode';
import { sides } from '../domain/side';
import { venues } from '../domain/venue';
export { inputLimits } from './input-numbers';
import { checkAccount, toAccount } from './input-account';
import { accountModeFields, positionModeFields } from './input-modes';
import { shockSchema } from './input-shock';
import { expected, finite, inputLimits, big, nonNegative, positive, price } from './input-numbers';

const size = positive.min(inputLimits.minSize, {
  error: `expected a size from ${big(inputLimits.minSize)} to ${big(inputLimits.amount)}`,
});
const leverage = z
  .number({ error: expected('a positive number') })
  .positive({ error: 'expected a positive number' })
  .max(inputLimits.leverage, { error: `expected a leverage at most ${inputLimits.leverage}` });
/** A position's own leverage: venues offer 1x and above (a leverage near 0 would make its margin infinite). */
const positionLeverage = z
  .number({ error: expected('a positive number') })
  .min(1, { error: `expected a leverage from 1 to ${inputLimits.leverage}` })
  .max(inputLimits.leverage, { error: `expected a leverage from 1 to ${inputLimits.leverage}` });
const fundingRate = z
  .number({ error: expected('a funding rate from -1 to 1') })
  .min(-inputLimits.fundingRate, { error: 'expected a funding rate from -1 to 1' })
  .max(inputLimits.fundingRate, { error: 'expected a funding rate from -1 to 1' });
const fundingHours = positive.max(inputLimits.fundingHours, {
  error: `expected at most ${inputLimits.fundingHours} hours`,
});
const fundingInterval = z
  .number({ error: expected('a number of hours') })
  .min(inputLimits.fundingInterval, { error: `expected at least ${inputLimits.fundingInterval} hour` })
  .max(inputLimits.fundingHours, { error: `expected at most ${inputLimits.fundingHours} hours` });
const priceChange = z
  .number({ error: expected('a relative change') })
  .min(inputLimits.priceChange.min, {
    error: 'expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
  })
  .max(inputLimits.priceChange.max, {
    error: 'expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
  });
const fraction = z
  .number({ error: expected('a fraction from 0 to 1') })
  .min(0, { error: 'expected a fraction from 0 to 1' })
  .lt(1, { error: 'expected a fraction below 1' });
const symbol = z.string({ error: expected('a symbol') }).min(1, { error: 'expected a non-empty symbol' });
const side = z.enum(sides, { error: expected(`one of ${sides.join(', ')}`) });
const marginMode = z.enum(marginModes, { error: expected(`one of ${marginModes.join(', ')}`) });

const tierSchema = z.strictObject({
  floor: nonNegative,
  cap: positive.nullable(),
  mmr: fraction,
  deduction: finite.optional(),
  maxLeverage: leverage.optional(),
});

const positionSchema = z.strictObject({
  symbol,
  side,
  marginMode,
  size,
  contractSize: size.optional(),
  entryPrice: price,
  markPrice: price,
  leverage: positionLeverage.optional(),
  isolatedMargin: nonNegative.optional(),
  maxLeverage: leverage.optional(),
  tiers: z.array(tierSchema, { error: expected('an array of tiers') }).optional(),
  ...positionModeFields,
});

const target = { symbol, side: side.optional() };
const opNames = [
  'addMargin',
  'removeMargin',
  'deposit',
  'withdraw',
  'setLeverage',
  'close',
  'add',
  'setMarginMode',
  'price',
  'funding',
] as const;

const whatIfSchema = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ op: z.literal('addMargin'), ...target, amount: positive }),
    z.strictObject({ op: z.literal('removeMargin'), ...target, amount: positive }),
    z.strictObject({ op: z.literal('deposit'), amount: positive }),
    z.strictObject({ op: z.literal('withdraw'), amount: positive }),
    z.strictObject({ op: z.literal('setLeverage'), ...target, leverage }),
    z
      .strictObject({
        op: z.literal('close'),
        ...target,
        fraction: positive.max(1, { error: 'expected a fraction above 0 and at most 1' }).optional(),
        size: size.optional(),
      })
      .refine((op) => (op.fraction === undefined) !== (op.size === undefined), {
        error: 'give exactly one of fraction and size',
        path: ['fraction'],
      }),
    z.strictObject({ op: z.literal('add'), ...target, size, price }),
    z.strictObject({ op: z.literal('setMarginMode'), ...target, marginMode }),
    z
      .strictObject({
        op: z.literal('price'),
        symbol: symbol.optional(),
        markPrice: price.optional(),
        change: priceChange.optional(),
      })
      .refine((op) => (op.markPrice === undefined) !== (op.change === undefined), {
        error: 'give exactly one of markPrice and change',
        path: ['markPrice'],
      })
      .refine((op) => op.markPrice === undefined || op.symbol !== undefined, {
        error: 'required with markPrice',
        path: ['symbol'],
      }),
    z.strictObject({
      op: z.literal('funding'),
      ...target,
      rate: fundingRate,
      hours: fundingHours,
      intervalHours: fundingInterval.optional(),
    }),
  ],
  { error: expected(`one of ${opNames.join(', ')}`) },
);

const questionSchema = z.discriminatedUnion(
  'ask',
  [
    z.strictObject({ ask: z.literal('collateralForTarget'), ...target, targetPrice: price }),
    z.strictObject({ ask: z.literal('leverageForTarget'), ...target, targetPrice: price }),
    z.strictObject({
      ask: z.literal('fundingDrift'),
      ...target,
      rate: fundingRate,
      hours: fundingHours,
      intervalHours: fundingInterval.optional(),
    }),
  ],
  { error: expected('one of collateralForTarget, leverageForTarget, fundingDrift') },
);

const accountJsonSchema = z.strictObject(
  {
    venue: z.enum(venues, { error: expected(`one of ${venues.join(', ')}`) }),
    positionMode: z.enum(positionModes, { error: expected(`one of ${positionModes.join(', ')}`) }),
    walletBalance: finite,
    takerFeeRate: fraction.optional(),
    positions: z.array(positionSchema, { error: expected('an array of positions') }),
    whatIf: z.array(whatIfSchema, { error: expected('an array of operations') }).optional(),
    questions: z.array(questionSchema, { error: expected('an array of questions') }).optional(),
    shock: shockSchema.optional(),
    ...accountModeFields,
  },
  { error: expected('a JSON object') },
);

/** The input after field checks, before the cross-field checks and the mapping to domain types. */
export type AccountJson = z.output<typeof accountJsonSchema>;

/**
 * The `liqlens risk` input: an account (venue, position mode, wallet balance, optional taker fee
 * rate, positions with tiers), optional `whatIf` operations, optional `questions` and an optional
 * `shock` (coins moved by hand or by beta to a reference, see input-shock.ts). Numbers are
 * in the units of RiskAccount; tiers use `mmr` for the maintenance rate and `deduction` as the venue
 * publishes it (default 0). Hyperliquid positions may give `maxLeverage` instead of `tiers`.
 * Isolated positions without `isolatedMargin` take `entry notional / leverage` (fees ignored).
 * Parses to `{ account: RiskAccount, whatIf: WhatIfOp[], questions: RiskQuestion[] }`; every
 * message names the field path and the problem.
 */
export const riskInputSchema = accountJsonSchema.superRefine(checkAccount).transform((input) => ({
  account: toAccount(input),
  whatIf: input.whatIf ?? [],
  questions: input.questions ?? [],
  shock: input.shock ?? null,
}));

/** The raw (pre-transform) input shape. */
export type RiskInputJson = z.input<typeof riskInputSchema>;
/** One question of the input. */
export type RiskQuestion = z.output<typeof questionSchema>;
/** The parsed input. */
export type ParsedRiskInput = z.output<typeof riskInputSchema>;
