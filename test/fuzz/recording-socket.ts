import { WebSocket } from 'ws';
import type { HostMessage } from '../../shared/ipc/wire';
import { rawDataToText } from '../../electron/base/raw-data';

/**
 * A contract-socket client for tests that keeps every frame the host sent (events included), so a
 * test can scan all of it, and that gives up on a reply after a bound instead of hanging.
 */
export interface RecordingSocket {
  /** Every text frame received, in order, as sent. */
  readonly frames: readonly string[];
  /** Sends raw text and resolves with the next frame that is not an event; rejects after `limitMs`. */
  sendRaw(text: string, limitMs?: number): Promise<HostMessage>;
  /** A request with a fresh id; resolves with its response frame. */
  request(channel: string, payload: unknown, limitMs?: number): Promise<HostMessage>;
  /** Resolves once the host closed the socket (or at once if closed), with the close code. */
  closed(): Promise<number>;
  close(): Promise<void>;
}

/** Opens `ws://127.0.0.1:port/ws` with the run's token and the host's own Origin. */
export async function openRecordingSocket(port: number, token: string): Promise<RecordingSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const frames: string[] = [];
  const waiting: ((message: HostMessage) => void)[] = [];
  let closeCode: number | undefined;
  const closeWaiters: ((code: number) => void)[] = [];
  socket.on('error', () => undefined);
  socket.on('close', (code) => {
    closeCode = code;
    for (const waiter of closeWaiters.splice(0)) waiter(code);
  });
  socket.on('message', (data) => {
    const text = rawDataToText(data);
    frames.push(text);
    const message = JSON.parse(text) as HostMessage;
    if (message.type !== 'event') waiting.shift()?.(message);
  });
  let nextId = 1_000_000;
  const sendRaw = (text: string, limitMs = 3_000): Promise<HostMessage> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reply within ${limitMs} ms to ${JSON.stringify(text.slice(0, 200))}`)),
        limitMs,
      );
      waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      socket.send(text);
    });
  return {
    frames,
    sendRaw,
    request: (channel, payload, limitMs) =>
      sendRaw(JSON.stringify({ type: 'request', id: nextId++, channel, payload }), limitMs),
    closed: () => new Promise((resolve) => (closeCode === undefined ? closeWaiters.push(resolve) : resolve(closeCode))),
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
