import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token for one run of the web host (256 bits, hex). */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares a presented token with the run's token in constant time. */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The host names under which the loopback host may be addressed (anything else is DNS rebinding). */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Why a WebSocket upgrade was refused, with the HTTP status sent back. */
export interface AccessDenied {
  readonly status: 401 | 403;
  readonly reason: string;
}

/**
 * Decides whether an upgrade request may open the contract socket: the Host header must be the
 * loopback host itself, a browser's Origin must be this host's own origin (a page elsewhere is
 * refused even with the token), and the run's token must be presented.
 */
export function checkUpgrade(request: IncomingMessage, port: number, token: string): AccessDenied | undefined {
  const hosts = allowedHosts(port);
  const host = request.headers.host ?? '';
  if (!hosts.has(host)) return { status: 403, reason: `Host "${host.slice(0, 64)}" is not this loopback host.` };
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) {
    return { status: 403, reason: `Origin "${origin.slice(0, 64)}" may not connect to LiqLens.` };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const presented = url.searchParams.get('token');
  if (!presented) return { status: 401, reason: 'A token is required: open the URL LiqLens printed at start.' };
  if (!tokenMatches(token, presented))
    return { status: 401, reason: 'The token is wrong: open the URL LiqLens printed at start.' };
  return undefined;
}

function isOwnOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hosts.has(url.host);
  } catch {
    return false;
  }
}
