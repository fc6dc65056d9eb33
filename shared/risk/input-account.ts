import type { z } from 'zod';
import { accountModes } from '../domain/account-mode';
import { venueName } from '../domain/venue';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Tier } from '../domain/tier';
import type { AccountJson } from './input-schema';
import { legNotional, legTierIndex, makeLeg } from './leg';
import { hyperliquidTiers } from './tiers';
import { venueRules } from './venue-rules';

type PositionJson = AccountJson['positions'][number];

/**
 * Cross-field checks of the `risk` input, each reported on the field at fault: tiers present (or a
 * Hyperliquid `maxLeverage`), ascending and capped except the last; an isolated margin or a
 * leverage for isolated positions; no isolated margin on cross positions; one position per symbol
 * in one-way mode and per symbol and side in hedge mode; hedge mode only where the venue has it;
 * and, once all that holds, no tier deduction in force at the mark larger than the notional.
 */
export function checkAccount(input: AccountJson, context: z.RefinementCtx): void {
  let issues = 0;
  const issue = (path: (string | number)[], message: string): void => {
    issues++;
    context.addIssue({ code: 'custom', message, path });
  };
  if (input.positionMode === 'hedge' && !venueRules[input.venue].hedgeMode)
    issue(['positionMode'], `${venueName(input.venue)} has one-way positions only`);
  if (input.accountMode !== undefined && !accountModes[input.accountMode].venues.includes(input.venue))
    issue(['accountMode'], `${input.accountMode} is not a mode of ${venueName(input.venue)}`);
  const seen = new Set<string>();
  for (const [index, position] of input.positions.entries()) {
    const at = (...path: (string | number)[]): (string | number)[] => ['positions', index, ...path];
    const key = input.positionMode === 'hedge' ? `${position.symbol} ${position.side}` : position.symbol;
    if (seen.has(key)) issue(at('symbol'), `${key} appears twice in ${input.positionMode} mode`);
    seen.add(key);
    if (
      position.marginMode === 'isolated' &&
      position.isolatedMargin === undefined &&
      position.leverage === undefined
    ) {
      issue(at('isolatedMargin'), 'required for an isolated position (or give leverage)');
    }
    if (position.marginMode === 'cross' && (position.isolatedMargin ?? 0) > 0)
      issue(at('isolatedMargin'), 'only isolated positions hold their own margin');
    const tiers = position.tiers;
    if (tiers === undefined || tiers.length === 0) {
      if (input.venue !== 'hyperliquid') issue(at('tiers'), 'expected at least one tier');
      else if (position.maxLeverage === undefined) issue(at('maxLeverage'), 'required when tiers are not given');
      continue;
    }
    for (const [k, tier] of tiers.entries()) {
      const previous = tiers[k - 1];
      if (previous !== undefined && tier.floor <= previous.floor)
        issue(at('tiers', k, 'floor'), "expected above the previous tier's floor");
      if (tier.cap === null && k < tiers.length - 1) issue(at('tiers', k, 'cap'), 'only the last tier may have no cap');
      if (tier.cap !== null && tier.cap <= tier.floor) issue(at('tiers', k, 'cap'), 'expected above the floor');
    }
  }
  if (issues === 0) checkDeductions(input, issue);
}

/**
 * A deduction larger than the whole notional it applies to is a typing error (a cumulative
 * figure from the wrong tier, a misplaced decimal): it would turn the maintenance margin into a
 * large credit and the liquidation price into nonsense. Checked for the tier in force at the mark
 * (other tiers' deductions are legitimately larger than today's notional).
 */
function checkDeductions(input: AccountJson, issue: (path: (string | number)[], message: string) => void): void {
  const account = toAccount(input);
  for (const [index, position] of account.positions.entries()) {
    if (input.positions[index]?.tiers === undefined) continue;
    const leg = makeLeg(account, position);
    const tierIndex = legTierIndex(leg, position.markPrice);
    const notional = legNotional(leg, position.markPrice);
    const deduction = position.tiers[tierIndex]?.deduction ?? 0;
    if (deduction > notional)
      issue(
        ['positions', index, 'tiers', tierIndex, 'deduction'],
        `expected at most the position's notional at the mark (${Number(notional.toPrecision(8))})`,
      );
  }
}

/** Maps the checked input to the domain account, filling defaults (see riskInputSchema). */
export function toAccount(input: AccountJson): RiskAccount {
  return {
    venue: input.venue,
    positionMode: input.positionMode,
    walletBalance: input.walletBalance,
    takerFeeRate: input.takerFeeRate ?? 0,
    positions: input.positions.map((position) => toPosition(input, position)),
    ...(input.accountMode === undefined ? {} : { accountMode: input.accountMode }),
    ...(input.collateral === undefined ? {} : { collateral: input.collateral }),
    ...(input.spotQuoteTotal === undefined ? {} : { spotQuoteTotal: input.spotQuoteTotal }),
  };
}

function toPosition(input: AccountJson, position: PositionJson): RiskPosition {
  const contractSize = position.contractSize ?? 1;
  const leverage = position.leverage ?? null;
  const quantity = position.size * contractSize;
  const entryNotional =
    venueRules[input.venue].contractKind === 'inverse'
      ? quantity / position.entryPrice
      : quantity * position.entryPrice;
  const isolatedMargin =
    position.marginMode === 'cross'
      ? 0
      : (position.isolatedMargin ?? (leverage === null ? 0 : entryNotional / leverage));
  const tiers: Tier[] =
    position.tiers === undefined || position.tiers.length === 0
      ? hyperliquidTiers(position.maxLeverage ?? 1)
      : position.tiers.map((tier) => ({
          floor: tier.floor,
          cap: tier.cap,
          maintenanceMarginRate: tier.mmr,
          deduction: tier.deduction ?? 0,
          maxLeverage: tier.maxLeverage ?? null,
        }));
  return {
    symbol: position.symbol,
    side: position.side,
    marginMode: position.marginMode,
    size: position.size,
    contractSize,
    entryPrice: position.entryPrice,
    markPrice: position.markPrice,
    leverage,
    isolatedMargin,
    maxLeverage: position.maxLeverage ?? null,
    tiers,
    ...(position.isolatedOnly === undefined ? {} : { isolatedOnly: position.isolatedOnly }),
    ...(position.settleAsset === undefined ? {} : { settleAsset: position.settleAsset }),
  };
}
