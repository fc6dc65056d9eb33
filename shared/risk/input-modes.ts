import { z } from 'zod';
import { accountModeIds } from '../domain/account-mode';
import { expected, finite, nonNegative, positive, price } from './input-numbers';

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
        amount: finite,
        indexPriceUsd: price,
        valuation: valuationSchema,
      }),
      { error: expected('an array of collateral assets') },
    )
    .optional(),
  spotQuoteTotal: finite.optional(),
};

/** The position fields of the account modes: an isolated-only market, and the settle asset. */
export const positionModeFields = {
  isolatedOnly: z.boolean({ error: expected('true or false') }).optional(),
  settleAsset: assetCode.optional(),
};
