import type { z } from 'zod';
import type { ParsedRiskInput } from './input-schema';
import { riskInputSchema } from './input-schema';

/** A field path as written in messages: `positions[0].entryPrice`; the root is `input`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  return text === '' ? 'input' : text;
}

/** One line naming the field and the problem, e.g. `positions[0].entryPrice: expected a positive number`. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `${formatPath([...issue.path, issue.keys[0] ?? ''])}: unknown field`;
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * Parses `risk` input text: JSON, then the schema. Returns the parsed input, or one line naming
 * the first problem (the field path and what is wrong).
 */
export function parseRiskInput(
  text: string,
): { readonly ok: true; readonly value: ParsedRiskInput } | { readonly ok: false; readonly error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 quotes the input around the bad token, newlines included: fold whitespace so the CLI's
    // promise of exactly one stderr line holds (found by test/fuzz/risk-cli.fuzz.test.ts).
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    return { ok: false, error: `input: not valid JSON (${reason})` };
  }
  const parsed = riskInputSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, error: first === undefined ? 'input: invalid' : formatIssue(first) };
}
