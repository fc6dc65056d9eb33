import type { SimInstrument, SimLiquidation, SimMarket } from '../../market/types';
import { bybitInterval } from './bybit-intervals';
import { findInstrument } from './bybit-instruments';
import { tickerRow } from './bybit-ticker-payload';
import { buildCandles } from '../common/candles';
import { decimalText, stepText } from '../common/decimal-text';

/** A public topic a client may subscribe to on `/v5/public/linear`. */
export type BybitTopic =
  | { readonly kind: 'tickers'; readonly name: string; readonly instrument: SimInstrument }
  | { readonly kind: 'kline'; readonly name: string; readonly instrument: SimInstrument; readonly intervalId: string }
  | { readonly kind: 'allLiquidation' | 'liquidation'; readonly name: string; readonly instrument: SimInstrument };

/**
 * Parses `tickers.<symbol>`, `kline.<interval>.<symbol>`, `allLiquidation.<symbol>` and the legacy
 * `liquidation.<symbol>`; undefined for anything else or an unlisted symbol.
 */
export function parseBybitTopic(market: SimMarket, name: string): BybitTopic | undefined {
  const parts = name.split('.');
  const instrument = findInstrument(market, parts.at(-1) ?? '');
  if (!instrument) return undefined;
  if (parts.length === 2 && parts[0] === 'tickers') return { kind: 'tickers', name, instrument };
  if (parts.length === 2 && (parts[0] === 'allLiquidation' || parts[0] === 'liquidation'))
    return { kind: parts[0], name, instrument };
  const intervalId = parts[1] ?? '';
  if (parts.length === 3 && parts[0] === 'kline' && bybitInterval(intervalId))
    return { kind: 'kline', name, instrument, intervalId };
  return undefined;
}

/** The full ticker, sent once after subscribing (Bybit sends a snapshot first, then deltas). */
export function tickerSnapshot(market: SimMarket, topic: BybitTopic, sequence: number): Record<string, unknown> {
  return {
    topic: topic.name,
    type: 'snapshot',
    data: tickerRow(market, topic.instrument),
    cs: sequence,
    ts: market.now(),
  };
}

/** The fields that move every tick. */
export function tickerDelta(market: SimMarket, topic: BybitTopic, sequence: number): Record<string, unknown> {
  const ticker = market.ticker(topic.instrument.symbol);
  const price = (value: number): string => stepText(value, topic.instrument.tickSize);
  return {
    topic: topic.name,
    type: 'delta',
    data: {
      symbol: topic.instrument.symbol,
      markPrice: price(ticker.markPrice),
      indexPrice: price(ticker.indexPrice),
      lastPrice: price(ticker.lastPrice),
      fundingRate: decimalText(ticker.fundingRate, 8),
      nextFundingTime: String(ticker.nextFundingTimeMs),
      openInterest: stepText(ticker.openInterest, topic.instrument.stepSize),
      openInterestValue: decimalText(ticker.openInterest * ticker.markPrice, 2),
    },
    cs: sequence,
    ts: ticker.timeMs,
  };
}

/** The candle of the current interval (`confirm` once it has closed); undefined before any bar exists. */
export function klineMessage(
  market: SimMarket,
  topic: Extract<BybitTopic, { kind: 'kline' }>,
): Record<string, unknown> | undefined {
  const interval = bybitInterval(topic.intervalId);
  if (!interval) return undefined;
  const { instrument } = topic;
  const nowMs = market.now();
  const [candle] = buildCandles((from, to, count) => market.bars(instrument.symbol, 'last', from, to, count), {
    ...interval,
    limit: 1,
    keep: 'newest',
    nowMs,
  });
  if (!candle) return undefined;
  const price = (value: number): string => stepText(value, instrument.tickSize);
  return {
    topic: topic.name,
    type: 'snapshot',
    ts: nowMs,
    data: [
      {
        start: candle.openTimeMs,
        end: candle.openTimeMs + interval.intervalMs - 1,
        interval: topic.intervalId,
        open: price(candle.open),
        close: price(candle.close),
        high: price(candle.high),
        low: price(candle.low),
        volume: stepText(candle.volume, instrument.stepSize),
        turnover: decimalText(candle.quoteVolume, 4),
        confirm: candle.closed,
        timestamp: nowMs,
      },
    ],
  };
}

/**
 * A liquidation as Bybit pushes it. `S`/`side` is the side of the position that was liquidated
 * ("Buy" = a long), unlike Binance and OKX where it is the side of the liquidation order.
 */
export function liquidationMessage(
  topic: BybitTopic,
  liquidation: SimLiquidation,
  nowMs: number,
): Record<string, unknown> {
  const side = liquidation.side === 'long' ? 'Buy' : 'Sell';
  const size = stepText(liquidation.size, topic.instrument.stepSize);
  const price = stepText(liquidation.price, topic.instrument.tickSize);
  if (topic.kind === 'allLiquidation') {
    return {
      topic: topic.name,
      type: 'snapshot',
      ts: nowMs,
      data: [{ T: liquidation.timeMs, s: liquidation.symbol, S: side, v: size, p: price }],
    };
  }
  return {
    topic: topic.name,
    type: 'snapshot',
    ts: nowMs,
    data: { updatedTime: liquidation.timeMs, symbol: liquidation.symbol, side, size, price },
  };
}
