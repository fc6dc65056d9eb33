import type { Candle } from '../../../shared/domain/candle';
import type { TakerVolumePoint } from '../../../shared/domain/open-interest';
import type { Timeframe } from '../../../shared/domain/timeframe';
import { venueName, venueRegistry } from '../../../shared/domain/venue';
import type { AdapterContext } from './adapter';
import { GatewayError } from './gateway-error';
import type { ExchangeGateway } from './gateway';
import { timeframeMs } from '../../../shared/domain/timeframe';
import { takerFlowOfTrades } from '../../../shared/context/figures';
import { mapOhlcv, mapOpenInterest, mapRawKlines, mapTrades } from './map-ccxt';

/** Candles per request when the caller gives no limit (every venue serves at least this many). */
const defaultCandleLimit = 200;

/**
 * Candles, open-interest history and taker volume of a gateway, on ccxt's unified calls plus the
 * raw endpoints the venue profile names where ccxt drops data (Binance taker-buy kline column).
 */
export function createMarketData(
  context: AdapterContext,
): Pick<ExchangeGateway, 'fetchCandles' | 'fetchOpenInterestHistory' | 'fetchTakerVolume'> {
  const { profile, exchange, call, raw } = context;
  const { capabilities } = venueRegistry[profile.venue];
  const unsupported = (what: string): GatewayError =>
    new GatewayError('unsupported', `${venueName(profile.venue)} does not publish ${what}.`);

  const fetchCandles = async (
    symbol: string,
    timeframe: Timeframe,
    kind: 'last' | 'mark',
    sinceMs?: number,
    limit?: number,
  ): Promise<readonly Candle[]> => {
    const info = await context.market(symbol);
    const count = limit ?? defaultCandleLimit;
    if (kind === 'mark' && !capabilities.markCandles) throw unsupported('mark-price candles');
    const klines = profile.candles.rawTakerKlines;
    if (kind === 'last' && klines !== null) {
      const rows = await raw(klines.last, {
        symbol: info.symbol,
        interval: timeframe,
        limit: count,
        ...(sinceMs === undefined ? {} : { startTime: sinceMs }),
      });
      return mapRawKlines(rows, klines.takerBuyColumn);
    }
    const params = kind === 'mark' ? { price: 'mark' } : {};
    const rows = await call(() => exchange.fetchOHLCV(info.unifiedSymbol, timeframe, sinceMs, count, params));
    // Mark candles have no volume; OKX volumes are in contracts.
    return mapOhlcv(rows, kind === 'mark' ? 0 : info.contractSize);
  };

  return {
    fetchCandles,
    async fetchOpenInterestHistory(symbol, timeframe, sinceMs) {
      if (!capabilities.openInterestHistory)
        throw unsupported('open-interest history (record it locally from live polling)');
      const info = await context.market(symbol);
      const rows = await call(() => exchange.fetchOpenInterestHistory(info.unifiedSymbol, timeframe, sinceMs));
      return mapOpenInterest(rows, info.contractSize, profile.openInterestFields).sort((a, b) => a.timeMs - b.timeMs);
    },
    async fetchTakerVolume(symbol, timeframe, sinceMs) {
      const info = await context.market(symbol);
      const stat = profile.takerVolume;
      const period = profile.statPeriods[timeframe];
      if (stat !== null && period !== undefined) {
        return stat
          .read(await raw(stat.rawMethod, stat.query(info.symbol, period, sinceMs)))
          .sort((a, b) => a.timeMs - b.timeMs);
      }
      const recent = profile.takerTrades;
      if (recent !== null) {
        const answer: unknown = await call(() => exchange.fetchTrades(info.unifiedSymbol, undefined, recent.limit));
        // Fewer than asked for: the venue sent every trade it keeps, so the oldest period is whole too.
        const complete = Array.isArray(answer) && answer.length < recent.limit;
        return takerFlowOfTrades(mapTrades(answer, info.contractSize), timeframeMs[timeframe], complete)
          .filter((flow) => sinceMs === undefined || flow.timeMs >= sinceMs)
          .map((flow) => ({ ...flow, source: 'venue' as const }));
      }
      if (profile.candles.rawTakerKlines === null) throw unsupported(`a taker buy/sell split for ${timeframe}`);
      const candles = await fetchCandles(symbol, timeframe, 'last', sinceMs);
      return candles.flatMap((candle): TakerVolumePoint[] =>
        candle.takerBuyVolume === null
          ? []
          : [
              {
                timeMs: candle.openTimeMs,
                buyVolume: candle.takerBuyVolume,
                sellVolume: Math.max(0, candle.volume - candle.takerBuyVolume),
                source: 'candles',
              },
            ],
      );
    },
  };
}
