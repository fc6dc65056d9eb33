import type { Side } from '../domain/side';
import type { GradedLevels, RuleKind, RuleSet, RuleSetPatch } from './rule-schemas';
import { ruleKinds } from './rule-schemas';

/** A per-account (no symbol) or per-position (symbol, optionally side) patch of the rule set. */
export interface AlertOverride {
  readonly accountId: string;
  readonly symbol?: string | undefined;
  readonly side?: Side | undefined;
  readonly rules: RuleSetPatch;
}

/** Copies the defined fields of `patch` over `base` (a parsed patch holds only valid values). */
function assignDefined<T extends object>(base: T, patch: object | undefined): T {
  if (patch === undefined) return base;
  const merged: Record<string, unknown> = Object.fromEntries(Object.entries(base));
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    merged[key] =
      key === 'levels' && typeof value === 'object' ? assignDefined(merged[key] as object, value as object) : value;
  }
  return merged as T;
}

/** `base` with every field the patch defines replaced (levels merged one by one). */
export function applyPatch(base: RuleSet, patch: RuleSetPatch | undefined): RuleSet {
  if (patch === undefined) return base;
  const merged: Record<string, unknown> = {};
  for (const kind of ruleKinds) merged[kind] = assignDefined(base[kind], patch[kind]);
  return merged as RuleSet;
}

function specificity(override: AlertOverride): number {
  return override.symbol === undefined ? 0 : override.side === undefined ? 1 : 2;
}

/**
 * The rules for one position: `base`, then the account's overrides, then the symbol's, then the
 * symbol-and-side's (more specific wins; equal ones apply in list order).
 */
export function resolveRules(
  base: RuleSet,
  overrides: readonly AlertOverride[],
  accountId: string,
  symbol: string,
  side: Side,
): RuleSet {
  const matching = overrides.filter(
    (override) =>
      override.accountId === accountId &&
      (override.symbol === undefined || override.symbol === symbol) &&
      (override.side === undefined || override.side === side),
  );
  if (matching.length === 0) return base;
  const ordered = matching
    .map((override, order) => ({ override, order }))
    .sort((a, b) => specificity(a.override) - specificity(b.override) || a.order - b.order);
  return ordered.reduce((rules, { override }) => applyPatch(rules, override.rules), base);
}

function ordered(kind: RuleKind, levels: GradedLevels, rising: boolean): string | null {
  const { warning, danger, critical } = levels;
  const ok = rising ? warning < danger && danger < critical : warning > danger && danger > critical;
  if (ok && warning > 0 && critical > 0) return null;
  const order = rising ? 'warning < danger < critical' : 'warning > danger > critical';
  return `${kind} levels must be above 0 and ordered ${order} (got ${warning} / ${danger} / ${critical})`;
}

/** Why a merged rule set is unusable (graded levels out of order or at 0), or an empty list. */
export function checkRuleSet(rules: RuleSet): string[] {
  const issues = [
    ordered('marginRatio', rules.marginRatio.levels, true),
    ordered('distance', rules.distance.levels, false),
  ];
  return issues.filter((issue): issue is string => issue !== null);
}
