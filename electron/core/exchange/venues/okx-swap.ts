import { permissionReport, takerPoint } from '../venue-answers';
import { coinRow, listOf, num, rowOf, text } from '../raw';
import { okxForceCloses } from './okx-swap-force-closes';
import { okxModes } from './okx-swap-modes';
import type { VenueProfile } from './venue-profile';

/**
 * OKX USDT swaps through ccxt `okx`. Sources: docs/research/liquidation-formulas.md §3.4 (REST fields:
 * `pos` in contracts, `margin` isolated only, `mmr` an amount), §3.5 (ccxt mapping: tiers' `minSz`/
 * `maxSz` are CONTRACTS although ccxt calls them notional; marginRatio inverted vs `mgnRatio`),
 * docs/research/liquidation-maps.md §2.1–2.3 (`liquidation-orders` per instType, `side` = ORDER side,
 * `sz` in contracts, `bkPx` bankruptcy price).
 *
 * Raw fields read below: position `pos`, `posSide`, `mgnMode`, `margin`, `liqPx`, `lever`;
 * balance `details[].cashBal` (includes isolated margins, subtracted); tiers `minSz`, `maxSz`, `mmr`.
 *
 * Cadences: `mark-price` pushes every 200 ms on change and at least every 10 s; stale after 30 s.
 * Taker split: rubik `taker-volume-contract` (`unit` 0 = base currency, 1 contracts, 2 USDT).
 */
export const okxSwap: VenueProfile = {
  venue: 'okx-swap',
  ccxtId: 'okx',
  read: {
    symbol: (market) => text(market['id']),
    position(info) {
      const isolated = text(info['mgnMode']) === 'isolated';
      const posSide = text(info['posSide']);
      const pos = num(info['pos']);
      return {
        signedSize:
          pos === null ? null : posSide === 'short' ? -Math.abs(pos) : posSide === 'long' ? Math.abs(pos) : pos,
        sideHint: '',
        entry: num(info['avgPx']),
        mark: num(info['markPx']),
        pnl: num(info['upl']),
        liquidation: info['liqPx'],
        isolated,
        isolatedMargin: isolated ? (num(info['margin']) ?? 0) : 0,
        leverage: num(info['lever']),
        hedgeLeg: posSide === 'long' || posSide === 'short',
        adl: num(info['adl']),
        riskLimitLoweredAtMs: null,
        leverageLoweredAtMs: null,
      };
    },
    crossWallet(info, held) {
      const account = rowOf(listOf(rowOf(info)['data'])[0]);
      const cash = num(coinRow(listOf(account['details']), 'ccy', ['USDT'])['cashBal']);
      return cash === null ? null : cash - held.isolatedMargins;
    },
  },
  modes: okxModes,
  // Sizes, tier bounds and liquidation sizes are in contracts of `ctVal` base units.
  sizesInContracts: true,
  candlePage: 100,
  // ccxt appends `/api/v5/...` to `rest` and `/public`, `/business` to `ws` (docs/research/toolchain.md §3).
  restUrlKeys: { rest: '' },
  wsUrl: { key: ['ws'], path: '/ws/v5' },
  options: { fetchMarkets: { types: ['swap'] }, defaultType: 'swap' },
  hasOff: ['fetchCurrencies'],
  // Tiers depend on the margin mode only through maxLeverage; maintenance rates are the same.
  // Tier bounds are `minSz`/`maxSz` in CONTRACTS (ccxt calls them notional) and carry no deduction (docs/research/liquidation-formulas.md §3.5, §6.8).
  tiers: {
    source: 'ccxt-market-tiers',
    params: { marginMode: 'cross' },
    read: (_row, info) => ({ floor: num(info['minSz']), cap: num(info['maxSz']), deduction: 0 }),
  },
  positionsParams: { instType: 'SWAP' },
  positionBooks: null,
  balanceParams: {},
  markStream: { method: 'watchMarkPrice', staleAfterMs: 30_000 },
  liquidationStream: { method: 'watchLiquidationsForSymbols' },
  candles: { rawTakerKlines: null },
  openInterestFields: 'value',
  // rubik `taker-volume-contract` rows `[ts, sellVol, buyVol]`, in base for unit 0.
  takerTrades: null,
  takerVolume: {
    rawMethod: 'publicGetRubikStatTakerVolumeContract',
    query: (instId, period, sinceMs) => ({
      instId,
      period,
      unit: '0',
      ...(sinceMs === undefined ? {} : { begin: String(sinceMs) }),
    }),
    read: (answer) =>
      listOf(rowOf(answer)['data']).flatMap((entry) => {
        const [timeMs = null, sell = null, buy = null] = listOf(entry).map(num);
        return takerPoint(timeMs, buy, sell);
      }),
  },
  // `trade/orders-history` by `category` (full or partial liquidation), read raw: okx-swap-force-closes.ts.
  forceCloses: okxForceCloses,
  accountFees: null,
  cachedReads: {},
  // `account/config` `perm`: "read_only,trade,withdraw".
  permissions: {
    rawMethod: 'privateGetAccountConfig',
    read: (answer) => {
      const perm = text(rowOf(listOf(rowOf(answer)['data'])[0])['perm'])
        .split(',')
        .map((part) => part.trim());
      return permissionReport(
        perm.includes('read_only'),
        perm.includes('trade'),
        perm.includes('withdraw'),
        'OKX account config',
      );
    },
  },
  statPeriods: { '5m': '5m', '15m': '15m', '1h': '1H', '4h': '4H', '1d': '1D' },
};
