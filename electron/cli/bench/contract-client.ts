import { WebSocket } from 'ws';
import type { RequestChannel, Results } from '../../../shared/ipc/contract';
import type { HostMessage } from '../../../shared/ipc/wire';
import { rawDataToText } from '../../base/raw-data';

/** A minimal Node client of the web host's contract socket, for benchmarks and tests. */
export interface ContractClient {
  request<C extends RequestChannel>(channel: C, payload: unknown): Promise<Results[C]>;
  /** Sends raw text and resolves with the next frame that is not an event. */
  sendRaw(text: string): Promise<HostMessage>;
  close(): Promise<void>;
}

/** Connects to `ws://127.0.0.1:port/ws?token=…` with the host's own Origin. */
export async function connectContractClient(port: number, token: string): Promise<ContractClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (message: HostMessage) => void>();
  const raw: ((message: HostMessage) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(rawDataToText(data)) as HostMessage;
    if (message.type === 'event') return;
    const waiter = message.type === 'response' ? pending.get(message.id) : undefined;
    if (waiter && message.type === 'response') {
      pending.delete(message.id);
      waiter(message);
    } else {
      raw.shift()?.(message);
    }
  });
  return {
    request(channel, payload) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, (message) => {
          if (message.type === 'response' && message.ok) resolve(message.result as Results[typeof channel]);
          else reject(new Error(message.type === 'event' ? 'unexpected event' : message.error.message));
        });
        socket.send(JSON.stringify({ type: 'request', id, channel, payload }));
      });
    },
    sendRaw(text) {
      return new Promise((resolve) => {
        raw.push(resolve);
        socket.send(text);
      });
    },
    close() {
      return new Promise((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
}
