import type { Exchange } from 'ccxt';

/** The part of a ccxt WebSocket client this guard touches. */
interface SendingClient {
  send(message: unknown): Promise<unknown>;
}

const guarded = new WeakSet<object>();

/**
 * Marks the promise of every WebSocket send of the exchange's streams as handled. ccxt 4.5.84 sends
 * a stream's subscription once its rate limiter lets it through without keeping the send's promise
 * (`Exchange.watch`: `client.throttle(cost).then(() => { client.send(message); })`). When the venue
 * closes the socket in between, that send rejects with "WebSocket is not open" and nothing handles
 * it, which ends a Node process: `liqlens web` or `watch` would die on a venue's reconnect. The
 * stream itself learns of the close through its own watch promise (the stream loop reconnects), so
 * the lost rejection carries nothing more; a caller that awaits a send still gets it.
 */
export function guardWsSends(exchange: Exchange): void {
  const clientOf = exchange.client.bind(exchange) as (url: string) => SendingClient;
  (exchange as unknown as { client: (url: string) => SendingClient }).client = (url) => {
    const client = clientOf(url);
    if (!guarded.has(client)) {
      guarded.add(client);
      const send = client.send.bind(client);
      client.send = (message) => {
        const sent = send(message);
        sent.catch(() => undefined);
        return sent;
      };
    }
    return client;
  };
}
