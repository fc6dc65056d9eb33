import type { RawData, WebSocket } from 'ws';
import { rawDataToText } from '../../../base/raw-data';
import type { SimBar, SimLiquidation, SimMarket, SimTicker } from '../../market/types';
import { parseBarInterval } from './bar-buckets';
import { forceOrderEvent, klineEvent, markPriceEvent, miniTickerEvent, tickerEvent } from './binance-stream-events';

/** The market-stream side of the simulated Binance USDS-M venue. */
export interface BinanceStreams {
  /** Serves one WebSocket: `/ws`, `/ws/<stream>`, `/<category>/ws[/<n>]` (raw) or `/stream?streams=a/b` (combined). */
  attach(socket: WebSocket, path: string, query: URLSearchParams): void;
  close(): void;
}

interface Client {
  readonly socket: WebSocket;
  readonly streams: Set<string>;
  /** Combined-stream connections wrap each event as `{stream, data}`. */
  readonly combined: boolean;
}

/** Market-time cadence of the ticker-driven streams, ms (Binance: markPrice 3 s or 1 s). */
const cadenceMs: Readonly<Record<string, number>> = { '@markPrice': 3000, '@markPrice@1s': 1000 };
/** Market-time cadence of the 24-hour ticker streams, ms. */
const tickerCadenceMs = 1000;
/** Binance pushes at most one liquidation per symbol per second: the latest of that second. */
const forceOrderWindowMs = 1000;

/**
 * Creates the stream hub: clients SUBSCRIBE to stream names (`{method,params,id}`, answered
 * `{result:null,id}`) and receive the market's events in Binance's payload shapes.
 */
export function createBinanceStreams(market: SimMarket): BinanceStreams {
  const clients = new Set<Client>();
  const lastSentMs = new Map<string, number>();
  const liquidationWindows = new Map<string, { endMs: number; pending: SimLiquidation | undefined }>();

  const publish = (stream: string, build: () => unknown): void => {
    let data: { value: unknown } | undefined;
    let text: string | undefined;
    let combinedText: string | undefined;
    for (const client of clients) {
      if (!client.streams.has(stream) || client.socket.readyState !== client.socket.OPEN) continue;
      data ??= { value: build() };
      if (client.combined) client.socket.send((combinedText ??= JSON.stringify({ stream, data: data.value })));
      else client.socket.send((text ??= JSON.stringify(data.value)));
    }
  };
  const wanted = (stream: string): boolean => [...clients].some((client) => client.streams.has(stream));
  const due = (stream: string, timeMs: number, everyMs: number): boolean => {
    if (!wanted(stream)) return false;
    const last = lastSentMs.get(stream);
    if (last !== undefined && timeMs - last < everyMs) return false;
    lastSentMs.set(stream, timeMs);
    return true;
  };

  const pushLiquidation = (liquidation: SimLiquidation): void => {
    const event = forceOrderEvent(liquidation);
    publish(`${liquidation.symbol.toLowerCase()}@forceOrder`, () => event);
    publish('!forceOrder@arr', () => event);
  };
  const flushLiquidations = (nowMs: number): void => {
    for (const window of liquidationWindows.values()) {
      if (window.pending && nowMs >= window.endMs) {
        pushLiquidation(window.pending);
        window.pending = undefined;
        window.endMs = nowMs + forceOrderWindowMs;
      }
    }
  };

  const onTicker = (ticker: SimTicker): void => {
    flushLiquidations(ticker.timeMs);
    const lower = ticker.symbol.toLowerCase();
    for (const suffix of ['@markPrice', '@markPrice@1s'] as const) {
      if (due(lower + suffix, ticker.timeMs, cadenceMs[suffix] ?? 1000))
        publish(lower + suffix, () => markPriceEvent(ticker));
      const all = `!markPrice@arr${suffix.slice('@markPrice'.length)}`;
      if (due(all, ticker.timeMs, cadenceMs[suffix] ?? 1000))
        publish(all, () => market.instruments.map((i) => markPriceEvent(market.ticker(i.symbol))));
    }
    for (const [name, build] of [
      ['ticker', tickerEvent],
      ['miniTicker', miniTickerEvent],
    ] as const) {
      if (due(`${lower}@${name}`, ticker.timeMs, tickerCadenceMs))
        publish(`${lower}@${name}`, () => build(market, ticker));
      const all = `!${name}@arr`;
      if (due(all, ticker.timeMs, tickerCadenceMs))
        publish(all, () => market.instruments.map((i) => build(market, market.ticker(i.symbol))));
    }
  };

  const onBar = (event: { readonly symbol: string; readonly bar: SimBar; readonly markBar: SimBar }): void => {
    const prefix = `${event.symbol.toLowerCase()}@`;
    const streams = new Set(
      [...clients].flatMap((client) => [...client.streams].filter((name) => name.startsWith(prefix))),
    );
    for (const stream of streams) {
      const match = /@(kline|markPriceKline)_(\w+)$/.exec(stream);
      const interval = match ? parseBarInterval(match[2] ?? '') : undefined;
      if (!match || !interval) continue;
      const kind = match[1] === 'kline' ? 'last' : 'mark';
      publish(stream, () =>
        klineEvent(market, event.symbol, kind, interval, kind === 'last' ? event.bar : event.markBar),
      );
    }
  };

  const onLiquidation = (liquidation: SimLiquidation): void => {
    flushLiquidations(liquidation.timeMs);
    const window = liquidationWindows.get(liquidation.symbol);
    if (window && liquidation.timeMs < window.endMs) {
      window.pending = liquidation;
      return;
    }
    liquidationWindows.set(liquidation.symbol, { endMs: liquidation.timeMs + forceOrderWindowMs, pending: undefined });
    pushLiquidation(liquidation);
  };

  const unsubscribers = [
    market.on('ticker', onTicker),
    market.on('bar', onBar),
    market.on('liquidation', onLiquidation),
  ];

  return {
    attach(socket, path, query) {
      const parsed = parseStreamPath(path, query);
      if (!parsed) {
        socket.close(1008, 'unknown stream path');
        return;
      }
      const client: Client = { socket, streams: new Set(parsed.streams), combined: parsed.combined };
      clients.add(client);
      socket.on('close', () => clients.delete(client));
      socket.on('message', (data: RawData) => socket.send(JSON.stringify(answerControl(client, rawDataToText(data)))));
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      clients.clear();
    },
  };
}

