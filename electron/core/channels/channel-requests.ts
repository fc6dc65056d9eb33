import type { ChannelKind } from '../../../shared/ipc/views/channels';
import type { NotificationRequest } from '../ports';

/** A channel's stored settings that are not secret (see `ChannelSetup`). */
export type ChannelFields = Readonly<Record<string, string>>;

/** One HTTP request to a service. `url` may hold a secret: it is never logged or shown. */
export interface ChannelRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A notification as the channels send it: the desktop request and when it was made (Unix ms). */
export interface ChannelMessage extends NotificationRequest {
  readonly timeMs: number;
}

type Level = NotificationRequest['level'];
const json = { 'Content-Type': 'application/json' } as const;
/** docs/research/notification-channels.md §6: ntfy priority and tags, Discord colours per level. */
const ntfyPriority: Record<Level, string> = { info: '2', warning: '3', danger: '4', critical: '5' };
const ntfyTags: Record<Level, string> = {
  info: 'information_source',
  warning: 'warning',
  danger: 'warning',
  critical: 'rotating_light',
};
const discordColour: Record<Level, number> = {
  info: 0x3b82f6,
  warning: 0xf59e0b,
  danger: 0xf97316,
  critical: 0xef4444,
};

/** Drops a trailing slash so `server + '/' + path` never doubles it. */
function base(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Cuts text to a service's limit, marking the cut. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The request that delivers `message` on a channel, per the service's documented API
 * (docs/research/notification-channels.md §2, §3.1, §4.1, §5.1). `secret` is the bot token, the
 * webhook URL or the ntfy token (empty when ntfy runs without one).
 */
export function channelRequest(
  kind: ChannelKind,
  fields: ChannelFields,
  secret: string,
  message: ChannelMessage,
): ChannelRequest {
  switch (kind) {
    case 'telegram':
      return {
        url: `${base(fields['apiBase'] ?? 'https://api.telegram.org')}/bot${secret}/sendMessage`,
        headers: json,
        body: JSON.stringify({
          chat_id: fields['chatId'],
          text: cut(`${message.title}\n${message.body}`, 4096),
          disable_notification: message.level === 'info',
        }),
      };
    case 'discord':
      return {
        url: `${secret}${secret.includes('?') ? '&' : '?'}wait=true`,
        headers: json,
        body: JSON.stringify({
          content: cut(message.title, 2000),
          embeds: [
            {
              title: cut(message.title, 256),
              description: cut(message.body, 4096),
              color: discordColour[message.level],
              timestamp: new Date(message.timeMs).toISOString(),
            },
          ],
          // An alert's text must never ping a server's members.
          allowed_mentions: { parse: [] },
        }),
      };
    case 'ntfy':
      return {
        url: `${base(fields['server'] ?? 'https://ntfy.sh')}/${fields['topic'] ?? ''}`,
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          // Header values must be Latin-1; titles are ASCII apart from the symbol's own characters.
          Title: toHeaderText(message.title),
          Priority: ntfyPriority[message.level],
          Tags: ntfyTags[message.level],
          ...(secret === '' ? {} : { Authorization: `Bearer ${secret}` }),
        },
        body: message.body,
      };
    case 'webhook':
      return {
        url: secret,
        headers: json,
        body: JSON.stringify({
          source: 'liqlens',
          title: message.title,
          body: message.body,
          level: message.level,
          timeMs: message.timeMs,
          target: message.target ?? null,
        }),
      };
  }
}

/** Replaces characters an HTTP header cannot carry. */
function toHeaderText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

/** What a failed answer says: a line for people, and how long the service asked us to wait. */
export interface FailureReading {
  readonly detail: string;
  /** The service's own "retry after", ms; null when it gave none. */
  readonly retryAfterMs: number | null;
}

/**
 * Reads a non-2xx answer (docs/research/notification-channels.md §3.1, §4.1, §5.1): Telegram's
 * `description` and `parameters.retry_after` (s), Discord's `message` and `retry_after` (s), ntfy's
 * `error`, else the status text; a `Retry-After` header (s) counts too. Never echoes the request.
 */
export function readFailure(status: number, statusText: string, bodyText: string, retryAfterHeader: string | null) {
  let said: string | null = null;
  let retryAfterS: number | null = null;
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      const text = record['description'] ?? record['message'] ?? record['error'];
      if (typeof text === 'string') said = text;
      const parameters = record['parameters'];
      const nested =
        typeof parameters === 'object' && parameters !== null
          ? (parameters as Record<string, unknown>)['retry_after']
          : undefined;
      const wait = record['retry_after'] ?? nested;
      if (typeof wait === 'number' && Number.isFinite(wait) && wait >= 0) retryAfterS = wait;
    }
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  const header = retryAfterHeader === null ? NaN : Number(retryAfterHeader);
  if (retryAfterS === null && Number.isFinite(header) && header >= 0) retryAfterS = header;
  const reason = said ?? (statusText || 'error');
  // Telegram's description already starts with the status text ("Unauthorized"); keep one copy.
  const detail = `${status} ${reason}`.slice(0, 200);
  return { detail, retryAfterMs: retryAfterS === null ? null : Math.ceil(retryAfterS * 1000) } satisfies FailureReading;
}
