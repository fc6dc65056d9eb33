import type { SimLiquidation } from '../../market/types';
import { badParameter, integerParameter, limitParameter, type BybitPrivateHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { findInstrument } from './bybit-instruments';
import { decimalText } from '../common/decimal-text';

const dayMs = 86_400_000;

/**
 * One takeover-liquidation execution as `GET /v5/execution/list` lists it
 * (docs/research/liquidation-events.md §2.2): `side` is the execution's order side (a long is closed
 * by a Sell), `execType` BustTrade, one fill at the liquidation's price; no realised PnL (Bybit sends none).
 */
function bustTradeRow(liquidation: SimLiquidation, index: number): object {
  const qty = decimalText(liquidation.size);
  const price = decimalText(liquidation.price);
  return {
    symbol: liquidation.symbol,
    orderId: `liq-${liquidation.timeMs}-${index}`,
    orderLinkId: '',
    side: liquidation.side === 'long' ? 'Sell' : 'Buy',
    orderPrice: price,
    orderQty: qty,
    leavesQty: '0',
    createType: 'CreateByLiq',
    orderType: 'Market',
    stopOrderType: 'UNKNOWN',
    execFee: '0',
    execId: `bust-${liquidation.timeMs}-${index}`,
    execPrice: price,
    execQty: qty,
    execType: 'BustTrade',
    execValue: decimalText(liquidation.size * liquidation.price),
    execTime: String(liquidation.timeMs),
    feeCurrency: 'USDT',
    isMaker: false,
    feeRate: '0',
    tradeIv: '',
    markIv: '',
    markPrice: price,
    indexPrice: price,
    underlyingPrice: '',
    blockTradeId: '',
    closedSize: qty,
    seq: liquidation.timeMs,
  };
}

/**
 * `GET /v5/execution/list` (signed), linear only: the key's account's executions, of which the
 * simulator has only its liquidations (BustTrade; any other `execType` lists none). `symbol`,
 * `startTime`/`endTime` (market clock; default the 7 days before now), `limit` 50 (max 100);
 * newest first, as Bybit lists them.
 */
export const bybitExecutionRoutes: Readonly<Record<string, BybitPrivateHandler>> = {
  '/v5/execution/list': (call, key) => {
    const query = call.request.query;
    if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
    const symbol = query.get('symbol');
    if (symbol && !findInstrument(call.market, symbol)) return badParameter(call, 'symbol invalid');
    const startMs = integerParameter(call, 'startTime');
    const endMs = integerParameter(call, 'endTime');
    const limit = limitParameter(call, 50, 100);
    if (Number.isNaN(startMs) || Number.isNaN(endMs) || limit === undefined)
      return badParameter(call, 'startTime, endTime or limit invalid');
    const execType = query.get('execType');
    const until = endMs ?? call.market.now();
    const from = startMs ?? until - 7 * dayMs;
    const rows = (call.market.account(key.accountId)?.liquidations ?? [])
      .map((liquidation, index) => ({ liquidation, index }))
      .filter(
        ({ liquidation }) =>
          (execType === null || execType === 'BustTrade') &&
          (!symbol || liquidation.symbol === symbol) &&
          liquidation.timeMs >= from &&
          liquidation.timeMs <= until,
      )
      .reverse()
      .slice(0, limit);
    const list = rows.map(({ liquidation, index }) => bustTradeRow(liquidation, index));
    return bybitReply({ category: 'linear', list, nextPageCursor: '' }, call.wallNowMs);
  },
};
