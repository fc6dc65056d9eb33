import { buildContractTiers, buildTiers } from '../../market/tiers';
import { settleCurrencyMode, type SimVenueModule } from '../venue-module';
import { okxRoute } from './okx-route';

/** The simulated OKX swap: server, keys, contract-count tiers (shaped like OKX's BTC/ETH tables) and faults. */
export const okxVenue: SimVenueModule<'okx-swap'> = {
  venue: 'okx-swap',
  route: (context) => okxRoute(context),
  keys: { stem: 'okx', passphrase: 'sim-passphrase' },
  defaultRules: {
    BTCUSDT: {
      venue: 'okx-swap',
      contractValue: 0.01,
      takerFeeRate: 0.0005,
      tiers: buildTiers([[Infinity, 0.004, 125]]),
      contractTiers: buildContractTiers([
        [5_000, 0.004, 125],
        [20_000, 0.01, 50],
        [50_000, 0.02, 25],
        [100_000, 0.05, 10],
        [Infinity, 0.1, 5],
      ]),
    },
    ETHUSDT: {
      venue: 'okx-swap',
      contractValue: 0.1,
      takerFeeRate: 0.0005,
      tiers: buildTiers([[Infinity, 0.005, 100]]),
      contractTiers: buildContractTiers([
        [10_000, 0.005, 100],
        [40_000, 0.01, 50],
        [100_000, 0.02, 25],
        [Infinity, 0.05, 10],
      ]),
    },
  },
  // One contract is one base unit, at the first notional tier's rate for any contract count.
  fallbackRules(instrument) {
    const first = instrument.tiers[0];
    return {
      venue: 'okx-swap',
      tiers: instrument.tiers,
      contractValue: 1,
      takerFeeRate: instrument.takerFeeRate,
      contractTiers: [
        {
          tier: 1,
          maxContracts: Infinity,
          maintenanceMarginRate: first?.maintenanceMarginRate ?? 0.005,
          maxLeverage: first?.maxLeverage ?? 100,
        },
      ],
    };
  },
  // Account levels 1-4; spot mode trades no swaps.
  modes: {
    spot: { ...settleCurrencyMode, perpetuals: false, marginModes: [] },
    futures: settleCurrencyMode,
    'multi-currency': { ...settleCurrencyMode, multiCollateral: true },
    portfolio: { ...settleCurrencyMode, multiCollateral: true },
  },
  accountModeIds: {
    spot: 'okx-spot',
    futures: 'okx-futures',
    'multi-currency': 'okx-multi-currency',
    portfolio: 'okx-portfolio',
  },
  defaultMode: () => 'futures',
  collateralRatios: { USDT: 1, USDC: 1, BTC: 0.98, ETH: 0.97 },
  faults: {
    // OKX limits each endpoint (10–40 requests per 2 s); the account endpoints' 20 per 2 s stands for
    // the whole venue (conservative for candles).
    limit: { weight: 20, windowMs: 2_000, source: 'OKX 20 requests per 2 s (account endpoints)' },
    requestWeight: () => 1,
    liquidationPriceFields: ['liqPx'],
    rateLimitBody: () => ({
      code: '50011',
      msg: 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.',
      data: [],
    }),
    clockSkewAnswer: () => ({ status: 401, body: { code: '50102', msg: 'Timestamp request expired', data: [] } }),
  },
};
