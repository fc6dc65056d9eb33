import type { VenueProfile } from './venue-profile';

/**
 * Hyperliquid perps through ccxt `hyperliquid`, read by public address (no key: read-only by
 * nature). Sources: docs/research/liquidation-formulas.md §4.4 (clearinghouseState fields; isolated
 * margin = `rawUsd + szi × entryPx`), §4.5 (ccxt mapping: maintenance, marginRatio and markPrice
 * undefined; no leverage tiers: read `meta.marginTables`), §6.11 (maintenance = 1/(2·max leverage)
 * of the margin tier), docs/research/liquidation-maps.md §2.1–2.2 (no public liquidation feed; no
 * open-interest history: record it locally; no mark-price candles).
 *
 * Raw fields read in map-ccxt.ts: `position.szi`, `leverage.{type,value,rawUsd}`, `liquidationPx`
 * (null = none), `positionValue`; `crossMarginSummary.accountValue`; `meta.marginTables`.
 *
 * Cadences: `activeAssetCtx` pushes about once a second; stale after 15 s. ccxt's rate limiter
 * spaces `/info` calls about a second apart, as the venue's weight limits require.
 */
export const hyperliquid: VenueProfile = {
  venue: 'hyperliquid',
  label: 'Hyperliquid',
  ccxtId: 'hyperliquid',
  credentials: 'address',
  // ccxt appends `/info` (and `/exchange`, unused: LiqLens never trades).
  restUrlKeys: { public: '', private: '' },
  wsUrl: { key: ['ws', 'public'], path: '/ws' },
  options: { fetchMarkets: { types: ['swap'] } },
  hasOff: ['fetchCurrencies'],
  tiers: { source: 'hyperliquid-margin-tables', rawMethod: 'publicPostInfo' },
  positionsParams: {},
  balanceParams: { type: 'swap' },
  markStream: { method: 'watchTicker', staleAfterMs: 15_000 },
  liquidationStream: null,
  candles: { mark: false, rawTakerKlines: null },
  openInterestHistory: false,
  openInterestFields: 'amount',
  takerVolume: null,
  permissions: { source: 'public-address', rawMethod: null },
  statPeriods: {},
};
