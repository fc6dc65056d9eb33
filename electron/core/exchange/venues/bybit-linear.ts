import type { VenueProfile } from './venue-profile';

/**
 * Bybit USDT perpetuals through ccxt `bybit` (v5, category linear). Sources:
 * docs/research/liquidation-formulas.md §2.6 (REST fields; `bustPrice`, `positionBalance`, `tradeMode`
 * deprecated), §2.7 (ccxt mapping: `marginMode` always undefined, ccxt 4.5.84 loses `positionMM`
 * because `bustPrice` is "", `mmDeduction` only in tier `info`), docs/research/liquidation-maps.md §2.1
 * and §2.3 (`allLiquidation` pushes every 500 ms; `S` is the POSITION side: "Buy" = a long).
 *
 * Raw fields read in map-ccxt.ts: position `size`, `side`/`positionIdx`, `tradeMode` (0 cross,
 * 1 isolated), `positionIM` (isolated margin as held), `liqPrice` ("" = none); wallet
 * `coin[].walletBalance` (includes isolated margins, which are subtracted); tiers `mmDeduction`.
 *
 * Cadences: `tickers.<symbol>` pushes on every change (100 ms on Bybit); stale after 15 s.
 * No taker split: v5 klines carry no taker-buy volume and there is no taker statistic.
 */
export const bybitLinear: VenueProfile = {
  venue: 'bybit-linear',
  label: 'Bybit',
  ccxtId: 'bybit',
  credentials: 'key',
  // Every string key of ccxt bybit's urls.api (docs/research/toolchain.md §3); ccxt appends `v5/...`.
  restUrlKeys: { spot: '', futures: '', v2: '', public: '', private: '' },
  wsUrl: { key: ['ws', 'public', 'linear'], path: '/v5/public/linear' },
  options: { fetchMarkets: { types: ['linear'] }, defaultType: 'swap', defaultSubType: 'linear' },
  hasOff: ['fetchCurrencies'],
  tiers: { source: 'ccxt-market-tiers', params: {} },
  positionsParams: { category: 'linear', settleCoin: 'USDT' },
  balanceParams: { type: 'unified' },
  markStream: { method: 'watchTicker', staleAfterMs: 15_000 },
  liquidationStream: { method: 'watchLiquidations', sideMeans: 'position' },
  candles: { mark: true, rawTakerKlines: null },
  openInterestHistory: true,
  openInterestFields: 'amount',
  takerVolume: null,
  permissions: { source: 'bybit-query-api', rawMethod: 'privateGetV5UserQueryApi' },
  statPeriods: {},
};
