import { describe, expect, it } from 'vitest';
import { parseAlertConfig } from './config-schema';
import type { AlertOverride } from './resolve-rules';
import { createRuleResolver } from './resolve-rules';
import { defaultRules } from './rule-schemas';

describe('rules of a position under many overrides', () => {
  const overrides: AlertOverride[] = [
    { accountId: 'a', symbol: 'BTC', side: 'short', rules: { stale: { afterMs: 3_000 } } },
    { accountId: 'a', symbol: 'BTC', rules: { stale: { afterMs: 2_000, cooldownMs: 5_000 } } },
    { accountId: 'a', rules: { stale: { afterMs: 1_000, level: 'warning' } } },
    { accountId: 'a', rules: { stale: { afterMs: 4_000 } } },
    { accountId: 'b', symbol: 'BTC', rules: { stale: { enabled: false } } },
  ];
  const resolver = createRuleResolver(defaultRules, overrides);
  it.each([
    // More specific wins whatever the list order; equal ones apply in list order (the later 4 s).
    { accountId: 'a', symbol: 'ETH', side: 'long', stale: { afterMs: 4_000, level: 'warning', cooldownMs: 60_000 } },
    { accountId: 'a', symbol: 'BTC', side: 'long', stale: { afterMs: 2_000, level: 'warning', cooldownMs: 5_000 } },
    { accountId: 'a', symbol: 'BTC', side: 'short', stale: { afterMs: 3_000, level: 'warning', cooldownMs: 5_000 } },
    { accountId: 'b', symbol: 'ETH', side: 'long', stale: { afterMs: 15_000, level: 'danger', cooldownMs: 60_000 } },
  ] as const)('$accountId $symbol $side', ({ accountId, symbol, side, stale }) => {
    // Asked twice: the second answer comes from what the first merged.
    for (let round = 0; round < 2; round += 1)
      expect(resolver.rules(accountId, symbol, side).stale).toMatchObject({ ...stale, enabled: true });
  });

  it('leaves a position no override names on the base rules', () => {
    expect(resolver.rules('c', 'BTC', 'long')).toBe(defaultRules);
    expect(resolver.rules('b', 'BTC', 'long').stale.enabled).toBe(false);
  });

  it('checks every one of 1,000 overrides and names the one that breaks the level order', () => {
    const many = Array.from({ length: 1000 }, (_unused, index) => ({
      accountId: 'a',
      rules: { marginRatio: { levels: { warning: index === 999 ? 0.95 : 0.5 } } },
    }));
    const parsed = parseAlertConfig({ overrides: many });
    expect(parsed.ok).toBe(false);
    // Every account-wide override of `a` merges into the same broken rules (checked on both sides), so each is named.
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toHaveLength(2000);
    for (const index of [0, 999])
      expect(errors).toContainEqual(
        expect.stringMatching(new RegExp(`^overrides\\.${index}\\.rules: marginRatio levels`)),
      );
    expect(parseAlertConfig({ overrides: many.slice(0, 999) }).ok).toBe(true);
  });
});
