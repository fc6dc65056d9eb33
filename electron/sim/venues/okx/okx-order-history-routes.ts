import type { SimInstrument, SimLiquidation } from '../../market/types';
import { decimalText, stepText } from '../common/decimal-text';
import {
  badParameter,
  integerParameter,
  limitParameter,
  selectInstruments,
  unknownInstrument,
  type OkxPrivateHandler,
} from './okx-call';
import { okxReply } from './okx-envelope';
import { contractsText, okxInstId } from './okx-instruments';

const weekMs = 7 * 86_400_000;

/**
 * One liquidation order of the account as `GET /api/v5/trade/orders-history` lists it: `category`
 * `full_liquidation` (the simulator closes whole positions), `side` the ORDER's (a long is closed by
 * a sell), `posSide` the leg in hedge mode or `net`, sizes in contracts, one fill at the liquidation's
 * price, `pnl` the close's profit excluding fees. Fields and order as in OKX's own example:
 * https://www.okx.com/docs-v5/en/#order-book-trading-trade-get-order-history-last-7-days
 */
function liquidationOrderRow(
  instrument: SimInstrument,
  liquidation: SimLiquidation,
  index: number,
  hedge: boolean,
): Record<string, unknown> {
  const contracts = contractsText(instrument, liquidation.size);
  const price = stepText(liquidation.price, instrument.tickSize);
  const time = String(liquidation.timeMs);
  const entry = liquidation.entryPrice ?? liquidation.price;
  const pnl = (liquidation.side === 'long' ? 1 : -1) * (liquidation.price - entry) * liquidation.size;
  return {
    accFillSz: contracts,
    algoClOrdId: '',
    algoId: '',
    attachAlgoClOrdId: '',
    attachAlgoOrds: [],
    avgPx: price,
    cTime: time,
    cancelSource: '',
    cancelSourceReason: '',
    category: 'full_liquidation',
    ccy: '',
    clOrdId: '',
    fee: '0',
    feeCcy: instrument.quote,
    fillPx: price,
    fillSz: contracts,
    fillTime: time,
    instId: okxInstId(instrument),
    instType: 'SWAP',
    isTpLimit: 'false',
    lever: liquidation.leverage === undefined ? '' : decimalText(liquidation.leverage, 2),
    ordId: String(liquidation.timeMs * 100 + (index % 100)),
    ordType: 'market',
    pnl: decimalText(pnl, 8),
    posSide: hedge ? liquidation.side : 'net',
    px: '',
    pxType: '',
    pxUsd: '',
    pxVol: '',
    quickMgnType: '',
    rebate: '0',
    rebateCcy: instrument.quote,
    reduceOnly: 'true',
    side: liquidation.side === 'long' ? 'sell' : 'buy',
    slOrdPx: '',
    slTriggerPx: '',
    slTriggerPxType: '',
    source: '',
    state: 'filled',
    stpId: '',
    stpMode: '',
    sz: contracts,
    tag: '',
    tdMode: liquidation.marginMode ?? 'cross',
    tgtCcy: '',
    tpOrdPx: '',
    tpTriggerPx: '',
    tpTriggerPxType: '',
    tradeId: String(liquidation.timeMs * 100 + (index % 100)),
    tradeQuoteCcy: '',
    uTime: time,
    linkedAlgoOrd: { algoId: '' },
  };
}

/**
 * `GET /api/v5/trade/orders-history` (signed): the key's account's finished swap orders of the last
 * 7 days, of which the simulator has only the liquidation orders it placed itself. `instType`
 * required (SWAP; others list none); `instId` / `instFamily` / `uly`; `category` (only
 * `full_liquidation` lists any); `state` (`filled` or absent); `begin` / `end` on `cTime`, ms;
 * `limit` 100 at most; newest first, as OKX sorts them (by creation time).
 */
const ordersHistory: OkxPrivateHandler = (call, key) => {
  const query = call.request.query;
  if (!query.get('instType')) return badParameter('instType');
  const selected = selectInstruments(call);
  if (!selected) return unknownInstrument();
  const begin = integerParameter(call, 'begin');
  const end = integerParameter(call, 'end');
  const limit = limitParameter(call, 100, 100);
  if (Number.isNaN(begin) || Number.isNaN(end) || limit === undefined) return badParameter('begin, end or limit');
  const category = query.get('category');
  const state = query.get('state');
  if (
    query.get('instType') !== 'SWAP' ||
    (category && category !== 'full_liquidation') ||
    (state && state !== 'filled')
  )
    return okxReply([]);
  const account = call.market.account(key.accountId);
  const nowMs = call.market.now();
  const fromMs = Math.max(nowMs - weekMs, begin ?? -Infinity);
  const toMs = end ?? Infinity;
  const rows = (account?.liquidations ?? []).flatMap((liquidation, index) => {
    const instrument = selected.find((candidate) => candidate.symbol === liquidation.symbol);
    return instrument && liquidation.timeMs >= fromMs && liquidation.timeMs <= toMs
      ? [liquidationOrderRow(instrument, liquidation, index, account?.positionMode === 'hedge')]
      : [];
  });
  return okxReply(rows.reverse().slice(0, limit));
};

/** Signed order-history endpoints by path. */
export const okxOrderHistoryRoutes: Readonly<Record<string, OkxPrivateHandler>> = {
  '/api/v5/trade/orders-history': ordersHistory,
};
