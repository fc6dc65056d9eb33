import type { WebSocket } from 'ws';
import { eventNames } from '../../shared/ipc/contract';
import { handlerFailure, parseRequest, type Envelope, type ParsedRequest } from '../../shared/ipc/envelope';
import { ClientMessageSchema, type HostMessage } from '../../shared/ipc/wire';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { rawDataToText } from '../base/raw-data';
import type { MarketViewers } from './market-viewers';
import { createTokenBucket, defaultRateLimit, type RateLimit } from './rate-limit';

/**
 * Bytes a client may leave unread before it is dropped: a few seconds of the busiest market's
 * updates, so a slow tab survives but one that stopped reading cannot grow the process without end.
 */
export const defaultMaxBufferedBytes = 8 * 1024 * 1024;

/** What one contract socket may cost the host. */
export interface ContractSocketLimits {
  /** Unread bytes past which the socket is closed (default `defaultMaxBufferedBytes`). */
  readonly maxBufferedBytes?: number;
  /** Requests per client (default `defaultRateLimit`); a request past it is answered `rate-limited`. */
  readonly rateLimit?: RateLimit;
  /** Which clients show which market, shared by the host's sockets (market sessions released on leave). */
  readonly viewers?: MarketViewers;
}

/** WebSocket close code for a client dropped for not reading (RFC 6455, section 7.4.1: 1008, policy violation). */
export const unreadCloseCode = 1008;

/**
 * Carries the contract over one authenticated WebSocket: every frame is parsed and validated
 * exactly as Electron's IPC handler does, answered with an envelope, and every core event is
 * pushed. A bad frame gets a clear error and the socket stays open. A client that leaves more than
 * `maxBufferedBytes` unread is closed; one that sends faster than its rate limit is refused per
 * request; the markets it showed are released when it goes.
 */
export function serveContract(socket: WebSocket, core: Core, logger: Logger, limits: ContractSocketLimits = {}): void {
  const maxBufferedBytes = limits.maxBufferedBytes ?? defaultMaxBufferedBytes;
  const bucket = createTokenBucket(limits.rateLimit ?? defaultRateLimit);
  const client = Symbol('web client');
  const send = (message: HostMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      logger.warn('web client dropped: it stopped reading', { bufferedBytes: socket.bufferedAmount });
      // terminate(), not close(): a close frame would queue behind what the client does not read.
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const unsubscribes = eventNames.map((event) =>
    core.on(event, (payload) => send({ type: 'event', event, payload } as HostMessage)),
  );
  // Without a listener, a protocol error (such as an oversized frame) would crash the host.
  socket.on('error', (error) => logger.warn('web socket error', { error: error.message }));
  socket.on('close', () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    for (const market of limits.viewers?.left(client) ?? []) {
      core.handlers['market:close']({ market }).catch((error: unknown) => {
        logger.warn('market not released', { error: String(error) });
      });
    }
  });
  socket.on('message', (data, isBinary) => {
    void answer(isBinary ? null : rawDataToText(data)).then(send, (error: unknown) => {
      logger.error('web request failed unexpectedly', { error: String(error) });
    });
  });

  async function answer(text: string | null): Promise<HostMessage> {
    if (text === null) return protocolError('Frames must be JSON text, not binary.');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return protocolError('The message is not valid JSON.');
    }
    const message = ClientMessageSchema.safeParse(raw);
    if (!message.success) {
      const id =
        typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : undefined;
      const error = {
        code: 'malformed-message',
        message: 'A request needs {"type":"request","id":<number>,"channel":<string>,"payload":{...}}.',
      } as const;
      return id === undefined ? { type: 'error', error } : { type: 'response', id, ok: false, error };
    }
    const { id, channel, payload } = message.data;
    if (!bucket.take()) {
      const error = { code: 'rate-limited', message: 'Too many requests from this window: wait a moment.' } as const;
      return { type: 'response', id, ok: false, error };
    }
    return { type: 'response', id, ...(await dispatch(channel, payload)) };
  }

  async function dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return parsed;
    const request = parsed.result;
    try {
      return { ok: true, result: await handle(request) };
    } catch (error) {
      return handlerFailure(error);
    }
  }

  /** Runs a request, counting this client's markets so the core closes one only when no client shows it. */
  async function handle(request: ParsedRequest): Promise<unknown> {
    const viewers = limits.viewers;
    if (viewers !== undefined && request.channel === 'market:close') {
      return viewers.closed(client, request.payload.market) ? core.handlers['market:close'](request.payload) : null;
    }
    const handler = core.handlers[request.channel] as (payload: unknown) => Promise<unknown>;
    const result = await handler(request.payload);
    if (viewers !== undefined && request.channel === 'market:open') viewers.opened(client, request.payload.market);
    return result;
  }
}

function protocolError(message: string): HostMessage {
  return { type: 'error', error: { code: 'malformed-message', message } };
}
