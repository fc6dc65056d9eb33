import {
  cvdOf,
  longShortChange,
  openInterestChange,
  priceChange,
  takerFlowOfCandles,
  volumeOf,
} from '../../../shared/context/figures';
import { divergenceFlags } from '../../../shared/context/divergence';
import type { ContextFigure, MarketContextView } from '../../../shared/ipc/views/market-context';
import type { MarketKey } from '../../../shared/domain/market-source';
import type { ExchangeGateway } from '../exchange/gateway';

const fiveMinutesMs = 300_000;
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** 5m candles for a day and a bit: every venue serves 300 in one page. */
const candleCount = 300;

/** The figures of one refresh, without freshness (the service decides that). */
export type ContextFigures = Omit<MarketContextView, 'market' | 'freshness'>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A figure from a fetch: its value, "no history yet" for an empty answer, or the venue's refusal as the reason. */
async function figure<T extends object>(fetch: () => Promise<T | null>, empty: string): Promise<ContextFigure<T>> {
  try {
    const value = await fetch();
    return value === null ? { state: 'absent', reason: empty } : { state: 'ok', ...value };
  } catch (error) {
    return { state: 'absent', reason: messageOf(error) };
  }
}

/**
 * One read of a market's context through its public gateway (ccxt): 5m candles (price, volume and,
 * on Binance, taker flow), open-interest history at 5m and 1h, the venue's taker statistic where
 * candles carry no taker split, funding and the long/short ratio. The venue's clock is the newest
 * candle's close, so a fast Demo and a skewed local clock read the same hour. Rejects only when the
 * candles cannot be read (the market is then stale); any other feed that fails or does not exist
 * becomes an absent figure with the reason.
 */
export async function fetchContext(gateway: ExchangeGateway, market: MarketKey): Promise<ContextFigures> {
  const { symbol } = market;
  const candles = await gateway.fetchCandles(symbol, '5m', 'last', undefined, candleCount);
  const newest = candles[candles.length - 1];
  if (newest === undefined) throw new Error('The venue sent no candles for this market.');
  const asOfMs = newest.openTimeMs + fiveMinutesMs;
  const since = (spanMs: number): number => asOfMs - spanMs - fiveMinutesMs;
  const noHistory = 'The venue sent no history for it yet.';

  const [openInterest, funding, cvd, longShort] = await Promise.all([
    figure(async () => {
      const [recent, daily] = await Promise.all([
        gateway.fetchOpenInterestHistory(symbol, '5m', since(hourMs + 2 * fiveMinutesMs)),
        gateway.fetchOpenInterestHistory(symbol, '1h', since(dayMs + hourMs)),
      ]);
      // The hourly series reaches back a day; the 5m one gives the hour's change to the minute.
      const now = openInterestChange(recent);
      const day = openInterestChange([...daily.filter((p) => p.timeMs < (recent[0]?.timeMs ?? Infinity)), ...recent]);
      return now === null ? null : { ...now, change24h: day?.unit === now.unit ? day.change24h : null };
    }, noHistory),
    figure(async () => {
      const snapshot = await gateway.fetchFunding(symbol);
      // The countdown runs from the reading's time, held inside the newest candle's span: a venue that stamps
      // no reply (or a fast Demo's wall-clock stamp) is read at that candle, never at its end, so the last
      // five minutes before a settlement count down instead of saying "settling".
      const readAtMs = Math.min(Math.max(snapshot.readAtMs, newest.openTimeMs), asOfMs - 1);
      return { ...snapshot, readAtMs };
    }, noHistory),
    figure(async () => {
      const fromCandles = takerFlowOfCandles(candles);
      const flows = fromCandles.length > 0 ? fromCandles : await gateway.fetchTakerVolume(symbol, '5m', since(dayMs));
      const cvd = cvdOf(flows, asOfMs);
      const firstMs = flows[0]?.timeMs;
      // Bybit gives only its newest trades: on a busy market they may cover minutes, not the hour.
      if (cvd === null && firstMs !== undefined)
        throw new Error(
          `The venue's taker flow reaches back ${Math.floor((asOfMs - firstMs) / 60_000)} min, not the hour.`,
        );
      return cvd;
    }, noHistory),
    figure(
      async () => longShortChange(await gateway.fetchLongShortRatio(symbol, '1h', since(dayMs + hourMs), 30)),
      noHistory,
    ),
  ]);
  const price = figure(async () => priceChange(candles), noHistory);
  const volume = figure(async () => volumeOf(candles), noHistory);
  const figures = { price: await price, openInterest, funding, cvd, longShort, volume: await volume };
  return { asOfMs, ...figures, flags: divergenceFlags(figures) };
}
