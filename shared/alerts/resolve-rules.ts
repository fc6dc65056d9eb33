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
function assignDefined<T extends object>(base: T, patch: object): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch) as [string, unknown][]) {
    if (value === undefined) continue;
    merged[key] =
      key === 'levels' && typeof value === 'object' ? assignDefined(merged[key] as object, value as object) : value;
  }
  return merged as T;
}

/**
 * `base` with every field the patch defines replaced (levels merged one by one). Rules the patch
 * leaves alone are shared with `base`, not copied: a configuration merges thousands of patches.
 */
export function applyPatch(base: RuleSet, patch: RuleSetPatch | undefined): RuleSet {
  if (patch === undefined) return base;
  let merged: Record<string, unknown> | undefined;
  for (const kind of ruleKinds) {
    const part = patch[kind];
    if (part === undefined) continue;
    merged ??= { ...base };
    merged[kind] = assignDefined(base[kind], part);
  }
  return (merged ?? base) as RuleSet;
}

/** The rules of one tier for each side, merged on first use. */
type MergedBySide = Partial<Record<Side, RuleSet>>;

/** The overrides of one symbol of an account, each list in list order. */
interface SymbolOverrides {
  readonly both: AlertOverride[];
  readonly sided: AlertOverride[];
  readonly merged: MergedBySide;
}

/** The overrides of one account: those with no symbol (an optional side still narrows them), then by symbol. */
interface AccountOverrides {
  readonly general: AlertOverride[];
  readonly symbols: Map<string, SymbolOverrides>;
  readonly merged: MergedBySide;
}

/** Resolves the rules of many positions of one configuration; see `createRuleResolver`. */
export interface RuleResolver {
  /** The rules of one position, as `resolveRules` gives them. */
  rules(accountId: string, symbol: string, side: Side): RuleSet;
}

function applyInOrder(rules: RuleSet, list: readonly AlertOverride[], side: Side): RuleSet {
  let result = rules;
  for (const override of list)
    if (override.side === undefined || override.side === side) result = applyPatch(result, override.rules);
  return result;
}

/**
 * A resolver of one configuration: the overrides are indexed once and each tier (account, then
 * symbol, then symbol and side) is merged once per side and kept, so resolving every position a
 * configuration names costs O(overrides) patches. Resolving each against the whole list costs
 * O(overrides²): seconds at the allowed 1,000 overrides.
 */
export function createRuleResolver(base: RuleSet, overrides: readonly AlertOverride[]): RuleResolver {
  const accounts = new Map<string, AccountOverrides>();
  for (const override of overrides) {
    let account = accounts.get(override.accountId);
    if (account === undefined)
      accounts.set(override.accountId, (account = { general: [], symbols: new Map(), merged: {} }));
    if (override.symbol === undefined) {
      account.general.push(override);
      continue;
    }
    let symbol = account.symbols.get(override.symbol);
    if (symbol === undefined) account.symbols.set(override.symbol, (symbol = { both: [], sided: [], merged: {} }));
    (override.side === undefined ? symbol.both : symbol.sided).push(override);
  }
  return {
    rules(accountId, symbol, side) {
      const account = accounts.get(accountId);
      if (account === undefined) return base;
      const accountRules = (account.merged[side] ??= applyInOrder(base, account.general, side));
      const symbolOverrides = account.symbols.get(symbol);
      if (symbolOverrides === undefined) return accountRules;
      return (symbolOverrides.merged[side] ??= applyInOrder(
        applyInOrder(accountRules, symbolOverrides.both, side),
        symbolOverrides.sided,
        side,
      ));
    },
  };
}

/**
 * The rules for one position: `base`, then the account's overrides, then the symbol's, then the
 * symbol-and-side's (more specific wins; equal ones apply in list order). For many positions of one
 * configuration, `createRuleResolver` does the work once.
 */
export function resolveRules(
  base: RuleSet,
  overrides: readonly AlertOverride[],
  accountId: string,
  symbol: string,
  side: Side,
): RuleSet {
  return createRuleResolver(base, overrides).rules(accountId, symbol, side);
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
