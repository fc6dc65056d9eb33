import type { SimBar, SimLiquidation, SimMarket, SimTicker } from '../../market/types';
import { aggregateBars, type BarInterval } from './bar-buckets';
import { ticker24h } from './binance-market-routes';
import { decimalText } from './decimal-text';

/** `<symbol>@markPrice` event (`markPriceUpdate`). */
export function markPriceEvent(ticker: SimTicker): object {
  return {
    e: 'markPriceUpdate',
    E: ticker.timeMs,
    s: ticker.symbol,
    p: decimalText(ticker.markPrice),
    i: decimalText(ticker.indexPrice),
    P: decimalText(ticker.indexPrice),
    r: decimalText(ticker.fundingRate),
    T: ticker.nextFundingTimeMs,
  };
}

/** `<symbol>@ticker` event (`24hrTicker`), from the same figures as `GET /fapi/v1/ticker/24hr`. */
export function tickerEvent(market: SimMarket, ticker: SimTicker): object {
  const row = ticker24h(market, ticker.symbol);
  return {
    e: '24hrTicker',
    E: ticker.timeMs,
    s: ticker.symbol,
    p: row['priceChange'],
    P: row['priceChangePercent'],
    w: row['weightedAvgPrice'],
    c: row['lastPrice'],
    Q: row['lastQty'],
    o: row['openPrice'],
    h: row['highPrice'],
    l: row['lowPrice'],
    v: row['volume'],
    q: row['quoteVolume'],
    O: row['openTime'],
    C: row['closeTime'],
    F: row['firstId'],
    L: row['lastId'],
    n: row['count'],
  };
}

/** `<symbol>@miniTicker` event (`24hrMiniTicker`): last, open, high, low and volumes of 24 hours. */
export function miniTickerEvent(market: SimMarket, ticker: SimTicker): object {
  const row = ticker24h(market, ticker.symbol);
  return {
    e: '24hrMiniTicker',
    E: ticker.timeMs,
    s: ticker.symbol,
    c: row['lastPrice'],
    o: row['openPrice'],
    h: row['highPrice'],
    l: row['lowPrice'],
    v: row['volume'],
    q: row['quoteVolume'],
  };
}

/**
 * `<symbol>@kline_<i>` (`kline`) or `<symbol>@markPriceKline_<i>` (`markPrice_kline`) event for the
 * interval bucket holding the one-minute bar that just closed: the bucket so far, `x` true when
 * that minute closed the bucket. Mark klines carry "0" volumes, as on Binance.
 */
export function klineEvent(
  market: SimMarket,
  symbol: string,
  kind: 'last' | 'mark',
  interval: BarInterval,
  closed: SimBar,
): object {
  const start = interval.bucketStart(closed.openTimeMs);
  const closeMs = closed.openTimeMs + 60_000;
  const minutes =
    start === closed.openTimeMs
      ? []
      : market.bars(symbol, kind, start, closed.openTimeMs, Math.ceil((closed.openTimeMs - start) / 60_000));
  const bucket = aggregateBars([...minutes, closed], interval)[0];
  const isMark = kind === 'mark';
  const zeroOr = (value: number | undefined): string => (isMark || value === undefined ? '0' : decimalText(value));
  return {
    e: isMark ? 'markPrice_kline' : 'kline',
    E: closeMs,
    s: symbol,
    k: {
      t: start,
      T: interval.nextStart(start) - 1,
      s: symbol,
      i: interval.name,
      f: 0,
      L: Math.max(0, (bucket?.trades ?? 1) - 1),
      o: decimalText(bucket?.open ?? closed.open),
      c: decimalText(bucket?.close ?? closed.close),
      h: decimalText(bucket?.high ?? closed.high),
      l: decimalText(bucket?.low ?? closed.low),
      v: zeroOr(bucket?.volume),
      n: isMark ? (bucket?.minuteCount ?? 1) : (bucket?.trades ?? 0),
      x: closeMs >= interval.nextStart(start),
      q: zeroOr(bucket?.quoteVolume),
      V: zeroOr(bucket?.takerBuyVolume),
      Q: zeroOr(bucket?.takerBuyQuoteVolume),
      B: '0',
    },
  };
}

/**
 * `<symbol>@forceOrder` event. `S` is the side of the liquidation ORDER (a long is closed by a
 * SELL). The simulator has one price per liquidation, so order price `p` and average fill `ap` agree.
 */
export function forceOrderEvent(liquidation: SimLiquidation): object {
  const size = decimalText(liquidation.size);
  return {
    e: 'forceOrder',
    E: liquidation.timeMs,
    o: {
      s: liquidation.symbol,
      S: liquidation.side === 'long' ? 'SELL' : 'BUY',
      o: 'LIMIT',
      f: 'IOC',
      q: size,
      p: decimalText(liquidation.price),
      ap: decimalText(liquidation.price),
      X: 'FILLED',
      l: size,
      z: size,
      T: liquidation.timeMs,
    },
  };
}
