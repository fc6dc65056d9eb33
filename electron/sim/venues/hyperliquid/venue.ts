import { buildHyperliquidTiers } from '../../market/tiers';
import { notionalFallbackRules, settleCurrencyMode, type SimVenueModule } from '../venue-module';
import { hyperliquidRoute } from './hyperliquid-route';

/** Info request types that weigh 2 (the light account and book reads); userRole weighs 60, the rest 20. */
const lightInfoTypes: ReadonlySet<unknown> = new Set([
  'clearinghouseState',
  'spotClearinghouseState',
  'l2Book',
  'allMids',
  'orderStatus',
  'exchangeStatus',
]);

/** The simulated Hyperliquid: server, margin tables (max leverage by notional) and faults; read by address, no keys. */
export const hyperliquidVenue: SimVenueModule<'hyperliquid'> = {
  venue: 'hyperliquid',
  route: (context) => hyperliquidRoute(context),
  keys: null,
  defaultRules: {
    BTCUSDT: {
      venue: 'hyperliquid',
      contractValue: 1,
      takerFeeRate: 0.00045,
      tiers: buildHyperliquidTiers([
        [150_000_000, 40],
        [Infinity, 20],
      ]),
    },
    ETHUSDT: {
      venue: 'hyperliquid',
      contractValue: 1,
      takerFeeRate: 0.00045,
      tiers: buildHyperliquidTiers([
        [100_000_000, 25],
        [Infinity, 15],
      ]),
    },
  },
  fallbackRules: (instrument) => notionalFallbackRules('hyperliquid', instrument),
  // Unified and portfolio accounts keep balances in the spot clearinghouse; a unified account may hold
  // other spot tokens, which only portfolio margin counts as collateral.
  modes: {
    standard: settleCurrencyMode,
    unified: { ...settleCurrencyMode, spotHoldings: true },
    portfolio: { ...settleCurrencyMode, multiCollateral: true },
  },
  accountModeIds: {
    standard: 'hyperliquid-standard',
    unified: 'hyperliquid-unified',
    portfolio: 'hyperliquid-portfolio',
  },
  defaultMode: () => 'standard',
  collateralRatios: { USDC: 1, USDT: 0.98, BTC: 0.9 },
  faults: {
    limit: { weight: 1200, windowMs: 60_000, source: 'Hyperliquid 1200 weight per minute per IP' },
    requestWeight(_path, _query, body) {
      let type: unknown;
      try {
        type = (JSON.parse(body) as { type?: unknown }).type;
      } catch {
        return 20;
      }
      if (lightInfoTypes.has(type)) return 2;
      return type === 'userRole' ? 60 : 20;
    },
    liquidationPriceFields: ['liquidationPx'],
    // Hyperliquid answers a rate limit or a stale signature with a bare `null`.
    rateLimitBody: () => 'null',
    clockSkewAnswer: () => ({ status: 400, body: 'null' }),
  },
};
