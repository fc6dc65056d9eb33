import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { SimVenue } from '../market/types';
import type { SimHttpResponse } from './venue-route';
import { simVenues } from '../venues/sim-venues';
import type { VenueLimit } from '../venues/venue-module';

export type { VenueLimit };

/**
 * A fault the simulator injects. Each one is bounded: it ends after `count` matching requests
 * (REST faults) or after `durationMs` of real time, whichever comes first; with neither it fires
 * once. `path` restricts a REST fault to request paths containing that text.
 */
export type Fault =
  | { readonly kind: 'rate-limit'; readonly status: 429 | 418; readonly retryAfterSec: number }
  | { readonly kind: 'server-error'; readonly status?: 500 | 502 | 503 | 504 }
  /** Never answers: the client's own timeout ends the request. */
  | { readonly kind: 'timeout' }
  /** 200 with a body that is not JSON (a syntax error in the middle). */
  | { readonly kind: 'malformed-json' }
  /** 200 with the first half of the real body. */
  | { readonly kind: 'truncated' }
  /** 200 with the venue's liquidation-price field (or `field`) turned into an object. */
  | { readonly kind: 'wrong-type'; readonly field?: string }
  /** Signed requests answer the venue's timestamp-outside-window error (Hyperliquid reads are unsigned: unaffected). */
  | { readonly kind: 'clock-skew' }
  /** Connections reset: REST and WebSocket upgrades destroyed, open sockets terminated. Needs `durationMs`. */
  | { readonly kind: 'down' }
  /**
   * The venue's WebSockets go silent without closing, as behind a dead network path: open ones send
   * nothing (frames are dropped, not queued) and read nothing (pings go unanswered); upgrade requests
   * arriving meanwhile get no answer. Every one of them is destroyed when the fault ends, so clients
   * reconnect to a healthy venue. Needs `durationMs`.
   */
  | { readonly kind: 'half-open' };

/** How long a fault lasts: matching requests, real milliseconds, or both (first reached ends it). */
export interface FaultBounds {
  readonly count?: number;
  readonly durationMs?: number;
  readonly path?: string;
}

/** One REST request the simulator received (faulted or not): what it costs against the venue's limit. */
export interface RequestRecord {
  readonly venue: SimVenue;
  readonly atMs: number;
  readonly method: string;
  readonly path: string;
  readonly weight: number;
  /** The fault kind that answered it, or null for a normal answer. */
  readonly fault: Fault['kind'] | null;
}

