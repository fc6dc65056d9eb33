/**
 * Notification channels as the renderer sees them, and the settings it sends to set one up. The zod
 * schema lives here because it defines `ChannelSetup`. Secrets (a bot token, a webhook URL, an ntfy
 * token) travel only towards the core; what comes back is whether one is stored and its last four
 * characters. Request shapes per service: docs/research/notification-channels.md §1.
 */
import { z } from 'zod';

/** The channels LiqLens can deliver to besides the desktop, in the order the settings show them. */
export const channelKinds = ['telegram', 'discord', 'ntfy', 'webhook'] as const;
/** One of `channelKinds`. */
export type ChannelKind = (typeof channelKinds)[number];

/** How each channel is named on screen. */
export const channelNames: Record<ChannelKind, string> = {
  telegram: 'Telegram',
  discord: 'Discord',
  ntfy: 'ntfy',
  webhook: 'Webhook',
};

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(512);
/** A secret typed by the user; absent keeps the stored one. */
const secret = (what: string) => z.string().trim().min(8, `looks too short for ${what}`).max(512).optional();

/** Setting up (or changing) one channel. A secret left out keeps the one already stored. */
export const ChannelSetupSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('telegram'),
      enabled: z.boolean(),
      /** The chat's numeric id, or `@channelusername`. */
      chatId: z
        .string()
        .trim()
        .regex(/^(-?\d{1,20}|@\w{4,64})$/, 'a numeric chat id or @channelname'),
      /** The Bot API server; absent: https://api.telegram.org. */
      apiBase: httpUrl.optional(),
      botToken: secret('a bot token'),
    })
    .strict(),
  z.object({ kind: z.literal('discord'), enabled: z.boolean(), webhookUrl: httpUrl.optional() }).strict(),
  z
    .object({
      kind: z.literal('ntfy'),
      enabled: z.boolean(),
      /** The ntfy server; absent: https://ntfy.sh. */
      server: httpUrl.optional(),
      topic: z
        .string()
        .trim()
        .regex(/^[-_A-Za-z0-9]{1,64}$/, 'letters, digits, - and _ only (up to 64)'),
      token: secret('an access token'),
    })
    .strict(),
  z.object({ kind: z.literal('webhook'), enabled: z.boolean(), url: httpUrl.optional() }).strict(),
]);
/** One channel's settings as sent by the renderer or the CLI. */
export type ChannelSetup = z.infer<typeof ChannelSetupSchema>;

/** What happened to the latest delivery on a channel. */
export interface DeliveryStatus {
  /** `retrying`: the last attempt failed in a way worth retrying, another attempt is scheduled. */
  readonly state: 'delivered' | 'retrying' | 'failed' | 'dropped';
  /** For people: "delivered", "failed: 401 Unauthorized", "retrying in 2 s: 503 Service Unavailable". */
  readonly detail: string;
  /** When this state was reached, Unix ms. */
  readonly atMs: number;
}

/** One channel as the settings show it. */
export interface ChannelView {
  readonly kind: ChannelKind;
  readonly enabled: boolean;
  /** Whether its secret is stored (in web mode secrets last for the host's run only). */
  readonly configured: boolean;
  /** The secret's last four characters behind dots ("••••abcd"); null when none is stored. */
  readonly secretHint: string | null;
  /**
   * Saved with a secret that is gone (web mode keeps secrets for the host's run only; a damaged
   * secrets file is set aside): it sends nothing until the secret is given again or it is removed.
   */
  readonly secretNeeded: boolean;
  /** The parts that are not secret: Telegram `chatId`, `apiBase`; ntfy `server`, `topic`. */
  readonly fields: Readonly<Record<string, string>>;
  readonly status: DeliveryStatus | null;
  /** Notifications waiting for their turn on this channel. */
  readonly queued: number;
}

/** A delivery that did not arrive, tied to the alert it was for. */
export interface DeliveryFailure {
  /** The alert event the notification was for. */
  readonly eventId: string;
  readonly kind: ChannelKind;
  readonly detail: string;
  readonly atMs: number;
}

/** Every channel, and the recent failed deliveries (newest first, at most 100). */
export interface ChannelsView {
  /** Where the channels' secrets are kept: the system keychain, or (web mode) memory for this run only. */
  readonly secretStorage: 'keychain' | 'memory';
  readonly channels: readonly ChannelView[];
  readonly failures: readonly DeliveryFailure[];
}

/** What one channel did with the test notification. */
export interface TestOutcome {
  /** `desktop`: the system's notifications; `log`: a host without them wrote it to its log. */
  readonly channel: 'desktop' | 'log' | ChannelKind;
  readonly ok: boolean;
  /** For people: "shown", "delivered", "failed: 401 Unauthorized". */
  readonly detail: string;
}

/** The answer to "send a test notification": one outcome per channel the core drives. */
export interface TestReport {
  readonly outcomes: readonly TestOutcome[];
}
