import { spotTokenIndex } from './hyperliquid-spot';
import type { SimAccount, SimAccountPosition, SimMarket } from '../../market/types';
import { decimalText } from '../binance/decimal-text';
import { dexCoin } from './hyperliquid-dexes';

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
  const coin = instrument ? dexCoin(instrument, position.dex) : position.symbol.replace(/(USDT|USDC)$/, '');
  return {
    coin,
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
 * Unified and portfolio accounts keep their balances in spot; their perp state's account values
 * are 0 here (Hyperliquid: the per-dex perp states "are not meaningful" in those modes).
 */
export function clearinghouseState(market: SimMarket, account: SimAccount | undefined): object {
  const all = (account?.positions ?? []).map((position) => figures(market, position));
  const cross = all.filter((f) => f.source.marginMode === 'cross');
  const spotHeld = account !== undefined && userAbstraction(account) !== 'disabled';
  const crossValue = spotHeld
    ? 0
    : (account?.crossEquity ??
      (account?.walletBalance ?? 0) + cross.reduce((sum, f) => sum + f.source.unrealizedPnl, 0));
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

/** `{"type":"userAbstraction"}` for an account's mode: disabled (standard), unifiedAccount, portfolioMargin. */
export function userAbstraction(account: SimAccount | undefined): 'disabled' | 'unifiedAccount' | 'portfolioMargin' {
  if (account?.mode === 'unified') return 'unifiedAccount';
  return account?.mode === 'portfolio' ? 'portfolioMargin' : 'disabled';
}

/**
 * `{"type":"spotClearinghouseState","user":...}`. A standard account keeps its USDC in the perp
 * clearinghouse, so spot is empty. Unified and portfolio accounts hold everything in spot: USDC
 * `total` = wallet + every position's PnL + isolated margins (the account's value), `hold` = the
 * margin in use; then each other collateral asset.
 */
export function spotClearinghouseState(market: SimMarket, account: SimAccount | undefined): object {
  if (account === undefined || userAbstraction(account) === 'disabled') return { balances: [] };
  const all = account.positions.map((position) => figures(market, position));
  const isolatedMargins = all.reduce(
    (sum, f) => sum + (f.source.marginMode === 'isolated' ? f.source.isolatedMargin : 0),
    0,
  );
  const total = account.walletBalance + isolatedMargins + all.reduce((sum, f) => sum + f.source.unrealizedPnl, 0);
  return {
    balances: [
      {
        coin: 'USDC',
        token: 0,
        total: usd(total),
        hold: usd(all.reduce((sum, f) => sum + f.marginUsed, 0)),
        entryNtl: '0.0',
      },
      ...(account.collateral ?? []).map((c) => ({
        coin: c.asset,
        token: spotTokenIndex(c.asset),
        total: decimalText(c.amount),
        hold: '0.0',
        entryNtl: usd(c.amount * c.priceUsd),
      })),
    ],
  };
}
