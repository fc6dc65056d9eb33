import { WebSocket, type RawData } from 'ws';
import { rawDataToText } from '../../../base/raw-data';
import type { SimMarket } from '../../market/types';
import {
  klineMessage,
  liquidationMessage,
  parseBybitTopic,
  tickerDelta,
  tickerSnapshot,
  type BybitTopic,
} from './bybit-ws-payload';

/** The public linear stream server: one session per socket, topics fanned out from market events. */
export interface BybitStreams {
  /** Serves `/v5/public/linear` on a freshly upgraded socket. */
  attach(socket: WebSocket): void;
  /** Stops listening to the market and closes every session. */
  close(): void;
}

interface Session {
  readonly socket: WebSocket;
  readonly connId: string;
  readonly topics: Map<string, BybitTopic>;
}

/**
 * Bybit's public WebSocket: `{"op":"subscribe","req_id":..,"args":[topics]}` answered with
 * `{"success":true,"ret_msg":"","conn_id":..,"req_id":..,"op":"subscribe"}` (a topic it does not
 * know fails the whole request, as Bybit does), `{"op":"ping"}` with `ret_msg: "pong"`, and
 * `unsubscribe`. Ticker topics get a snapshot at once and deltas every market tick; kline topics
 * get the current candle at once and after every closed bar; liquidation topics every liquidation.
 */
export function createBybitStreams(market: SimMarket): BybitStreams {
  const sessions = new Set<Session>();
  let connections = 0;
  let sequence = 0;

  const send = (session: Session, message: unknown): void => {
    if (session.socket.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(message));
  };
  const each = (visit: (session: Session, topic: BybitTopic) => void): void => {
    for (const session of sessions) for (const topic of session.topics.values()) visit(session, topic);
  };

  const stops = [
    market.on('ticker', (ticker) =>
      each((session, topic) => {
        if (topic.kind === 'tickers' && topic.instrument.symbol === ticker.symbol)
          send(session, tickerDelta(market, topic, ++sequence));
      }),
    ),
    market.on('bar', ({ symbol }) =>
      each((session, topic) => {
        if (topic.kind !== 'kline' || topic.instrument.symbol !== symbol) return;
        const message = klineMessage(market, topic);
        if (message) send(session, message);
      }),
    ),
    market.on('liquidation', (liquidation) =>
      each((session, topic) => {
        if (
          (topic.kind === 'allLiquidation' || topic.kind === 'liquidation') &&
          topic.instrument.symbol === liquidation.symbol
        ) {
          send(session, liquidationMessage(topic, liquidation, market.now()));
        }
      }),
    ),
  ];

  const handle = (session: Session, data: RawData): void => {
    let request: { op?: unknown; req_id?: unknown; args?: unknown };
    try {
      request = JSON.parse(rawDataToText(data)) as typeof request;
    } catch {
      send(session, { success: false, ret_msg: 'error:request not in json format', conn_id: session.connId, op: '' });
      return;
    }
    const op = typeof request.op === 'string' ? request.op : '';
    const reqId =
      typeof request.req_id === 'string' || typeof request.req_id === 'number' ? String(request.req_id) : undefined;
    const reply = (success: boolean, retMsg: string): void =>
      send(session, {
        success,
        ret_msg: retMsg,
        conn_id: session.connId,
        ...(reqId === undefined ? {} : { req_id: reqId }),
        op,
      });
    if (op === 'ping') return reply(true, 'pong');
    if (op !== 'subscribe' && op !== 'unsubscribe') return reply(false, `error:unknown op ${op}`);
    const names = Array.isArray(request.args)
      ? request.args.filter((arg): arg is string => typeof arg === 'string')
      : [];
    const topics = names.map((name) => parseBybitTopic(market, name));
    const unknown = names.find((_, index) => topics[index] === undefined);
    if (names.length === 0 || unknown !== undefined)
      return reply(false, `error:handler not found,topic:${unknown ?? ''}`);
    if (op === 'unsubscribe') {
      for (const name of names) session.topics.delete(name);
      return reply(true, '');
    }
    reply(true, '');
    for (const topic of topics) {
      if (!topic || session.topics.has(topic.name)) continue;
      session.topics.set(topic.name, topic);
      if (topic.kind === 'tickers') send(session, tickerSnapshot(market, topic, ++sequence));
      if (topic.kind === 'kline') {
        const message = klineMessage(market, topic);
        if (message) send(session, message);
      }
    }
  };

  return {
    attach(socket) {
      const session: Session = { socket, connId: `sim-bybit-${++connections}`, topics: new Map() };
      sessions.add(session);
      socket.on('message', (data) => handle(session, data));
      socket.on('close', () => sessions.delete(session));
    },
    close() {
      for (const stop of stops) stop();
      for (const session of sessions) session.socket.terminate();
      sessions.clear();
    },
  };
}