/** What the HTTP hook needs of one request. */
export interface FaultHttpRequest {
  readonly venue: SimVenue;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text (Hyperliquid's request type decides its weight). */
  readonly body: string;
  readonly raw: IncomingMessage;
  readonly response: ServerResponse;
}

/** Switches faults per venue and counts request weight. Reachable as `sim.faults`. */
export interface FaultController {
  /** Turns a fault on for one venue or all; it turns itself off at its bound. */
  inject(venue: SimVenue | 'all', fault: Fault, bounds?: FaultBounds): void;
  /** Closes every WebSocket of the venue now (a dropped connection). */
  dropSockets(venue: SimVenue | 'all'): void;
  /** Ends every fault (and destroys held requests and half-open sockets). */
  clear(): void;
  /** Kinds of the faults active on a venue now. */
  active(venue: SimVenue): readonly Fault['kind'][];
  /** Request weight the venue received in the last `windowMs` (until `atMs`, default now). */
  weight(venue: SimVenue, windowMs: number, atMs?: number): number;
  /** The highest weight in any window of `windowMs` since `sinceMs` (default: the whole run). */
  peakWeight(venue: SimVenue, windowMs: number, sinceMs?: number): number;
  /** The venue's documented limit the weights count against. */
  limit(venue: SimVenue): VenueLimit;
  /** Requests received by the venue since `sinceMs` (default: all), oldest first. */
  requests(venue: SimVenue, sinceMs?: number): readonly RequestRecord[];
  /** Server hook: answers a REST request, faulted or by calling `answer`; null when the hook already dealt with the socket. */
  handleHttp(
    request: FaultHttpRequest,
    answer: () => Promise<SimHttpResponse> | SimHttpResponse,
  ): Promise<SimHttpResponse | null>;
  /** Server hook: true when an upgrade must not proceed (the socket was destroyed, or is held unanswered by a half-open fault). */
  refuseSocket(venue: SimVenue, socket: Duplex): boolean;
  /** Server hook: tracks an accepted WebSocket and its raw socket. */
  trackSocket(venue: SimVenue, ws: WebSocket, socket: Duplex): void;
}

interface ActiveFault {
  readonly venue: SimVenue | 'all';
  readonly fault: Fault;
  readonly path: string | undefined;
  remaining: number;
  readonly untilMs: number;
  readonly timer: NodeJS.Timeout | null;
}

/** Requests in the log beyond this are dropped oldest first, so a long run stays bounded. */
const maxLogEntries = 50_000;

/** Whether a request carries a venue signature (only those can fail on the clock). */
function isSigned(query: URLSearchParams, headers: IncomingHttpHeaders): boolean {
  return query.has('signature') || headers['x-bapi-sign'] !== undefined || headers['ok-access-sign'] !== undefined;
}

/**
 * Creates the fault layer of one simulator server. Deterministic: faults match requests in arrival
 * order and end at their count or duration; `now` is injectable (real time by default, because the
 * clients' timeouts and Retry-After are real time even when the market clock is driven by hand).
 */
export function createFaultController(now: () => number = Date.now): FaultController {
  const faults: ActiveFault[] = [];
  const log: RequestRecord[] = [];
  const sockets = new Map<WebSocket, { venue: SimVenue; socket: Duplex }>();
  /** Sockets silenced by a half-open fault, with their venue; destroyed when no such fault covers the venue any more. */
  const silenced = new Map<Duplex, SimVenue>();
  const held = new Set<ServerResponse>();

  const applies = (entry: ActiveFault, venue: SimVenue): boolean =>
    (entry.venue === 'all' || entry.venue === venue) && now() < entry.untilMs && entry.remaining > 0;
  const end = (entry: ActiveFault): void => {
    const index = faults.indexOf(entry);
    if (index >= 0) faults.splice(index, 1);
    if (entry.timer !== null) clearTimeout(entry.timer);
    if (entry.fault.kind !== 'half-open') return;
    // A half-open connection never heals: it is torn down (as the OS would eventually) when the fault ends.
    for (const [socket, venue] of [...silenced]) {
      if (find(venue, (other) => other.fault.kind === 'half-open') !== undefined) continue;
      silenced.delete(socket);
      socket.destroy();
    }
  };
  const silence = (venue: SimVenue, socket: Duplex): void => {
    if (silenced.has(socket)) return;
    silenced.set(socket, venue);
    socket.once('close', () => silenced.delete(socket));
    muffle(socket);
  };
  const socketsOf = (venue: SimVenue | 'all'): [WebSocket, { venue: SimVenue; socket: Duplex }][] =>
    [...sockets].filter(([, info]) => venue === 'all' || info.venue === venue);
  const find = (venue: SimVenue, test: (entry: ActiveFault) => boolean): ActiveFault | undefined =>
    faults.find((entry) => applies(entry, venue) && test(entry));

  const controller: FaultController = {
    inject(venue, fault, bounds = {}) {
      if ((fault.kind === 'down' || fault.kind === 'half-open') && bounds.durationMs === undefined)
        throw new Error(`A ${fault.kind} fault needs durationMs: it would otherwise never end.`);
      const durationMs = bounds.durationMs ?? Number.POSITIVE_INFINITY;
      const count = bounds.count ?? (bounds.durationMs === undefined ? 1 : Number.POSITIVE_INFINITY);
      const finite = Number.isFinite(durationMs);
      const entry: ActiveFault = {
        venue,
        fault,
        path: bounds.path,
        remaining: count,
        untilMs: now() + durationMs,
        timer: null,
      };
      const timed: ActiveFault = finite ? { ...entry, timer: setTimeout(() => end(timed), durationMs) } : entry;
      timed.timer?.unref();
      faults.push(timed);
      if (fault.kind === 'down') controller.dropSockets(venue);
      if (fault.kind === 'half-open') for (const [, info] of socketsOf(venue)) silence(info.venue, info.socket);
    },
    dropSockets(venue) {
      for (const [ws] of socketsOf(venue)) ws.terminate();
    },
    clear() {
      for (const entry of [...faults]) end(entry);
      for (const socket of silenced.keys()) socket.destroy();
      silenced.clear();
      for (const response of held) response.destroy();
      held.clear();
    },
    active: (venue) => faults.filter((entry) => applies(entry, venue)).map((entry) => entry.fault.kind),
    weight(venue, windowMs, atMs = now()) {
      return log.reduce(
        (sum, r) => (r.venue === venue && r.atMs > atMs - windowMs && r.atMs <= atMs ? sum + r.weight : sum),
        0,
      );
    },
    peakWeight(venue, windowMs, sinceMs = 0) {
      const rows = log.filter((r) => r.venue === venue && r.atMs >= sinceMs);
      let peak = 0;
      let sum = 0;
      let start = 0;
      for (const row of rows) {
        sum += row.weight;
        while ((rows[start]?.atMs ?? row.atMs) <= row.atMs - windowMs) sum -= rows[start++]?.weight ?? 0;
        peak = Math.max(peak, sum);
      }
      return peak;
    },
    limit: (venue) => simVenues[venue].faults.limit,
    requests: (venue, sinceMs = 0) => log.filter((r) => r.venue === venue && r.atMs >= sinceMs),

    async handleHttp(request, answer) {
      const { venue } = request;
      const entry = find(venue, (candidate) => {
        if (candidate.path !== undefined && !request.path.includes(candidate.path)) return false;
        if (candidate.fault.kind === 'half-open') return false;
        return (
          candidate.fault.kind !== 'clock-skew' || (venue !== 'hyperliquid' && isSigned(request.query, request.headers))
        );
      });
      if (entry !== undefined) {
        entry.remaining -= 1;
        if (entry.remaining <= 0) end(entry);
      }
      log.push({
        venue,
        atMs: now(),
        method: request.method,
        path: request.path,
        weight: simVenues[venue].faults.requestWeight(request.path, request.query, request.body),
        fault: entry?.fault.kind ?? null,
      });
      if (log.length > maxLogEntries) log.splice(0, log.length - maxLogEntries);
      const fault = entry?.fault;
      switch (fault?.kind) {
        case undefined:
        case 'half-open':
          return answer();
        case 'rate-limit':
          return {
            status: fault.status,
            body: simVenues[venue].faults.rateLimitBody(fault.status),
            headers: { 'Retry-After': String(fault.retryAfterSec) },
          };
        case 'server-error':
          return {
            status: fault.status ?? 503,
            body: '<html><body><h1>503 Service Unavailable</h1></body></html>',
            headers: { 'Content-Type': 'text/html' },
          };
        case 'clock-skew':
          return simVenues[venue].faults.clockSkewAnswer(now());
        case 'timeout':
          held.add(request.response);
          request.response.on('close', () => held.delete(request.response));
          return null;
        case 'down':
          request.raw.socket.destroy();
          return null;
        case 'malformed-json':
        case 'truncated':
        case 'wrong-type': {
          const real = await answer();
          const text = typeof real.body === 'string' ? real.body : JSON.stringify(real.body);
          if (fault.kind === 'truncated') return { ...real, body: text.slice(0, Math.floor(text.length / 2)) };
          if (fault.kind === 'malformed-json') return { ...real, body: text.replace(':', ';') };
          return {
            ...real,
            body: JSON.stringify(
              retype(
                real.body,
                fault.field === undefined ? simVenues[venue].faults.liquidationPriceFields : [fault.field],
              ),
            ),
          };
        }
      }
    },
    refuseSocket(venue, socket) {
      if (find(venue, (entry) => entry.fault.kind === 'down') !== undefined) {
        socket.destroy();
        return true;
      }
      if (find(venue, (entry) => entry.fault.kind === 'half-open') === undefined) return false;
      // The upgrade request is never answered: the client's own connect timeout (or the fault's end) ends it.
      silence(venue, socket);
      return true;
    },
    trackSocket(venue, ws, socket) {
      sockets.set(ws, { venue, socket });
      ws.on('close', () => sockets.delete(ws));
    },
  };
  return controller;
}

/** A deep copy of a JSON value with every named field replaced by an object holding its value. */
function retype(value: unknown, fields: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => retype(item, fields));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>))
    out[key] = fields.includes(key) ? { value: inner } : retype(inner, fields);
  return out;
}

/**
 * Makes a socket behave like one whose peer is unreachable while it stays open: nothing more is
 * read (so pings go unanswered) and every write succeeds but goes nowhere (frames are dropped, not
 * queued, so a long fault holds no memory and nothing arrives late).
 */
function muffle(socket: Duplex): void {
  socket.pause();
  const sink = (_chunk: unknown, encodingOrDone?: unknown, done?: unknown): boolean => {
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    if (typeof callback === 'function') process.nextTick(() => (callback as (error?: Error | null) => void)(null));
    return true;
  };
  socket.write = sink as Duplex['write'];
}
