import { z } from 'zod';
import { SettingsSchema, type Settings } from '../../../shared/ipc/views/settings';

/** Settings a new user starts with. */
export const defaultSettings: Settings = {
  theme: 'dark',
  heartbeatMs: 1000,
};

/**
 * The settings schema as conf/electron-store expect it (one JSON schema per top-level key),
 * derived from the contract's zod schema so there is one source of truth.
 */
export function settingsJsonSchema(): Record<string, object> {
  const json = z.toJSONSchema(SettingsSchema) as { properties?: Record<string, object> };
  const properties = json.properties ?? {};
  return Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => [
      key,
      { ...schema, default: defaultSettings[key as keyof Settings] },
    ]),
  );
}
