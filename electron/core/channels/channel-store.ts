import { join } from 'node:path';
import { z } from 'zod';
import { channelKinds, type ChannelKind, type ChannelSetup } from '../../../shared/ipc/views/channels';
import { readJsonFile, writeJsonFileAtomic, type JsonRead } from '../storage/json-file';
import type { ChannelFields } from './channel-requests';

/** One channel's saved settings: on or off, and its fields that are not secret. */
export interface SavedChannel {
  readonly enabled: boolean;
  readonly fields: ChannelFields;
  /**
   * Whether a secret was given for it (never the secret): where the secret is optional (ntfy), this
   * is how a token lost with the secret store is told apart from a channel that never had one.
   */
  readonly secretSaved?: boolean | undefined;
}

/** Every saved channel by kind. */
export type SavedChannels = Partial<Record<ChannelKind, SavedChannel>>;

const savedChannelSchema = z.object({
  enabled: z.boolean(),
  fields: z.record(z.string(), z.string().max(512)),
  secretSaved: z.boolean().optional(),
});
const fileSchema = z.object({
  version: z.literal(1),
  channels: z.partialRecord(z.enum(channelKinds), savedChannelSchema),
});

/** The secret store's key for a channel's secret. */
export function secretKeyOf(kind: ChannelKind): string {
  return `channel:${kind}`;
}

/** Where the channel settings live in the data folder (secrets live in the secret store, never here). */
export function channelsFilePath(dataDir: string): string {
  return join(dataDir, 'alerts', 'channels.json');
}

/** Reads the saved channels; a damaged file is set aside with a problem to show. */
export function readSavedChannels(filePath: string, nowMs: number): JsonRead<SavedChannels> {
  const read = readJsonFile(filePath, fileSchema.nullable(), null, nowMs, 'notification channel settings');
  return { ...read, value: read.value?.channels ?? {} };
}

/** Saves the channels atomically. */
export function writeSavedChannels(filePath: string, channels: SavedChannels): void {
  writeJsonFileAtomic(filePath, { version: 1, channels });
}

/** Splits a setup into what is saved in the file and the secret (undefined: keep the stored one). */
export function splitSetup(setup: ChannelSetup): { readonly saved: SavedChannel; readonly secret: string | undefined } {
  switch (setup.kind) {
    case 'telegram':
      return {
        saved: {
          enabled: setup.enabled,
          fields: { chatId: setup.chatId, ...(setup.apiBase ? { apiBase: setup.apiBase } : {}) },
        },
        secret: setup.botToken,
      };
    case 'discord':
      return { saved: { enabled: setup.enabled, fields: {} }, secret: setup.webhookUrl };
    case 'ntfy':
      return {
        saved: {
          enabled: setup.enabled,
          fields: { topic: setup.topic, ...(setup.server ? { server: setup.server } : {}) },
        },
        secret: setup.token,
      };
    case 'webhook':
      return { saved: { enabled: setup.enabled, fields: {} }, secret: setup.url };
  }
}

/** What each channel's secret is called in messages. */
export const secretNames: Record<ChannelKind, string> = {
  telegram: 'bot token',
  discord: 'webhook URL',
  ntfy: 'access token',
  webhook: 'URL',
};

/** Whether a channel can send without a secret (ntfy topics may be open). */
export function secretOptional(kind: ChannelKind): boolean {
  return kind === 'ntfy';
}

/** "••••abcd": enough to recognise a secret, never enough to use it. */
export function secretHint(secret: string): string {
  return `••••${secret.slice(-4)}`;
}
