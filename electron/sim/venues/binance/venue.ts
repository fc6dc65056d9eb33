import { buildTiers } from '../../market/tiers';
import { notionalFallbackRules, settleCurrencyMode, type SimVenueModule } from '../venue-module';
import { binanceRoute } from './binance-route';

/** Binance USDS-M endpoint weights as documented; anything not listed weighs 1. */
const weights: Readonly<Record<string, number>> = {
  '/fapi/v2/positionRisk': 5,
  '/fapi/v3/positionRisk': 5,
  '/fapi/v2/balance': 5,
  '/fapi/v3/balance': 5,
  '/fapi/v2/account': 5,
  '/fapi/v3/account': 5,
  '/fapi/v1/exchangeInfo': 1,
  '/fapi/v1/leverageBracket': 1,
  '/futures/data/openInterestHist': 1,
  '/futures/data/takerlongshortRatio': 1,
  '/futures/data/globalLongShortAccountRatio': 1,
  '/fapi/v1/adlQuantile': 5,
  '/fapi/v1/multiAssetsMargin': 30,
  '/papi/v1/account': 20,
  '/papi/v1/balance': 20,
  '/papi/v1/um/positionRisk': 5,
  '/papi/v1/um/adlQuantile': 5,
};

/** Binance klines (any price kind) weigh by `limit`: <100 → 1, <500 → 2, ≤1000 → 5, more → 10; default 500. */
function klinesWeight(limitText: string | null): number {
  const limit = limitText === null ? 500 : Number(limitText);
  if (limit < 100) return 1;
  if (limit < 500) return 2;
  if (limit <= 1000) return 5;
  return 10;
}

/** The simulated Binance USDS-M: server, keys, margin tables (shaped like Binance's BTC/ETH brackets) and faults. */
export const binanceVenue: SimVenueModule<'binance-usdm'> = {
  venue: 'binance-usdm',
  route: (context) => binanceRoute(context),
  keys: { stem: 'bn' },
  defaultRules: {
    BTCUSDT: {
      venue: 'binance-usdm',
      contractValue: 1,
      takerFeeRate: 0.0005,
      tiers: buildTiers([
        [50_000, 0.004, 125],
        [250_000, 0.005, 100],
        [3_000_000, 0.01, 50],
        [15_000_000, 0.025, 20],
        [30_000_000, 0.05, 10],
        [80_000_000, 0.1, 5],
        [100_000_000, 0.125, 4],
        [200_000_000, 0.15, 3],
        [300_000_000, 0.25, 2],
        [Infinity, 0.5, 1],
      ]),
    },
    ETHUSDT: {
      venue: 'binance-usdm',
      contractValue: 1,
      takerFeeRate: 0.0005,
      tiers: buildTiers([
        [50_000, 0.005, 100],
        [250_000, 0.0065, 75],
        [1_000_000, 0.01, 50],
        [10_000_000, 0.02, 25],
        [20_000_000, 0.05, 10],
        [50_000_000, 0.1, 5],
        [100_000_000, 0.125, 4],
        [200_000_000, 0.15, 3],
        [Infinity, 0.25, 2],
      ]),
    },
  },
  fallbackRules: (instrument) => notionalFallbackRules('binance-usdm', instrument),
  // Multi-Assets and Portfolio Margin are cross only; PM liquidates at uniMMR <= 105 %.
  modes: {
    'single-asset': settleCurrencyMode,
    'multi-assets': { ...settleCurrencyMode, marginModes: ['cross'], multiCollateral: true },
    portfolio: { ...settleCurrencyMode, marginModes: ['cross'], multiCollateral: true, liquidationThreshold: 1.05 },
  },
  accountModeIds: {
    'single-asset': 'binance-single-asset',
    'multi-assets': 'binance-multi-assets',
    portfolio: 'binance-portfolio',
  },
  defaultMode: () => 'single-asset',
  collateralRatios: { USDT: 1, USDC: 1, BTC: 0.95, ETH: 0.95 },
  faults: {
    // REQUEST_WEIGHT 2400 per minute, as exchangeInfo's rateLimits say.
    limit: { weight: 2400, windowMs: 60_000, source: 'Binance USDS-M REQUEST_WEIGHT 2400/min' },
    requestWeight(path, query) {
      if (path.endsWith('Klines') || path.endsWith('/klines')) return klinesWeight(query.get('limit'));
      if (path === '/fapi/v1/assetIndex') return query.has('symbol') ? 1 : 10;
      return weights[path] ?? 1;
    },
    liquidationPriceFields: ['liquidationPrice'],
    rateLimitBody: (status) =>
      status === 418
        ? {
            code: -1003,
            msg: 'Way too many requests; IP banned until later. Please use the websocket for live updates to avoid bans.',
          }
        : {
            code: -1003,
            msg: 'Too many requests; current limit is 2400 request weight per 1 MINUTE. Please use the websocket for live updates to avoid polling the API.',
          },
    clockSkewAnswer: () => ({
      status: 400,
      body: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
    }),
  },
};
