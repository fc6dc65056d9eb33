import type { SimBar, SimInstrument } from '../../market/types';
import { badParameter, limitParameter, type BybitPublicHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { findInstrument } from './bybit-instruments';
import { stepText } from '../common/decimal-text';

const minuteMs = 60_000;

/** One row of `recent-trade`'s `list`, as Bybit sends it (every figure a string, `side` the taker's). */
interface TradeRow {
  readonly execId: string;
  readonly symbol: string;
  readonly price: string;
  readonly size: string;
  readonly side: 'Buy' | 'Sell';
  readonly time: string;
  readonly isBlockTrade: boolean;
  readonly isRPITrade: boolean;
}

/**
 * A closed one-minute bar as the trades it reports: the takers' buys as one trade and their sells
 * as another, each at its volume-weighted price, stamped at the bar's last millisecond. The model
 * keeps taker flow per minute, not per order, so the trades carry the bar's split exactly.
 */
function barTrades(instrument: SimInstrument, bar: SimBar): TradeRow[] {
  const sellVolume = bar.volume - bar.takerBuyVolume;
  const sellQuote = bar.quoteVolume - bar.takerBuyQuoteVolume;
  const time = String(bar.openTimeMs + minuteMs - 1);
  const row = (side: 'Buy' | 'Sell', size: number, quote: number): TradeRow => ({
    execId: `${instrument.symbol}-${bar.openTimeMs}-${side}`,
    symbol: instrument.symbol,
    price: stepText(quote / size, instrument.tickSize),
    size: stepText(size, instrument.stepSize),
    side,
    time,
    isBlockTrade: false,
    isRPITrade: false,
  });
  return [
    ...(sellVolume > 0 ? [row('Sell', sellVolume, sellQuote)] : []),
    ...(bar.takerBuyVolume > 0 ? [row('Buy', bar.takerBuyVolume, bar.takerBuyQuoteVolume)] : []),
  ];
}

/**
 * `GET /v5/market/recent-trade`: the newest public trades of one linear symbol, newest first, at
 * most `limit` (default 500, max 1,000), with the taker's side. Like Bybit, no time range and no
 * paging: only the newest trades.
 */
const recentTrade: BybitPublicHandler = (call) => {
  const query = call.request.query;
  if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
  const instrument = findInstrument(call.market, query.get('symbol') ?? '');
  if (!instrument) return badParameter(call, 'symbol invalid');
  const limit = limitParameter(call, 500, 1000);
  if (limit === undefined) return badParameter(call, 'limit invalid');
  const nowMs = call.market.now();
  // Two trades a minute at most: enough minutes for `limit` trades, and one more.
  const minutes = Math.ceil(limit / 2) + 1;
  const bars = call.market.bars(instrument.symbol, 'last', nowMs - minutes * minuteMs, nowMs, minutes);
  const list = bars
    .flatMap((bar) => barTrades(instrument, bar))
    .reverse()
    .slice(0, limit);
  return bybitReply({ category: 'linear', list }, call.wallNowMs);
};

/** Public trade endpoints by path. */
export const bybitTradeRoutes: Readonly<Record<string, BybitPublicHandler>> = {
  '/v5/market/recent-trade': recentTrade,
};
