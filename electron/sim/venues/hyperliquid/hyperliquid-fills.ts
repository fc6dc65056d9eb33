import type { SimAccount, SimLiquidation, SimMarket } from '../../market/types';
import { decimalText } from '../common/decimal-text';
import { coinOf } from './hyperliquid-meta';

/**
 * The fill of one liquidation of the user's position as `userFills` lists it
 * (docs/research/liquidation-events.md §2.4): `side` A (sell) closes a long, `dir` names the closed
 * side, `closedPnl` is the realised PnL at the fill (from the position's entry), and the
 * `liquidation` object marks it as forced.
 */
function liquidationFill(market: SimMarket, address: string, liquidation: SimLiquidation, index: number): object {
  const instrument = market.instruments.find((i) => i.symbol === liquidation.symbol);
  const sign = liquidation.side === 'long' ? 1 : -1;
  const entry = liquidation.entryPrice ?? liquidation.price;
  return {
    coin: instrument === undefined ? liquidation.symbol : coinOf(instrument),
    px: decimalText(liquidation.price),
    sz: decimalText(liquidation.size),
    side: liquidation.side === 'long' ? 'A' : 'B',
    time: liquidation.timeMs,
    startPosition: decimalText(sign * liquidation.size),
    dir: liquidation.side === 'long' ? 'Close Long' : 'Close Short',
    closedPnl: decimalText(sign * (liquidation.price - entry) * liquidation.size, 6),
    hash: `0x${liquidation.timeMs.toString(16).padStart(64, '0')}`,
    oid: liquidation.timeMs * 10 + (index % 10),
    crossed: true,
    fee: '0',
    tid: liquidation.timeMs * 100 + index,
    feeToken: 'USDC',
    liquidation: { liquidatedUser: address, markPx: decimalText(liquidation.price), method: 'market' },
  };
}

/**
 * `userFills` (no bounds) and `userFillsByTime` (`startTime`, optional `endTime`, market clock): the
 * account's fills, of which the simulator has only its liquidations; newest first, at most 2000.
 */
export function userFills(
  market: SimMarket,
  address: string,
  account: SimAccount | undefined,
  startMs: number | null,
  endMs: number | null,
): object[] {
  return (account?.liquidations ?? [])
    .map((liquidation, index) => ({ liquidation, index }))
    .filter(
      ({ liquidation }) =>
        (startMs === null || liquidation.timeMs >= startMs) && (endMs === null || liquidation.timeMs <= endMs),
    )
    .reverse()
    .slice(0, 2000)
    .map(({ liquidation, index }) => liquidationFill(market, address, liquidation, index));
}
