import { buildTiers } from '../../market/tiers';
import { notionalFallbackRules, type SimVenueModule } from '../venue-module';
import { bybitRoute } from './bybit-route';

/** The simulated Bybit linear: server, keys, margin tables (shaped like Bybit's risk limits) and faults. */
export const bybitVenue: SimVenueModule = {
  venue: 'bybit-linear',
  route: (context) => bybitRoute(context),
  keys: { stem: 'by' },
  defaultRules: {
    BTCUSDT: {
      venue: 'bybit-linear',
      contractValue: 1,
      takerFeeRate: 0.00055,
      tiers: buildTiers([
        [2_000_000, 0.005, 100],
        [10_000_000, 0.01, 50],
        [20_000_000, 0.02, 25],
        [50_000_000, 0.04, 12.5],
        [Infinity, 0.08, 6.25],
      ]),
    },
    ETHUSDT: {
      venue: 'bybit-linear',
      contractValue: 1,
      takerFeeRate: 0.00055,
      tiers: buildTiers([
        [1_000_000, 0.005, 100],
        [5_000_000, 0.01, 50],
        [10_000_000, 0.02, 25],
        [Infinity, 0.04, 12.5],
      ]),
    },
  },
  fallbackRules: (instrument) => notionalFallbackRules('bybit-linear', instrument),
  faults: {
    // 600 requests per 5 s per IP (Bybit's rate-limit page); every request counts 1.
    limit: { weight: 600, windowMs: 5_000, source: 'Bybit 600 requests per 5 s per IP' },
    requestWeight: () => 1,
    liquidationPriceFields: ['liqPrice'],
    rateLimitBody: () => ({ retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.now() }),
    clockSkewAnswer: (nowMs) => ({
      status: 200,
      body: {
        retCode: 10002,
        retMsg: `invalid request, please check your server timestamp or recv_window param. server_timestamp[${nowMs}],recv_window[5000]`,
        result: {},
        retExtInfo: {},
        time: nowMs,
      },
    }),
  },
};
