import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ChannelSetupSchema, type ChannelSetup } from '../../shared/ipc/views/channels';

/**
 * The `--channels FILE` of `liqlens watch`: JSON naming the channels to deliver to, each with its
 * secret, for example
 * `{"telegram":{"botToken":"…","chatId":"123"},"discord":{"webhookUrl":"…"},"ntfy":{"topic":"…","server":"…","token":"…"},"webhook":{"url":"…"}}`.
 * Every field is the one the alert settings take (`ChannelSetup`, without `kind` and `enabled`).
 */
const fileSchema = z
  .object({
    telegram: z.record(z.string(), z.unknown()).optional(),
    discord: z.record(z.string(), z.unknown()).optional(),
    ntfy: z.record(z.string(), z.unknown()).optional(),
    webhook: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/**
 * Reads and checks a channels file. Throws one line naming the file and the field that is wrong,
 * never a value (the file holds tokens).
 */
export function readChannelsFile(path: string): ChannelSetup[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    // The cause is left out on purpose: a JSON parse error quotes the file, which holds tokens.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`--channels: ${missing ? `no file at ${path}` : `${path} is not valid JSON`}`);
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success)
    throw new Error('--channels: expected an object with any of "telegram", "discord", "ntfy", "webhook"');
  return Object.entries(file.data).flatMap(([kind, fields]) => {
    if (fields === undefined) return [];
    const setup = ChannelSetupSchema.safeParse({ ...fields, kind, enabled: true });
    if (setup.success) return [setup.data];
    const issue = setup.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'a field';
    throw new Error(`--channels: ${kind}.${where}: ${issue?.message ?? 'invalid'}`);
  });
}
