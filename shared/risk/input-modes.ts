import { z } from 'zod';
import { accountModeIds } from '../domain/account-mode';
import { expected } from './input-expected';

const positive = z.number({ error: expected('a positive number') }).positive({ error: 'expected a positive number' });
const nonNegative = z.number({ error: expected('a number >= 0') }).min(0, { error: 'expected a number >= 0' });
const unit = z
  .number({ error: expected('a fraction from 0 to 1') })
  .min(0, { error: 'expected a fraction from 0 to 1' })
  .max(1, { error: 'expected a fraction from 0 to 1' });
const assetCode = z.string({ error: expected('an asset code') }).min(1, { error: 'expected an asset code' });

const valuationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('bid-ask'), bidBuffer: unit, askBuffer: nonNegative }),
    z.strictObject({
      kind: z.literal('tiered'),
      tiers: z
        .array(z.strictObject({ floor: nonNegative, cap: positive.nullable(), ratio: unit }), {
          error: expected('an array of tiers'),
        })
        .min(1, { error: 'expected at least one tier' }),
    }),
  ],
  { error: expected('one of bid-ask, tiered') },
);

/**
 * The account-mode fields of the `liqlens risk` input (docs/research/account-modes.md §1): the
 * mode, the collateral assets of a multi-asset mode (amount in the asset's units, USD index, the
 * venue's discount) and Hyperliquid unified's spot total. All optional.
 */
export const accountModeFields = {
  accountMode: z.enum(accountModeIds, { error: expected(`one of ${accountModeIds.join(', ')}`) }).optional(),
  collateral: z
    .array(
      z.strictObject({
        asset: assetCode,
        amount: z.number({ error: expected('a number') }),
        indexPriceUsd: positive,
        valuation: valuationSchema,
      }),
      { error: expected('an array of collateral assets') },
    )
    .optional(),
  spotQuoteTotal: z.number({ error: expected('a number') }).optional(),
};

/** The position fields of the account modes: an isolated-only market, and the settle asset. */
export const positionModeFields = {
  isolatedOnly: z.boolean({ error: expected('true or false') }).optional(),
  settleAsset: assetCode.optional(),
};
