import type { SimAccount, SimAccountPosition, SimMarket } from '../../market/types';
import { decimalText } from '../binance/decimal-text';

interface PositionFigures {
  readonly coin: string;
  readonly source: SimAccountPosition;
  readonly maxLeverage: number;
  /** Signed size, base units. */
  readonly szi: number;
  /** |szi| × mark, USDC. */
  readonly positionValue: number;
  /** Cross: positionValue / leverage. Isolated: the isolated margin plus unrealized PnL (the venue's "account value" of the position). */
  readonly marginUsed: number;
}

function figures(market: SimMarket, position: SimAccountPosition): PositionFigures {
  const instrument = market.instruments.find((i) => i.symbol === position.symbol);
  const szi = (position.side === 'long' ? 1 : -1) * position.size;
  const positionValue = position.size * position.markPrice;
  const marginUsed =
    position.marginMode === 'isolated'
      ? position.isolatedMargin + position.unrealizedPnl
      : positionValue / position.leverage;
  return {
    coin: instrument?.base ?? position.symbol.replace(/(USDT|USDC)$/, ''),
    source: position,
    maxLeverage: instrument?.maxLeverage ?? position.leverage,
    szi,
    positionValue,
    marginUsed,
  };
}

const usd = (value: number): string => decimalText(value, 6);

function assetPosition(figure: PositionFigures): object {
  const { source } = figure;
  const isolated = source.marginMode === 'isolated';
  const entryMargin = (source.size * source.entryPrice) / source.leverage;
  return {
    type: 'oneWay',
    position: {
      coin: figure.coin,
      szi: decimalText(figure.szi),
      // rawUsd: the position's USDC balance once its size is valued at mark (accountValue = rawUsd + szi × mark).
      leverage: isolated
        ? { type: 'isolated', value: source.leverage, rawUsd: usd(figure.marginUsed - figure.szi * source.markPrice) }
        : { type: 'cross', value: source.leverage },
      entryPx: decimalText(source.entryPrice),
      positionValue: usd(figure.positionValue),
      unrealizedPnl: usd(source.unrealizedPnl),
      returnOnEquity: decimalText(entryMargin > 0 ? source.unrealizedPnl / entryMargin : 0, 10),
      liquidationPx:
        source.liquidationPrice === null || source.liquidationPrice <= 0 ? null : decimalText(source.liquidationPrice),
      marginUsed: usd(figure.marginUsed),
      maxLeverage: figure.maxLeverage,
      cumFunding: { allTime: '0.0', sinceOpen: '0.0', sinceChange: '0.0' },
    },
  };
}

function summary(accountValue: number, set: readonly PositionFigures[]): object {
  const signedValue = set.reduce((sum, f) => sum + f.szi * f.source.markPrice, 0);
  return {
    accountValue: usd(accountValue),
    totalNtlPos: usd(set.reduce((sum, f) => sum + f.positionValue, 0)),
    totalRawUsd: usd(accountValue - signedValue),
    totalMarginUsed: usd(set.reduce((sum, f) => sum + f.marginUsed, 0)),
  };
}

/**
 * `{"type":"clearinghouseState","user":...}`. The cross account value is the account's
 * `crossEquity` (else the wallet plus cross unrealized PnL), the cross maintenance margin its
 * `crossMaintenanceMargin` (else the positions' sum); `marginSummary` adds the isolated positions' own values. `withdrawable` is the
 * cross value less the cross margin in use, floored at 0. Liquidation prices are the account's
 * (the venue's reported values). `account` undefined gives the empty state an unknown address gets.
 */
export function clearinghouseState(market: SimMarket, account: SimAccount | undefined): object {
  const all = (account?.positions ?? []).map((position) => figures(market, position));
  const cross = all.filter((f) => f.source.marginMode === 'cross');
  const crossValue =
    account?.crossEquity ?? (account?.walletBalance ?? 0) + cross.reduce((sum, f) => sum + f.source.unrealizedPnl, 0);
  const totalValue =
    crossValue + all.filter((f) => f.source.marginMode === 'isolated').reduce((sum, f) => sum + f.marginUsed, 0);
  const crossMarginUsed = cross.reduce((sum, f) => sum + f.marginUsed, 0);
  return {
    marginSummary: summary(totalValue, all),
    crossMarginSummary: summary(crossValue, cross),
    crossMaintenanceMarginUsed: usd(
      account?.crossMaintenanceMargin ?? cross.reduce((sum, f) => sum + f.source.maintenanceMargin, 0),
    ),
    withdrawable: usd(Math.max(0, crossValue - crossMarginUsed)),
    assetPositions: all.map(assetPosition),
    time: market.now(),
  };
}

/** `{"type":"spotClearinghouseState","user":...}`: simulated accounts hold everything in the perp account, so spot is empty. */
export function spotClearinghouseState(): object {
  return { balances: [] };
}