/** Reads a connection path: raw (`.../ws[/<stream>...]`) or combined (`.../stream?streams=a/b`). */
function parseStreamPath(path: string, query: URLSearchParams): { streams: string[]; combined: boolean } | undefined {
  const parts = path.split('/').filter((part) => part !== '');
  if (['market', 'public', 'private'].includes(parts[0] ?? '')) parts.shift();
  const [kind, ...rest] = parts;
  // ccxt appends a stream index (`/ws/0`); only names with '@' or '!' are stream names.
  const names = (list: readonly string[]): string[] =>
    list.filter((name) => name.includes('@') || name.startsWith('!'));
  if (kind === 'ws') return { streams: names(rest), combined: false };
  if (kind === 'stream') return { streams: names((query.get('streams') ?? '').split('/')), combined: true };
  return undefined;
}

/** Answers a control frame (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS) and applies it. */
function answerControl(client: Client, text: string): object {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' } };
  }
  const { method, params, id } = (typeof frame === 'object' && frame !== null ? frame : {}) as {
    method?: unknown;
    params?: unknown;
    id?: unknown;
  };
  const names = Array.isArray(params) ? params.filter((p): p is string => typeof p === 'string') : [];
  switch (method) {
    case 'SUBSCRIBE':
      for (const name of names) client.streams.add(name);
      return { result: null, id };
    case 'UNSUBSCRIBE':
      for (const name of names) client.streams.delete(name);
      return { result: null, id };
    case 'LIST_SUBSCRIPTIONS':
      return { result: [...client.streams], id };
    default:
      return { error: { code: 2, msg: `Invalid request: unknown method ${String(method)}` }, id: id ?? null };
  }
}
