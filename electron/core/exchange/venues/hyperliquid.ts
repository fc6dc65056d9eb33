import type { Tier } from '../../../../shared/domain/tier';
import { continuousDeductions, hyperliquidMaintenanceRate } from '../../../../shared/risk';
import { coinRow, listOf, num, rowOf, text, type Row } from '../raw';
import { hyperliquidDexBooks, isolatedOnlyMarket, metaParams } from './hyperliquid-dexes';
import { hyperliquidModes } from './hyperliquid-modes';
import { sideClosedBy, type RawPosition, type VenueProfile } from './venue-profile';

/**
 * Hyperliquid perps through ccxt `hyperliquid`, read by public address (no key: read-only by
 * nature). Sources: docs/research/liquidation-formulas.md §4.4 (clearinghouseState fields; isolated
 * margin = `rawUsd + szi × entryPx`), §4.5 (ccxt mapping: maintenance, marginRatio and markPrice
 * undefined; no leverage tiers: read `meta.marginTables`), §6.11 (maintenance: shared/risk
 * `hyperliquidMaintenanceRate`), docs/research/liquidation-maps.md §2.1–2.2 (no public liquidation feed; no
 * open-interest history: record it locally; no mark-price candles).
 *
 * Raw fields read below: `position.szi`, `leverage.{type,value,rawUsd}`, `liquidationPx`
 * (null = none), `positionValue`; `crossMarginSummary.accountValue`; `meta.marginTables`.
 *
 * Cadences: `activeAssetCtx` pushes about once a second; stale after 15 s. ccxt's rate limiter
 * spaces `/info` calls about a second apart, as the venue's weight limits require.
 */
/**
 * Tiers of one coin from the raw `meta` answer: the coin's margin table (`lowerBound`,
 * `maxLeverage`), the venue's maintenance rule and deductions that keep maintenance continuous
 * (margin-tiers doc). A table id below 50 names no table: one tier at the universe's max leverage.
 * Null when the coin is not listed.
 */
function marginTables(meta: unknown, coin: string): { readonly tiers: Tier[]; readonly maxLeverage: number } | null {
  const row = rowOf(meta);
  const asset = rowOf(listOf(row['universe']).find((entry) => text(rowOf(entry)['name']) === coin));
  const maxLeverage = num(asset['maxLeverage']);
  if (maxLeverage === null) return null;
  const tableId = num(asset['marginTableId']);
  const table = listOf(row['marginTables'])
    .map(listOf)
    .find((pair) => num(pair[0]) === tableId);
  const tiers = listOf(rowOf(table?.[1])['marginTiers'])
    .map(rowOf)
    .map((tier) => ({ floor: num(tier['lowerBound']), leverage: num(tier['maxLeverage']) }))
    .filter(
      (tier): tier is { floor: number; leverage: number } =>
        tier.floor !== null && tier.leverage !== null && tier.leverage > 0,
    )
    .sort((a, b) => a.floor - b.floor);
  const shaped = (tiers.length > 0 ? tiers : [{ floor: 0, leverage: maxLeverage }]).map((tier) => ({
    floor: tier.floor,
    maintenanceMarginRate: hyperliquidMaintenanceRate(tier.leverage),
    leverage: tier.leverage,
  }));
  const deductions = continuousDeductions(shaped);
  return {
    maxLeverage,
    tiers: shaped.map((tier, k) => ({
      floor: tier.floor,
      cap: shaped[k + 1]?.floor ?? null,
      maintenanceMarginRate: tier.maintenanceMarginRate,
      deduction: deductions[k] ?? 0,
      maxLeverage: tier.leverage,
    })),
  };
}

function position(info: Row): RawPosition {
  const held = rowOf(info['position']);
  const leverage = rowOf(held['leverage']);
  const szi = num(held['szi']);
  const entry = num(held['entryPx']);
  const value = num(held['positionValue']);
  const isolated = text(leverage['type']) === 'isolated';
  // Isolated margin = rawUsd + szi × entryPx (docs/research/liquidation-formulas.md §4.4); the mark is positionValue / |szi| (ccxt leaves it undefined, docs/research/liquidation-formulas.md §4.5).
  const rawUsd = num(leverage['rawUsd']) ?? 0;
  return {
    signedSize: szi,
    sideHint: '',
    entry,
    mark: szi && value !== null ? value / Math.abs(szi) : null,
    pnl: num(held['unrealizedPnl']),
    liquidation: held['liquidationPx'],
    isolated,
    isolatedMargin: isolated && szi !== null && entry !== null ? rawUsd + szi * entry : 0,
    leverage: num(leverage['value']),
    hedgeLeg: false,
    adl: null,
    riskLimitLoweredAtMs: null,
    leverageLoweredAtMs: null,
  };
}

