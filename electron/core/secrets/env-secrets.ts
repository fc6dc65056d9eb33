import { z } from 'zod';

/** The environment variable that hands API keys to web mode and the CLI for this run. */
export const keysEnvName = 'LIQLENS_ACCOUNT_KEYS';

const KeysSchema = z.record(
  z.string().min(1).max(128),
  z
    .object({
      apiKey: z.string().min(8).max(256),
      secret: z.string().min(8).max(256),
      password: z.string().max(128).optional(),
    })
    .strict(),
);

/**
 * Keys supplied by environment for accounts saved in the data folder (web mode and the CLI keep keys
 * in memory only, so without this a saved key account cannot reopen there):
 * `LIQLENS_ACCOUNT_KEYS='{"<account id>":{"apiKey":"…","secret":"…","password":"…"}}'`.
 * Returns the secret-store entries, or throws one line naming what is wrong — never the values.
 */
export function keysFromEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const text = env[keysEnvName];
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${keysEnvName} is not valid JSON.`);
  }
  const parsed = KeysSchema.safeParse(raw);
  if (!parsed.success) {
    // The path names the account and field; the message never carries the value.
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the value';
    throw new Error(
      `${keysEnvName}: ${where} is not a valid key entry ({"apiKey","secret","password"?} per account id).`,
    );
  }
  return Object.fromEntries(Object.entries(parsed.data).map(([id, key]) => [`account:${id}`, JSON.stringify(key)]));
}
