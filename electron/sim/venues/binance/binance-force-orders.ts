import type { SimLiquidation } from '../../market/types';
import { accountOf, signed } from './binance-account-routes';
import { limitParam, ok, optionalSymbol, timeParam, type BinanceHandler } from './binance-call';
import { isHedgeMode } from './binance-positions';
import { decimalText } from './decimal-text';

const dayMs = 86_400_000;

/**
 * One forced order as `GET /fapi/v1/forceOrders` lists it (docs/research/liquidation-events.md §2.1):
 * `side` is the ORDER's (a long is closed by a SELL), `positionSide` the hedge leg or BOTH; the
 * simulator fills at one price, so `price` and `avgPrice` agree. No realised PnL (Binance sends none).
 */
function forceOrderRow(liquidation: SimLiquidation, index: number, hedge: boolean): object {
  const size = decimalText(liquidation.size);
  const price = decimalText(liquidation.price);
  return {
    orderId: liquidation.timeMs * 10 + (index % 10),
    symbol: liquidation.symbol,
    status: 'FILLED',
    clientOrderId: `autoclose-${liquidation.timeMs}${String(index).padStart(6, '0')}`,
    price,
    avgPrice: price,
    origQty: size,
    executedQty: size,
    cumQuote: decimalText(liquidation.size * liquidation.price),
    timeInForce: 'IOC',
    type: 'LIMIT',
    reduceOnly: false,
    closePosition: false,
    side: liquidation.side === 'long' ? 'SELL' : 'BUY',
    positionSide: hedge ? liquidation.side.toUpperCase() : 'BOTH',
    stopPrice: '0',
    workingType: 'CONTRACT_PRICE',
    origType: 'LIMIT',
    time: liquidation.timeMs,
    updateTime: liquidation.timeMs,
  };
}

/**
 * The account's own forced orders: `symbol` optional, `autoCloseType` LIQUIDATION (or ADL, of which
 * the simulator has none; absent lists both), `startTime`/`endTime` (default the 7 days before now,
 * market clock), `limit` default 50, max 100, oldest first.
 */
export const forceOrderRoutes: Readonly<Record<string, BinanceHandler>> = {
  'GET /fapi/v1/forceOrders': signed((call, key) => {
    const picked = optionalSymbol(call);
    if ('error' in picked) return picked.error;
    if (call.params.get('autoCloseType') === 'ADL') return ok([]);
    const account = accountOf(call, key);
    const endMs = timeParam(call, 'endTime') ?? call.context.market.now();
    const startMs = timeParam(call, 'startTime') ?? endMs - 7 * dayMs;
    const symbol = picked.instrument?.symbol ?? null;
    const rows = (account.liquidations ?? [])
      .map((liquidation, index) => ({ liquidation, index }))
      .filter(
        ({ liquidation }) =>
          (symbol === null || liquidation.symbol === symbol) &&
          liquidation.timeMs >= startMs &&
          liquidation.timeMs <= endMs,
      )
      .slice(0, limitParam(call, 50, 100));
    return ok(rows.map(({ liquidation, index }) => forceOrderRow(liquidation, index, isHedgeMode(account))));
  }),
};
