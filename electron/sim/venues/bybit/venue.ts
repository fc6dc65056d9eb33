import { buildTiers } from '../../market/tiers';
import { notionalFallbackRules, settleCurrencyMode, type SimVenueModule } from '../venue-module';
import { bybitRoute } from './bybit-route';

/** The simulated Bybit linear: server, keys, margin tables (shaped like Bybit's risk limits) and faults. */
export const bybitVenue: SimVenueModule<'bybit-linear'> = {
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
  // The unified account's margin mode is account-wide: every position isolated, or every one cross.
  modes: {
    isolated: { ...settleCurrencyMode, marginModes: ['isolated'] },
    cross: { ...settleCurrencyMode, marginModes: ['cross'], multiCollateral: true },
    portfolio: { ...settleCurrencyMode, marginModes: ['cross'], multiCollateral: true, liquidationPrice: 'none' },
  },
  accountModeIds: { isolated: 'bybit-unified-isolated', cross: 'bybit-unified-cross', portfolio: 'bybit-portfolio' },
  defaultMode: (marginModes) =>
    marginModes.length > 0 && marginModes.every((mode) => mode === 'isolated') ? 'isolated' : 'cross',
  collateralRatios: { USDT: 1, USDC: 1, BTC: 0.95, ETH: 0.95 },
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
