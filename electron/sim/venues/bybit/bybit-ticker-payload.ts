import type { SimInstrument, SimMarket } from '../../market/types';
import { decimalText, stepText } from '../common/decimal-text';

const dayMs = 86_400_000;

/**
 * One `GET /v5/market/tickers` row (also the data of the WebSocket `tickers.<symbol>` snapshot):
 * mark, index and last price, funding, open interest (base units) and its value at mark, and
 * 24 h statistics from the last 1440 one-minute bars. The book fields are a nominal one-tick spread.
 */
export function tickerRow(market: SimMarket, instrument: SimInstrument): Record<string, unknown> {
  const ticker = market.ticker(instrument.symbol);
  const price = (value: number): string => stepText(value, instrument.tickSize);
  const bars = market.bars(instrument.symbol, 'last', ticker.timeMs - dayMs, ticker.timeMs, 1440);
  const first = bars[0];
  const previous = first?.open ?? ticker.lastPrice;
  const previousHour = bars.at(-60)?.open ?? previous;
  let high = ticker.lastPrice;
  let low = ticker.lastPrice;
  let volume = 0;
  let turnover = 0;
  for (const bar of bars) {
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
    volume += bar.volume;
    turnover += bar.quoteVolume;
  }
  return {
    symbol: instrument.symbol,
    lastPrice: price(ticker.lastPrice),
    indexPrice: price(ticker.indexPrice),
    markPrice: price(ticker.markPrice),
    prevPrice24h: price(previous),
    price24hPcnt: decimalText(previous > 0 ? ticker.lastPrice / previous - 1 : 0, 6),
    highPrice24h: price(high),
    lowPrice24h: price(low),
    prevPrice1h: price(previousHour),
    openInterest: stepText(ticker.openInterest, instrument.stepSize),
    openInterestValue: decimalText(ticker.openInterest * ticker.markPrice, 2),
    turnover24h: decimalText(turnover, 4),
    volume24h: stepText(volume, instrument.stepSize),
    fundingRate: decimalText(ticker.fundingRate, 8),
    nextFundingTime: String(ticker.nextFundingTimeMs),
    fundingIntervalHour: '8',
    fundingCap: '0.005',
    predictedDeliveryPrice: '',
    basisRate: '',
    deliveryFeeRate: '',
    deliveryTime: '0',
    basis: '',
    ask1Size: stepText(instrument.stepSize * 100, instrument.stepSize),
    ask1Price: price(ticker.lastPrice + instrument.tickSize),
    bid1Size: stepText(instrument.stepSize * 100, instrument.stepSize),
    bid1Price: price(ticker.lastPrice),
  };
}
