import { listOf, num, rowOf, text } from '../raw';
import { sideClosedBy, type RawForceCloseRecord, type RawForceCloseSource } from './venue-profile';

/**
 * The order categories OKX gives the orders it places itself to close a position for want of margin
 * (`full_liquidation`: the whole position; `partial_liquidation`: part of it, to bring the risk back).
 * `adl` is left out: an auto-deleveraged position was profitable, not liquidated.
 */
const liquidationCategories = ['full_liquidation', 'partial_liquidation'] as const;

/** One `orders-history` row as a force close; null when it is not a filled liquidation order. */
function liquidationOrder(entry: unknown): RawForceCloseRecord | null {
  const row = rowOf(entry);
  if (!(liquidationCategories as readonly string[]).includes(text(row['category']))) return null;
  const posSide = text(row['posSide']);
  const pnl = num(row['pnl']);
  return {
    symbol: text(row['instId']),
    // Hedge mode names the leg; net mode says "net", and the order's side tells (a sell closes a long).
    side: posSide === 'long' || posSide === 'short' ? posSide : sideClosedBy(text(row['side'])),
    price: num(row['avgPx']),
    size: num(row['accFillSz']),
    timeMs: num(row['fillTime']) ?? num(row['uTime']),
    // `pnl`: the close's profit excluding fees, in the settlement currency (USDT taken at 1 USD).
    lossUsd: pnl === null ? null : -pnl,
  };
}

/**
 * OKX's own liquidation orders of the account's swaps, through ccxt's implicit
 * `privateGetTradeOrdersHistory` (ccxt 4.5.84 has no `fetchMyLiquidations` for OKX).
 * `GET /api/v5/trade/orders-history` (the last 7 days) takes `category` to list only the orders of
 * one kind, and `begin` to list those created since a time (`cTime`, ms); at most 100 per request,
 * newest first. Each row has `instId`, `side` (the ORDER's), `posSide` (long/short in hedge mode,
 * net otherwise), `avgPx`, `accFillSz` in contracts, `fillTime` and `pnl`.
 * Source: https://www.okx.com/docs-v5/en/#order-book-trading-trade-get-order-history-last-7-days
 * (docs/research/liquidation-events.md §2.3).
 */
export const okxForceCloses: RawForceCloseSource = {
  method: 'raw',
  rawMethod: 'privateGetTradeOrdersHistory',
  requests: (sinceMs) =>
    liquidationCategories.map((category) => ({ instType: 'SWAP', category, begin: String(sinceMs), limit: '100' })),
  read: (answer) =>
    listOf(rowOf(answer)['data']).flatMap((entry) => {
      const record = liquidationOrder(entry);
      return record === null ? [] : [record];
    }),
};
