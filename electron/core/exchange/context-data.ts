import type { FundingSnapshot, LongShortPoint } from '../../../shared/domain/market-feeds';
import type { Timeframe } from '../../../shared/domain/timeframe';
import { venueName } from '../../../shared/domain/venue';
import type { AdapterContext } from './adapter';
import { GatewayError } from './gateway-error';

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** ccxt's `interval` ('8h', '1h') in hours; null when absent or unreadable. */
function intervalHours(text: unknown): number | null {
  const match = typeof text === 'string' ? /^(\d+)h$/.exec(text) : null;
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * Funding and the long/short account ratio of a gateway, on ccxt's unified `fetchFundingRate` and
 * `fetchLongShortRatioHistory` (the market context beside the map). A venue ccxt has no such
 * method for rejects with a `GatewayError` of kind `unsupported` that names the venue.
 */
export function createContextData(context: AdapterContext): {
  fetchFunding(symbol: string): Promise<FundingSnapshot>;
  fetchLongShortRatio(
    symbol: string,
    timeframe: Timeframe,
    sinceMs: number,
    limit: number,
  ): Promise<readonly LongShortPoint[]>;
} {
  const { profile, exchange, call } = context;
  const unsupported = (what: string): GatewayError =>
    new GatewayError('unsupported', `${venueName(profile.venue)} does not publish ${what}.`);
  return {
    async fetchFunding(symbol) {
      if (!exchange.has['fetchFundingRate']) throw unsupported('a funding rate');
      const info = await context.market(symbol);
      const funding = await call(() => exchange.fetchFundingRate(info.unifiedSymbol));
      const rate = finite(funding.fundingRate);
      if (rate === null) throw new GatewayError('exchange', `${venueName(profile.venue)} sent no funding rate.`);
      return {
        rate,
        predictedRate: finite(funding.nextFundingRate),
        nextSettlementMs: finite(funding.fundingTimestamp) ?? finite(funding.nextFundingTimestamp),
        intervalHours: intervalHours(funding.interval),
        readAtMs: finite(funding.timestamp) ?? exchange.milliseconds(),
      };
    },
    async fetchLongShortRatio(symbol, timeframe, sinceMs, limit) {
      if (!exchange.has['fetchLongShortRatioHistory']) throw unsupported('a long/short account ratio');
      const info = await context.market(symbol);
      const rows = await call(() => exchange.fetchLongShortRatioHistory(info.unifiedSymbol, timeframe, sinceMs, limit));
      return rows
        .flatMap((row): LongShortPoint[] => {
          const timeMs = finite(Number(row.timestamp));
          const ratio = finite(row.longShortRatio);
          return timeMs === null || ratio === null || !(ratio > 0) ? [] : [{ timeMs, ratio }];
        })
        .sort((a, b) => a.timeMs - b.timeMs);
    },
  };
}
