/**
 * Where a market's data comes from. One venue can be read at several sources (production, its
 * testnet, a simulator, the built-in Demo), and their prices have nothing to do with each other:
 * a market is therefore (venue, source, symbol), and two sources of one venue never share a mark,
 * a cluster map, a recording or an alert.
 */
import { z } from 'zod';
import { AccountVenueSchema } from './account-venue';
import { venueFacts } from './venue';

/** The source id of a venue's own production hosts (an account with no base URL). */
export const productionSource = 'production';
/** The source id of the built-in Demo (the in-process simulator, whatever port it listens on this run). */
export const demoSource = 'demo';

/** How an account connects, as far as its source is concerned: never its credentials. */
export interface SourceConnection {
  /** The account's base URL (testnet, simulator); absent for production. */
  readonly baseUrl?: string;
  /** The account is one of the Demo's. */
  readonly demo?: boolean;
}

// scheme://[userinfo@]host[:port][/path][?query][#fragment]: userinfo and query may hold secrets.
const urlPattern = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)([^?#]*)/i;

/**
 * The source id of an account's connection: `demo` for the Demo, `production` without a base URL,
 * else the base URL's host, port and path (`127.0.0.1:4321/binance`, `testnet.binancefuture.com`).
 * Stable across runs (the Demo's port changes every start, its id does not) and readable; the
 * scheme, user info, query and fragment are dropped, so a secret put in the URL never reaches the
 * id. A base URL that does not parse as one is kept whole but for those parts' characters.
 */
export function sourceIdOf(connection: SourceConnection): string {
  if (connection.demo === true) return demoSource;
  const baseUrl = connection.baseUrl?.trim();
  if (baseUrl === undefined || baseUrl === '') return productionSource;
  const match = urlPattern.exec(baseUrl);
  const host = (match?.[1] ?? baseUrl.replace(/[@?#].*$/, '')).toLowerCase();
  const path = (match?.[2] ?? '').replace(/\/+$/, '');
  const id = `${host}${path}`.slice(0, 199);
  // A host named like a reserved id (http://demo) must not read as the Demo: its slash keeps it apart.
  return id === demoSource || id === productionSource ? `${id}/` : id;
}

const loopbackHost = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

/**
 * What a trader reads for a source beside the venue's name: "Demo", "testnet", "simulator" (a
 * loopback address), the host otherwise; empty for production, which needs no word.
 */
export function sourceLabel(sourceId: string): string {
  if (sourceId === productionSource) return '';
  if (sourceId === demoSource) return 'Demo';
  const host = sourceId.split('/')[0] ?? sourceId;
  if (loopbackHost.test(host)) return 'simulator';
  if (host.includes('testnet')) return 'testnet';
  return host;
}

/** A source id as the contract carries it (see `sourceIdOf`). */
export const SourceIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._~:/[\]%-]+$/, 'not a market source');

/** A market: the venue, the source it is read at (`sourceIdOf`), and the venue's own symbol (BTCUSDT, BTC-USDT-SWAP, BTC). */
export const MarketKeySchema = z
  .object({ venue: AccountVenueSchema, source: SourceIdSchema, symbol: z.string().trim().min(1).max(40) })
  .strict();
/** A market: venue, source and symbol, as parsed. */
export type MarketKey = z.infer<typeof MarketKeySchema>;

/** One string per market, for maps and sets: equal exactly when venue, source and symbol all are. */
export function marketKeyId(market: MarketKey): string {
  return `${market.venue}|${market.source}|${market.symbol}`;
}

/** The market of a position or view: the key fields of anything that carries them. */
export function marketKeyOf(item: MarketKey): MarketKey {
  return { venue: item.venue, source: item.source, symbol: item.symbol };
}

/** The venue and, when not production, the source, as a chart header reads them: "Binance · Demo", "Bybit · testnet", "OKX". */
export function marketSourceName(market: Pick<MarketKey, 'venue' | 'source'>): string {
  const label = sourceLabel(market.source);
  const venue = venueFacts(market.venue).short;
  return label === '' ? venue : `${venue} · ${label}`;
}
