import type { SimInstrument } from '../../market/types';
import {
  badParameter,
  integerParameter,
  limitParameter,
  selectInstruments,
  unknownInstrument,
  type OkxCall,
  type OkxPublicHandler,
} from './okx-call';
import { okxReply } from './okx-envelope';
import { okxInstrumentRow, okxTierRows } from './okx-instruments';
import {
  fundingRateRow,
  liquidationDetail,
  liquidationGroup,
  markPriceRow,
  openInterestRow,
  tickerRow,
} from './okx-public-payload';

const dayMs = 86_400_000;

/** Wraps a per-instrument row builder: instType must be SWAP (other types list nothing). */
function perInstrument(
  row: (call: OkxCall, instrument: SimInstrument) => Record<string, unknown>,
  requireInstType = true,
): OkxPublicHandler {
  return (call) => {
    const instType = call.request.query.get('instType');
    if (requireInstType && !instType) return badParameter('instType');
    if (instType && instType !== 'SWAP') return okxReply([]);
    const instruments = selectInstruments(call);
    return instruments ? okxReply(instruments.map((instrument) => row(call, instrument))) : unknownInstrument();
  };
}

/** `GET /api/v5/public/instruments?instType=SWAP`. */
const instruments = perInstrument((call, instrument) => okxInstrumentRow(instrument, call.market.now() - 365 * dayMs));

/** `GET /api/v5/public/position-tiers`: tiers by contract count; `tdMode` and `instFamily`/`uly` required. */
const positionTiers: OkxPublicHandler = (call) => {
  const query = call.request.query;
  if (query.get('instType') !== 'SWAP') return okxReply([]);
  const tdMode = query.get('tdMode');
  if (tdMode !== 'cross' && tdMode !== 'isolated') return badParameter('tdMode');
  if (!query.get('instFamily') && !query.get('uly')) return badParameter('instFamily');
  const selected = selectInstruments(call);
  return selected ? okxReply(selected.flatMap((instrument) => okxTierRows(instrument))) : unknownInstrument();
};

/** `GET /api/v5/public/time`: the server's wall clock. */
const time: OkxPublicHandler = (call) => okxReply([{ ts: String(call.wallNowMs) }]);

/**
 * `GET /api/v5/public/liquidation-orders?instType=SWAP&state=filled`: the last day of
 * liquidations per instrument, newest first, at most `limit` (100) each, paged by `before`/`after`
 * (ms; newer / older than). `state=unfilled` lists nothing (simulated liquidations fill at once).
 */
const liquidationOrders: OkxPublicHandler = (call) => {
  const query = call.request.query;
  if (!query.get('instType')) return badParameter('instType');
  if (query.get('instType') !== 'SWAP' || query.get('state') === 'unfilled') return okxReply([]);
  const selected = selectInstruments(call);
  if (!selected) return unknownInstrument();
  const before = integerParameter(call, 'before');
  const after = integerParameter(call, 'after');
  const limit = limitParameter(call, 100, 100);
  if (Number.isNaN(before) || Number.isNaN(after) || limit === undefined) return badParameter('before, after or limit');
  const nowMs = call.market.now();
  const fromMs = Math.max(nowMs - dayMs, (before ?? -Infinity) + 1);
  const toMs = Math.min(nowMs + 1, after ?? Infinity);
  const groups = selected.flatMap((instrument) => {
    const details = call.market
      .liquidations(instrument.symbol, fromMs, toMs)
      .slice(-limit)
      .reverse()
      .map((liquidation) => liquidationDetail(instrument, liquidation));
    return details.length > 0 ? [liquidationGroup(instrument, details)] : [];
  });
  return okxReply(groups);
};

/** Public-data endpoints by path. */
export const okxPublicRoutes: Readonly<Record<string, OkxPublicHandler>> = {
  '/api/v5/public/instruments': instruments,
  '/api/v5/public/position-tiers': positionTiers,
  '/api/v5/public/mark-price': perInstrument((call, instrument) => markPriceRow(call.market, instrument)),
  '/api/v5/public/funding-rate': perInstrument((call, instrument) => fundingRateRow(call.market, instrument), false),
  '/api/v5/public/open-interest': perInstrument((call, instrument) => openInterestRow(call.market, instrument)),
  '/api/v5/public/time': time,
  '/api/v5/public/liquidation-orders': liquidationOrders,
  '/api/v5/market/ticker': perInstrument((call, instrument) => tickerRow(call.market, instrument), false),
};
