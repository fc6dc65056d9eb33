import { z } from 'zod';
import { SettingsSchema, type Settings } from '../../../shared/ipc/views/settings';

/** Settings a new user starts with. */
export const defaultSettings: Settings = {
  theme: 'dark',
  heartbeatMs: 1000,
};

/**
 * The settings schema as conf/electron-store expect it (one JSON schema per top-level key), derived
 * from the contract's zod schema so there is one source of truth. It carries no defaults on purpose:
 * conf would write a file whenever defaults add to it (at construction, on a possibly full disk);
 * the store fills defaults in on read and writes the file itself.
 */
export function settingsJsonSchema(): Record<string, object> {
  const json = z.toJSONSchema(SettingsSchema) as { properties?: Record<string, object> };
  return json.properties ?? {};
}