/**
 * The cross positions' unrealized PnL in the same `clearinghouseState` answer as its account value,
 * or null when the answer lists no positions. The account value moves with the mark, so the PnL taken
 * out of it must be the same instant's: the positions were read in another request, and at 1x a BTC
 * mark that moved 5 USD between the two would move a 0.2 BTC cross long's wallet by 1 USD, and its
 * liquidation price by 5.
 */
function crossPnlOf(info: unknown): number | null {
  const held = rowOf(info)['assetPositions'];
  if (!Array.isArray(held)) return null;
  let pnl = 0;
  for (const entry of listOf(held)) {
    const read = position(rowOf(entry));
    if (read.isolated) continue;
    if (read.pnl === null) return null;
    pnl += read.pnl;
  }
  return pnl;
}

export const hyperliquid: VenueProfile = {
  venue: 'hyperliquid',
  ccxtId: 'hyperliquid',
  read: {
    // The ccxt market id is an asset index (docs/research/liquidation-formulas.md §4.5): the coin name is the venue symbol.
    symbol: (market) => text(market['baseName']) || text(market['base']),
    position,
    // Cross account value includes cross PnL (docs/research/liquidation-formulas.md §4.4). A unified
    // account's balance is the spot USDC total, less the isolated positions' value and the cross PnL
    // (ccxt reads spot there; docs/research/account-modes.md §4).
    isolatedOnly: isolatedOnlyMarket,
    crossWallet(info, held) {
      const summary = rowOf(info)['crossMarginSummary'];
      if (summary === undefined) {
        const total = num(coinRow(listOf(rowOf(info)['balances']), 'coin', ['USDC'])['total']);
        return total === null ? null : total - held.isolatedMargins - held.isolatedPnl - held.crossPnl;
      }
      const value = num(rowOf(summary)['accountValue']);
      return value === null ? null : value - (crossPnlOf(info) ?? held.crossPnl);
    },
  },
  modes: hyperliquidModes,
  sizesInContracts: false,
  candlePage: 5000,
  // ccxt appends `/info` (and `/exchange`, unused: LiqLens never trades).
  restUrlKeys: { public: '', private: '' },
  wsUrl: { key: ['ws', 'public'], path: '/ws' },
  // HIP-3 dexes' markets too (docs/research/venue-payloads.md §5): ccxt lists them from `perpDexs`, one
  // `metaAndAssetCtxs` request per dex, up to `limit` dexes (ccxt's default is 10).
  options: { fetchMarkets: { types: ['swap', 'hip3'], hip3: { limit: 25, dexes: [] } } },
  hasOff: ['fetchCurrencies'],
  tiers: { source: 'raw-margin-tables', rawMethod: 'publicPostInfo', params: metaParams, read: marginTables },
  positionsParams: {},
  positionBooks: hyperliquidDexBooks,
  balanceParams: { type: 'swap' },
  markStream: { method: 'watchTicker', staleAfterMs: 15_000 },
  liquidationStream: null,
  candles: { rawTakerKlines: null },
  openInterestFields: 'amount',
  takerTrades: null,
  takerVolume: null,
  // `userFills`: a fill that carries a `liquidation` object closed the position by force; `dir` says
  // which ("Close Long"), `closedPnl` is the venue's realised PnL (docs/research/liquidation-events.md §2.4).
  forceCloses: {
    method: 'fetchMyTrades',
    read: (info) => {
      if (Object.keys(rowOf(info['liquidation'])).length === 0) return null;
      const direction = text(info['dir']);
      const side = direction.endsWith('Long') ? 'long' : direction.endsWith('Short') ? 'short' : null;
      const pnl = num(info['closedPnl']);
      return {
        side: side ?? sideClosedBy(text(info['side']) === 'A' ? 'sell' : 'buy'),
        lossUsd: pnl === null ? null : -pnl,
      };
    },
  },
  accountFees: null,
  cachedReads: {},
  // A public address: nothing to ask, and nothing it could do but read.
  permissions: {
    rawMethod: null,
    read: () => ({
      canRead: true,
      canTrade: false,
      canWithdraw: false,
      readOnly: true,
      detail: 'Public address: read-only by nature (no key is stored).',
    }),
  },
  statPeriods: {},
};
