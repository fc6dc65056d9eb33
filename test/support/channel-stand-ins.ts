/**
 * Local stand-ins for the services LiqLens notifies, on 127.0.0.1 with a random port. Each checks
 * the path, method, headers and body the real service requires and answers with the real service's
 * success and error bodies (docs/research/notification-channels.md §3.1, §4.1, §5.1). A request of
 * the wrong shape gets the service's own 400, so a test that sends it sees a failure, not a pass.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in received and accepted. */
export interface Received {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly json: Record<string, unknown> | null;
}

/** A forced answer for the next request, before the normal checks: what a busy or broken service says. */
export type ForcedAnswer = 'rate-limited' | 'server-error';

/** A running stand-in. */
export interface StandIn {
  /** Base URL, no trailing slash. */
  readonly url: string;
  /** Accepted (delivered) requests, oldest first. */
  readonly received: readonly Received[];
  /** Every answer status sent, in order (accepted and refused). */
  readonly answers: readonly number[];
  /** The next requests get these answers first, in order. */
  force(...answers: ForcedAnswer[]): void;
  /** Resolves once `count` requests were accepted. */
  deliveries(count: number): Promise<readonly Received[]>;
  stop(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

type Handler = (request: IncomingMessage, url: URL, body: string, json: Record<string, unknown> | null) => Reply;
type Forced = (force: ForcedAnswer) => Reply;

async function startStandIn(handle: Handler, forced: Forced): Promise<StandIn> {
  const received: Received[] = [];
  const answers: number[] = [];
  const pending: ForcedAnswer[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let json: Record<string, unknown> | null = null;
      try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>;
      } catch {
        json = null;
      }
      const next = pending.shift();
      const reply = next ? forced(next) : handle(request, url, body, json);
      if (!next && reply.status < 300) received.push({ path: url.pathname, headers: request.headers, body, json });
      answers.push(reply.status);
      response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      response.end(reply.status === 204 ? undefined : JSON.stringify(reply.body));
      for (const check of [...waiters]) check();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answers,
    force: (...next) => pending.push(...next),
    deliveries: (count) =>
      new Promise((resolve) => {
        const check = (): void => {
          if (received.length < count) return;
          waiters.delete(check);
          resolve(received);
        };
        waiters.add(check);
        check();
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isJson = (request: IncomingMessage): boolean =>
  (request.headers['content-type'] ?? '').startsWith('application/json');

/** The Telegram Bot API's sendMessage for one bot token and one chat. */
export function startTelegramStandIn(token: string, chatId: string): Promise<StandIn> {
  let messageId = 0;
  const fail = (status: number, description: string, extra: object = {}): Reply => ({
    status,
    body: { ok: false, error_code: status, description, ...extra },
  });
  return startStandIn(
    (request, url, _body, json) => {
      const match = /^\/bot([^/]+)\/sendMessage$/.exec(url.pathname);
      if (request.method !== 'POST' || !match) return fail(404, 'Not Found');
      if (match[1] !== token) return fail(401, 'Unauthorized');
      if (!isJson(request) || !json) return fail(400, 'Bad Request: message text is empty');
      if (String(json['chat_id']) !== chatId) return fail(400, 'Bad Request: chat not found');
      const text = json['text'];
      if (typeof text !== 'string' || text.length === 0) return fail(400, 'Bad Request: message text is empty');
      if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
      messageId += 1;
      return {
        status: 200,
        body: {
          ok: true,
          result: {
            message_id: messageId,
            from: { id: 7000000001, is_bot: true, first_name: 'LiqLens', username: 'liqlens_bot' },
            chat: { id: Number(chatId), type: 'private' },
            date: 1764806400,
            text,
          },
        },
      };
    },
    (force) =>
      force === 'rate-limited'
        ? fail(429, 'Too Many Requests: retry after 1', { parameters: { retry_after: 1 } })
        : fail(502, 'Bad Gateway'),
  );
}

/** Discord's execute-webhook endpoint for one webhook id and token. */
export function startDiscordStandIn(id: string, token: string): Promise<StandIn> {
  let messageId = 1180000000000000000n;
  return startStandIn(
    (request, url, _body, json) => {
      const match = /^\/api\/webhooks\/(\d+)\/([^/]+)$/.exec(url.pathname);
      if (request.method !== 'POST' || !match || match[1] !== id)
        return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      if (match[2] !== token) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
      if (!isJson(request) || !json)
        return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
      const content = json['content'];
      const embeds = json['embeds'];
      const hasContent = typeof content === 'string' && content.length > 0 && content.length <= 2000;
      const hasEmbeds = Array.isArray(embeds) && embeds.length > 0 && embeds.length <= 10;
      if (!hasContent && !hasEmbeds)
        return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
      if (url.searchParams.get('wait') !== 'true') return { status: 204, body: null };
      messageId += 1n;
      return {
        status: 200,
        body: { id: String(messageId), type: 0, content, embeds, channel_id: '1170000000000000000', webhook_id: id },
      };
    },
    (force) =>
      force === 'rate-limited'
        ? {
            status: 429,
            body: { message: 'You are being rate limited.', retry_after: 0.25, global: false },
            headers: { 'Retry-After': '1', 'X-RateLimit-Remaining': '0' },
          }
        : { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
  );
}

/** An ntfy server with one topic, protected by an access token when one is given. */
export function startNtfyStandIn(topic: string, accessToken?: string): Promise<StandIn> {
  let seq = 0;
  const error = (status: number, code: number, text: string): Reply => ({
    status,
    body: { code, http: status, error: text, link: 'https://ntfy.sh/docs/publish/' },
  });
  return startStandIn(
    (request, url, body) => {
      if (request.method !== 'POST' && request.method !== 'PUT') return error(405, 40501, 'method not allowed');
      if (url.pathname !== `/${topic}`) return error(403, 40301, 'forbidden');
      if (accessToken !== undefined && request.headers.authorization !== `Bearer ${accessToken}`)
        return error(401, 40101, 'unauthorized');
      const priority = Number(request.headers['priority'] ?? '3');
      if (!Number.isInteger(priority) || priority < 1 || priority > 5)
        return error(400, 40007, 'invalid request: priority invalid');
      seq += 1;
      const tags = request.headers['tags'];
      return {
        status: 200,
        body: {
          id: `sPs71M8A2T${seq}`,
          time: 1764806400 + seq,
          expires: 1764849600 + seq,
          event: 'message',
          topic,
          title: request.headers['title'],
          message: body,
          priority,
          ...(typeof tags === 'string' ? { tags: tags.split(',') } : {}),
        },
      };
    },
    (force) =>
      force === 'rate-limited'
        ? error(429, 42901, 'limit reached: too many requests')
        : error(500, 50001, 'internal server error'),
  );
}

/** A generic webhook receiver at `/hook/<secret>` that takes LiqLens's JSON. */
export function startWebhookStandIn(secret: string): Promise<StandIn> {
  return startStandIn(
    (request, url, _body, json) => {
      if (request.method !== 'POST' || url.pathname !== `/hook/${secret}`)
        return { status: 404, body: { error: 'no such hook' } };
      if (!isJson(request) || !json || typeof json['title'] !== 'string' || typeof json['level'] !== 'string')
        return { status: 422, body: { error: 'expected LiqLens JSON' } };
      return { status: 200, body: { received: true } };
    },
    (force) =>
      force === 'rate-limited'
        ? { status: 429, body: { error: 'slow down' } }
        : { status: 503, body: { error: 'unavailable' } },
  );
}
