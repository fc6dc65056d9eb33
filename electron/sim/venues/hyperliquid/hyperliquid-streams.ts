import type { RawData, WebSocket } from 'ws';
import { rawDataToText } from '../../../base/raw-data';
import type { SimBar, SimMarket, SimTicker } from '../../market/types';
import { parseBarInterval } from '../binance/bar-buckets';
import { liveCandle } from './hyperliquid-candles';
import { coinsOf, instrumentOfDexCoin } from './hyperliquid-dexes';
import { allMids, assetContext } from './hyperliquid-meta';
import { tradesMessage, type TradeCursor } from './hyperliquid-traders';

/** The WebSocket side of the simulated Hyperliquid venue (`/ws`). */
export interface HyperliquidStreams {
  attach(socket: WebSocket, path: string): void;
  close(): void;
}

/** The public subscriptions served: `allMids`, `activeAssetCtx` and `trades` (per coin), `candle` (per coin and interval). */
type Subscription =
  | { type: 'allMids' }
  | { type: 'activeAssetCtx'; coin: string }
  | { type: 'trades'; coin: string }
  | { type: 'candle'; coin: string; interval: string };

interface Client {
  readonly socket: WebSocket;
  /** Subscription key (canonical JSON) -> subscription. */
  readonly subscriptions: Map<string, Subscription>;
}

/** Market-time cadence of the ticker-driven channels, ms (the venue pushes per block; one a second is plenty here). */
const tickerCadenceMs = 1000;

/**
 * Creates the stream hub: `{"method":"subscribe","subscription":{...}}` is acknowledged with a
 * `subscriptionResponse`, then the channel's data follows from the market's events;
 * `{"method":"ping"}` gets `{"channel":"pong"}`.
 */
export function createHyperliquidStreams(market: SimMarket): HyperliquidStreams {
  const clients = new Set<Client>();
  const lastSentMs = new Map<string, number>();
  const tradeCursors = new Map<string, TradeCursor>();

  const publish = (key: string, channel: string, build: () => unknown): void => {
    let text: string | undefined;
    for (const client of clients) {
      if (!client.subscriptions.has(key) || client.socket.readyState !== client.socket.OPEN) continue;
      client.socket.send((text ??= JSON.stringify({ channel, data: build() })));
    }
  };
  const due = (key: string, timeMs: number): boolean => {
    if (![...clients].some((client) => client.subscriptions.has(key))) return false;
    const last = lastSentMs.get(key);
    if (last !== undefined && timeMs - last < tickerCadenceMs) return false;
    lastSentMs.set(key, timeMs);
    return true;
  };

  const onTicker = (ticker: SimTicker): void => {
    const instrument = market.instruments.find((i) => i.symbol === ticker.symbol);
    if (!instrument) return;
    // A HIP-3 dex's coin (`xyz:BTC`) is priced like the main dex's.
    for (const coin of coinsOf(market, instrument)) {
      const contextKey = subscriptionKey({ type: 'activeAssetCtx', coin });
      if (due(contextKey, ticker.timeMs))
        publish(contextKey, 'activeAssetCtx', () => ({ coin, ctx: assetContext(market, instrument) }));
      const tradesKey = subscriptionKey({ type: 'trades', coin });
      if (due(tradesKey, ticker.timeMs)) {
        const cursor = tradeCursors.get(coin) ?? { sinceMs: ticker.timeMs, next: 0 };
        tradeCursors.set(coin, cursor);
        const trades = tradesMessage(market, instrument, coin, cursor);
        if (trades.length > 0) publish(tradesKey, 'trades', () => trades);
      }
    }
    const midsKey = subscriptionKey({ type: 'allMids' });
    if (due(midsKey, ticker.timeMs)) publish(midsKey, 'allMids', () => ({ mids: allMids(market) }));
  };

  const onBar = (event: { readonly symbol: string; readonly bar: SimBar }): void => {
    const instrument = market.instruments.find((i) => i.symbol === event.symbol);
    if (!instrument) return;
    const wanted = new Map<string, Subscription>();
    for (const client of clients)
      for (const [key, sub] of client.subscriptions)
        if (sub.type === 'candle' && instrumentOfDexCoin(market, sub.coin) === instrument) wanted.set(key, sub);
    for (const [key, sub] of wanted) {
      const interval = sub.type === 'candle' ? parseBarInterval(sub.interval) : undefined;
      if (interval) publish(key, 'candle', () => liveCandle(market, instrument, interval, event.bar));
    }
  };

  const unsubscribers = [market.on('ticker', onTicker), market.on('bar', onBar)];

  const answer = (client: Client, text: string): object => {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return { channel: 'error', data: `Error parsing JSON into valid websocket request: ${text}` };
    }
    const { method, subscription } = (typeof frame === 'object' && frame !== null ? frame : {}) as {
      method?: unknown;
      subscription?: unknown;
    };
    if (method === 'ping') return { channel: 'pong' };
    const parsed = parseSubscription(market, subscription);
    if ((method !== 'subscribe' && method !== 'unsubscribe') || !parsed) {
      return { channel: 'error', data: `Error parsing JSON into valid websocket request: ${text}` };
    }
    const key = subscriptionKey(parsed);
    if (method === 'subscribe') {
      if (client.subscriptions.has(key)) return { channel: 'error', data: `Already subscribed: ${key}` };
      client.subscriptions.set(key, parsed);
    } else {
      if (!client.subscriptions.delete(key)) return { channel: 'error', data: `Already unsubscribed: ${key}` };
    }
    return { channel: 'subscriptionResponse', data: { method, subscription: parsed } };
  };

  return {
    attach(socket, path) {
      if (path !== '/ws') {
        socket.close(1008, 'unknown stream path');
        return;
      }
      const client: Client = { socket, subscriptions: new Map() };
      clients.add(client);
      socket.on('close', () => clients.delete(client));
      socket.on('message', (data: RawData) => socket.send(JSON.stringify(answer(client, rawDataToText(data)))));
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      clients.clear();
    },
  };
}

function subscriptionKey(subscription: Subscription): string {
  if (subscription.type === 'allMids') return JSON.stringify({ type: 'allMids' });
  if (subscription.type === 'activeAssetCtx' || subscription.type === 'trades')
    return JSON.stringify({ type: subscription.type, coin: subscription.coin });
  return JSON.stringify({ type: subscription.type, coin: subscription.coin, interval: subscription.interval });
}

/** A subscription the simulator serves, or undefined (unknown type, coin or interval). */
function parseSubscription(market: SimMarket, raw: unknown): Subscription | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, coin, interval } = raw as { type?: unknown; coin?: unknown; interval?: unknown };
  if (type === 'allMids') return { type };
  if (typeof coin !== 'string' || !instrumentOfDexCoin(market, coin)) return undefined;
  if (type === 'activeAssetCtx' || type === 'trades') return { type, coin };
  if (type === 'candle' && typeof interval === 'string' && parseBarInterval(interval)) return { type, coin, interval };
  return undefined;
}
