import type { SimAccount } from '../../market/types';
import type { SimHttpRequest, SimHttpResponse, VenueContext, VenueRoute } from '../../server/venue-route';
import { parseBarInterval } from '../binance/bar-buckets';
import { accountByAddress, isUserAddress } from './hyperliquid-accounts';
import { candleSnapshot } from './hyperliquid-candles';
import { clearinghouseState, spotClearinghouseState, userAbstraction } from './hyperliquid-clearinghouse';
import { dexMeta, dexMetaAndAssetContexts, dexNames, instrumentOfDexCoin, onDex, perpDexes } from './hyperliquid-dexes';
import { userFills } from './hyperliquid-fills';
import { allMids, meta, metaAndAssetContexts } from './hyperliquid-meta';
import { spotMeta, spotMetaAndAssetContexts } from './hyperliquid-spot';
import { createHyperliquidStreams } from './hyperliquid-streams';
import { traderAccount } from './hyperliquid-traders';

type InfoRequest = Record<string, unknown>;

/** How the venue refuses a body it cannot read: HTTP 422 with a plain-text reason. */
function unreadable(reason: string): SimHttpResponse {
  return {
    status: 422,
    body: `Failed to deserialize the JSON body into the target type: ${reason}`,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  };
}

const ok = (body: unknown): SimHttpResponse => ({ status: 200, body });

/**
 * Answers one `POST /info` body. `dex` names a HIP-3 dex (`hyperliquid-dexes.ts`; '' or absent is
 * the main dex); an unlisted one is refused.
 */
function answerInfo(context: VenueContext, info: InfoRequest): SimHttpResponse {
  const { market, keys } = context;
  const dex = info['dex'] ?? '';
  if (typeof dex !== 'string' || (dex !== '' && !dexNames(market).includes(dex)))
    return unreadable(`unknown dex ${JSON.stringify(dex)}`);
  const account = (address: string): SimAccount | undefined =>
    accountByAddress(market, keys, address) ?? traderAccount(market, address);
  const userState = (answer: (address: string) => unknown): SimHttpResponse =>
    isUserAddress(info['user']) ? ok(answer(info['user'])) : unreadable('user: invalid address');
  switch (info['type']) {
    case 'meta':
      return ok(dex === '' ? meta(market) : dexMeta(market, dex));
    case 'metaAndAssetCtxs':
      return ok(dex === '' ? metaAndAssetContexts(market) : dexMetaAndAssetContexts(market, dex));
    case 'spotMeta':
      return ok(spotMeta());
    case 'spotMetaAndAssetCtxs':
      return ok(spotMetaAndAssetContexts(market));
    // Index 0 is the main dex, written as null; then the HIP-3 dexes accounts trade on.
    case 'perpDexs':
      return ok(perpDexes(market));
    case 'allMids':
      return ok(allMids(market));
    case 'clearinghouseState':
      return userState((address) => clearinghouseState(market, onDex(account(address), dex)));
    case 'spotClearinghouseState':
      return userState((address) => spotClearinghouseState(market, account(address)));
    // The venue answers a JSON string, so the text sent is the quoted word.
    case 'userAbstraction':
      return userState((address) => JSON.stringify(userAbstraction(account(address))));
    case 'userFills':
    case 'userFillsByTime': {
      const bound = (name: string): number | null => (typeof info[name] === 'number' ? info[name] : null);
      const startMs = info['type'] === 'userFillsByTime' ? bound('startTime') : null;
      if (info['type'] === 'userFillsByTime' && startMs === null) return unreadable('missing field `startTime`');
      return userState((address) => userFills(market, address, account(address), startMs, bound('endTime')));
    }
    case 'candleSnapshot':
      return answerCandles(context, info['req']);
    default:
      return unreadable(`unknown variant \`${String(info['type'])}\``);
  }
}

function answerCandles(context: VenueContext, req: unknown): SimHttpResponse {
  if (typeof req !== 'object' || req === null) return unreadable('missing field `req`');
  const { coin, interval, startTime, endTime } = req as Record<string, unknown>;
  const instrument = typeof coin === 'string' ? instrumentOfDexCoin(context.market, coin) : undefined;
  const parsed = typeof interval === 'string' ? parseBarInterval(interval) : undefined;
  if (!parsed || typeof startTime !== 'number') return unreadable('req: invalid candle request');
  // An unknown coin has no candles; the venue answers an empty list.
  if (!instrument) return ok([]);
  return ok(
    candleSnapshot(
      context.market,
      instrument,
      parsed,
      startTime,
      typeof endTime === 'number' ? endTime : context.market.now(),
    ),
  );
}

/**
 * The Hyperliquid protocol server (prefix `hyperliquid`): `POST /info` for the info types ccxt
 * `hyperliquid` sends, and the public WebSocket at `/ws`. Accounts are read by public address
 * (see hyperliquid-accounts.ts); no endpoint needs a signature.
 */
export function hyperliquidRoute(context: VenueContext): VenueRoute {
  const streams = createHyperliquidStreams(context.market);
  return {
    venue: 'hyperliquid',
    prefix: 'hyperliquid',
    handleHttp(request: SimHttpRequest): SimHttpResponse {
      if (request.path !== '/info') return { status: 404, body: '', headers: { 'Content-Type': 'text/plain' } };
      if (request.method !== 'POST') return { status: 405, body: '', headers: { 'Content-Type': 'text/plain' } };
      let info: unknown;
      try {
        info = JSON.parse(request.body);
      } catch {
        return unreadable('expected value at line 1 column 1');
      }
      if (typeof info !== 'object' || info === null || Array.isArray(info))
        return unreadable('invalid type: expected struct');
      return answerInfo(context, info as InfoRequest);
    },
    handleSocket: (socket, path) => streams.attach(socket, path),
    close: () => streams.close(),
  };
}
