/**
 * The user's settings as the renderer sees them. The zod schema lives beside its type because the
 * settings store parses the stored file with it and the contract derives the patch schema from it.
 */
import { z } from 'zod';

/** Themes the renderer can draw; dark is the default. */
export const ThemeSchema = z.enum(['dark', 'light']);
/** A theme the renderer can draw: one of `ThemeSchema`'s values. */
export type Theme = z.infer<typeof ThemeSchema>;

/** Settings the user can change; the store fills in defaults for missing fields. */
export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** How often the core publishes its heartbeat, in milliseconds. */
  heartbeatMs: z.number().int().min(250).max(60_000),
  /** Recordings older than this many whole days are removed (absent: the core's default, 90). */
  recordingRetentionDays: z.number().int().min(1).max(3650).optional(),
  /** The oldest recordings are removed until all fit in this many megabytes (absent: the default, 1024). */
  recordingRetentionMb: z.number().int().min(10).max(1_000_000).optional(),
  /** The user closed the first start's welcome: it does not open again on a reload (absent: not yet). */
  welcomeDismissed: z.boolean().optional(),
});
/** The user's settings, complete (defaults filled in). */
export type Settings = z.infer<typeof SettingsSchema>;
