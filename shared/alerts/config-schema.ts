import { z } from 'zod';
import { sides } from '../domain/side';
import { levelSchema } from './levels';
import type { AlertOverride } from './resolve-rules';
import { applyPatch, checkRuleSet, createRuleResolver } from './resolve-rules';
import type { RuleSet } from './rule-schemas';
import { defaultRules, ruleSetPatchSchema } from './rule-schemas';

/** True when `timeZone` is an IANA zone the runtime's Intl knows. */
function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00–23:59)');

/**
 * Quiet hours: from `start` to `end` (local wall clock in `timeZone`, wrapping past midnight when
 * start > end; start = end means none), events are still returned and recorded but flagged `silent`,
 * except the levels in `loudLevels` (cleared events are always silent then).
 */
export const quietHoursSchema = z.strictObject({
  enabled: z.boolean(),
  start: clockTime,
  end: clockTime,
  timeZone: z.string().min(1).max(64).refine(knownTimeZone, 'unknown time zone'),
  loudLevels: z.array(levelSchema).max(3),
});

/** Quiet hours, resolved. */
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** One override: an account (no symbol), a symbol of it (both sides) or one side of a symbol. */
export const alertOverrideSchema = z.strictObject({
  accountId: z.string().min(1).max(128),
  symbol: z.string().min(1).max(64).optional(),
  side: z.enum(sides).optional(),
  rules: ruleSetPatchSchema,
});

/**
 * What settings store: every part optional (missing = the defaults). Checked as a whole: the base
 * rules and every override, merged as the engine merges them, must keep graded levels in order.
 */
export const alertConfigSchema = z
  .strictObject({
    rules: ruleSetPatchSchema.optional(),
    overrides: z.array(alertOverrideSchema).max(1000).optional(),
    quietHours: quietHoursSchema.partial().optional(),
  })
  .superRefine((input, context) => {
    const config = mergeConfig(input);
    for (const message of checkRuleSet(config.rules)) context.addIssue({ code: 'custom', path: ['rules'], message });
    const resolver = createRuleResolver(config.rules, config.overrides);
    for (const [index, override] of config.overrides.entries()) {
      if (override.side !== undefined && override.symbol === undefined)
        context.addIssue({ code: 'custom', path: ['overrides', index, 'side'], message: 'a side needs a symbol' });
      // '' names no real symbol: an account-wide override is checked as a position no symbol override touches.
      for (const side of override.side === undefined ? sides : [override.side]) {
        const rules = resolver.rules(override.accountId, override.symbol ?? '', side);
        for (const message of checkRuleSet(rules))
          context.addIssue({ code: 'custom', path: ['overrides', index, 'rules'], message });
      }
    }
  });

/** The stored form of the configuration (every part optional). */
export type AlertConfigInput = z.input<typeof alertConfigSchema>;

/** The configuration with defaults filled in. */
export interface AlertConfig {
  readonly rules: RuleSet;
  readonly overrides: readonly AlertOverride[];
  readonly quietHours: QuietHours;
}

/** Quiet hours are off by default; when on, 23:00–07:00 UTC with only critical notifying. */
export const defaultQuietHours: QuietHours = {
  enabled: false,
  start: '23:00',
  end: '07:00',
  timeZone: 'UTC',
  loudLevels: ['critical'],
};

function mergeConfig(input: z.output<typeof alertConfigSchema>): AlertConfig {
  const quiet = input.quietHours ?? {};
  const fallback = defaultQuietHours;
  return {
    rules: applyPatch(defaultRules, input.rules),
    overrides: input.overrides ?? [],
    quietHours: {
      enabled: quiet.enabled ?? fallback.enabled,
      start: quiet.start ?? fallback.start,
      end: quiet.end ?? fallback.end,
      timeZone: quiet.timeZone ?? fallback.timeZone,
      loudLevels: quiet.loudLevels ?? fallback.loudLevels,
    },
  };
}

/**
 * Validates a stored configuration (e.g. a settings file) and fills the defaults. Returns the
 * errors as "path: message" lines instead of throwing.
 */
export function parseAlertConfig(
  input: unknown,
): { readonly ok: true; readonly config: AlertConfig } | { readonly ok: false; readonly errors: readonly string[] } {
  const parsed = alertConfigSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`),
    };
  return { ok: true, config: mergeConfig(parsed.data) };
}

/** The default configuration (`parseAlertConfig({})`). */
export function defaultAlertConfig(): AlertConfig {
  return { rules: defaultRules, overrides: [], quietHours: defaultQuietHours };
}
