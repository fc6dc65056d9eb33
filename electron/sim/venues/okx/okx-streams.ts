import { WebSocket, type RawData } from 'ws';
import { rawDataToText } from '../../../base/raw-data';
import type { SimMarket } from '../../market/types';
import {
  candlePush,
  liquidationPush,
  parseOkxArg,
  tickerPush,
  type OkxEndpoint,
  type OkxSubscription,
} from './okx-ws-payload';

/** The public and business stream servers: one session per socket, channels fed by market events. */
export interface OkxStreams {
  /** Serves `/ws/v5/public` or `/ws/v5/business` on a freshly upgraded socket. */
  attach(socket: WebSocket, endpoint: OkxEndpoint): void;
  /** Stops listening to the market and closes every session. */
  close(): void;
}

interface Session {
  readonly socket: WebSocket;
  readonly endpoint: OkxEndpoint;
  readonly connId: string;
  readonly subscriptions: Map<string, OkxSubscription>;
}

const keyOf = (arg: Readonly<Record<string, string>>): string =>
  `${arg.channel ?? ''}:${arg.instId ?? arg.instType ?? ''}`;

/**
 * OKX's WebSocket protocol: `{"op":"subscribe","args":[{channel, instId|instType}]}` answered per
 * arg with `{"event":"subscribe","arg":..,"connId":..}`; an unknown channel or instrument with
 * `{"event":"error","code":"60012"}` (60018 for a channel on the wrong endpoint); the text frame
 * "ping" with "pong". Mark price, ticker, funding and open interest push at once and every market
 * tick; candles at once and after every closed bar; liquidations as they happen.
 */
export function createOkxStreams(market: SimMarket): OkxStreams {
  const sessions = new Set<Session>();
  let connections = 0;

  const send = (session: Session, message: unknown): void => {
    if (session.socket.readyState === WebSocket.OPEN)
      session.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  };
  const each = (visit: (session: Session, subscription: OkxSubscription) => void): void => {
    for (const session of sessions)
      for (const subscription of session.subscriptions.values()) visit(session, subscription);
  };
  const pushCurrent = (session: Session, subscription: OkxSubscription): void => {
    if (subscription.kind === 'liquidation-orders') return;
    const message =
      subscription.kind === 'candle' || subscription.kind === 'mark-price-candle'
        ? candlePush(market, subscription)
        : tickerPush(market, subscription);
    if (message) send(session, message);
  };

  const stops = [
    market.on('ticker', (ticker) =>
      each((session, subscription) => {
        if (
          subscription.kind !== 'liquidation-orders' &&
          subscription.kind !== 'candle' &&
          subscription.kind !== 'mark-price-candle' &&
          subscription.instrument.symbol === ticker.symbol
        )
          pushCurrent(session, subscription);
      }),
    ),
    market.on('bar', ({ symbol }) =>
      each((session, subscription) => {
        if (
          (subscription.kind === 'candle' || subscription.kind === 'mark-price-candle') &&
          subscription.instrument.symbol === symbol
        )
          pushCurrent(session, subscription);
      }),
    ),
    market.on('liquidation', (liquidation) =>
      each((session, subscription) => {
        if (subscription.kind !== 'liquidation-orders') return;
        const message = liquidationPush(market, subscription, liquidation);
        if (message) send(session, message);
      }),
    ),
  ];

  const handle = (session: Session, data: RawData): void => {
    const text = rawDataToText(data);
    if (text === 'ping') return send(session, 'pong');
    let request: { op?: unknown; args?: unknown; id?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      return send(session, { event: 'error', code: '60012', msg: `Invalid request: ${text}`, connId: session.connId });
    }
    const id = typeof request.id === 'string' ? { id: request.id } : {};
    if ((request.op !== 'subscribe' && request.op !== 'unsubscribe') || !Array.isArray(request.args)) {
      return send(session, {
        ...id,
        event: 'error',
        code: '60012',
        msg: `Invalid request: ${text}`,
        connId: session.connId,
      });
    }
    for (const arg of request.args as unknown[]) {
      const parsed = parseOkxArg(market, session.endpoint, arg);
      if (parsed === undefined || parsed === 'wrong-endpoint') {
        const code = parsed === 'wrong-endpoint' ? '60018' : '60012';
        send(session, {
          ...id,
          event: 'error',
          code,
          msg: `Wrong URL or channel:${JSON.stringify(arg)} doesn't exist. Please use the correct URL, channel and parameters referring to API document.`,
          connId: session.connId,
        });
        continue;
      }
      const key = keyOf(parsed.arg);
      send(session, { ...id, event: request.op, arg: parsed.arg, connId: session.connId });
      if (request.op === 'unsubscribe') {
        session.subscriptions.delete(key);
      } else if (!session.subscriptions.has(key)) {
        session.subscriptions.set(key, parsed);
        pushCurrent(session, parsed);
      }
    }
  };

  return {
    attach(socket, endpoint) {
      const session: Session = { socket, endpoint, connId: `sim-okx-${++connections}`, subscriptions: new Map() };
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
