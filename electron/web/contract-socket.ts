import type { WebSocket } from 'ws';
import { eventNames } from '../../shared/ipc/contract';
import { handlerFailure, parseRequest, type Envelope } from '../../shared/ipc/envelope';
import { ClientMessageSchema, type HostMessage } from '../../shared/ipc/wire';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { rawDataToText } from '../base/raw-data';

/**
 * Carries the contract over one authenticated WebSocket: every frame is parsed and validated
 * exactly as Electron's IPC handler does, answered with an envelope, and every core event is
 * pushed. A bad frame gets a clear error and the socket stays open.
 */
export function serveContract(socket: WebSocket, core: Core, logger: Logger): void {
  const send = (message: HostMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribes = eventNames.map((event) =>
    core.on(event, (payload) => send({ type: 'event', event, payload } as HostMessage)),
  );
  // Without a listener, a protocol error (such as an oversized frame) would crash the host.
  socket.on('error', (error) => logger.warn('web socket error', { error: error.message }));
  socket.on('close', () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
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
    return { type: 'response', id, ...(await dispatch(channel, payload)) };
  }

  async function dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return parsed;
    const request = parsed.result;
    try {
      const handler = core.handlers[request.channel] as (payload: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(request.payload) };
    } catch (error) {
      return handlerFailure(error);
    }
  }
}

function protocolError(message: string): HostMessage {
  return { type: 'error', error: { code: 'malformed-message', message } };
}
