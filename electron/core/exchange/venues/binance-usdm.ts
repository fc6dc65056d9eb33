import { permissionReport, takerPoint } from '../venue-answers';
import { coinRow, listOf, num, rowOf, text } from '../raw';
import { binanceModes } from './binance-usdm-modes';
import { sideClosedBy, type VenueProfile } from './venue-profile';

/**
 * Binance USDS-M through ccxt `binanceusdm`. Sources: docs/research/liquidation-formulas.md §1.5 (REST
 * fields), §1.8 (ccxt mapping: v3 positionRisk has no leverage/marginType; `cum` only in tier `info`),
 * docs/research/liquidation-maps.md §2.1–2.3 (forceOrder `S` is the ORDER side; at most one per symbol per
 * second), docs/research/toolchain.md §3 (url keys; `fetchCurrencies` off, else sapi calls).
 *
 * Raw fields read below: positionRisk `positionAmt`, `positionSide`, `isolatedWallet` (isolated
 * margin without PnL; `isolatedMargin` already contains PnL, docs/research/liquidation-formulas.md §6.4), `liquidationPrice`
 * ("0" = none); balance `totalCrossWalletBalance` (already without PnL and isolated margins); brackets `cum`.
 *
 * Cadences: `<symbol>@markPrice@1s` pushes every second (3 s without `@1s`); stale after 10 s.
 */
export const binanceUsdm: VenueProfile = {
  venue: 'binance-usdm',
  ccxtId: 'binanceusdm',
  read: {
    symbol: (market) => text(market['id']),
    position(info) {
      // `isolatedWallet` excludes PnL; `isolatedMargin` includes it (docs/research/liquidation-formulas.md §6.4). v3 has no marginType.
      const wallet = num(info['isolatedWallet']) ?? 0;
      const isolated = text(info['marginType']) === 'isolated' || (info['marginType'] === undefined && wallet !== 0);
      const positionSide = text(info['positionSide']);
      return {
        signedSize: num(info['positionAmt']),
        sideHint: positionSide,
        entry: num(info['entryPrice']),
        mark: num(info['markPrice']),
        pnl: num(info['unRealizedProfit']),
        liquidation: info['liquidationPrice'],
        isolated,
        isolatedMargin: isolated ? wallet : 0,
        leverage: num(info['leverage']),
        hedgeLeg: positionSide === 'LONG' || positionSide === 'SHORT',
        adl: null,
        riskLimitLoweredAtMs: null,
        leverageLoweredAtMs: null,
      };
    },
    // Portfolio Margin answers papi's balance list: the USDT row's UM wallet.
    crossWallet: (info) =>
      Array.isArray(info)
        ? num(coinRow(info, 'asset', ['USDT'])['umWalletBalance'])
        : (num(rowOf(info)['totalCrossWalletBalance']) ??
          num(coinRow(listOf(rowOf(info)['assets']), 'asset', ['USDT'])['crossWalletBalance'])),
  },
  modes: binanceModes,
  sizesInContracts: false,
  candlePage: 1500,
  // Every REST key ccxt binanceusdm uses; `--base-url` serves /fapi, /futures/data and /sapi under it.
  restUrlKeys: {
    fapiPublic: '/fapi/v1',
    fapiPublicV2: '/fapi/v2',
    fapiPublicV3: '/fapi/v3',
    fapiPrivate: '/fapi/v1',
    fapiPrivateV2: '/fapi/v2',
    fapiPrivateV3: '/fapi/v3',
    fapiData: '/futures/data',
    // Portfolio Margin accounts are read through papi (docs/research/account-modes.md §5.1).
    papi: '/papi/v1',
    sapi: '/sapi/v1',
    sapiV2: '/sapi/v2',
    sapiV3: '/sapi/v3',
    sapiV4: '/sapi/v4',
  },
  // ccxt rewrites `.../ws` to `.../market/ws/<n>` (docs/research/liquidation-maps.md §2.1).
  wsUrl: { key: ['ws', 'future'], path: '/ws' },
  options: { fetchMarkets: { types: ['linear'] }, fetchCurrencies: false, adjustForTimeDifference: true },
  hasOff: ['fetchCurrencies'],
  tiers: {
    source: 'ccxt-market-tiers',
    params: {},
    read: (row, info) => ({
      floor: num(row['minNotional']),
      cap: num(row['maxNotional']),
      deduction: num(info['cum']),
    }),
  },
  // v2 positionRisk carries each position's leverage and margin type (v3 dropped them,
  // docs/research/liquidation-formulas.md §1.5); the what-if leverage slider needs the leverage.
  positionsParams: { useV2: true },
  positionBooks: null,
  balanceParams: {},
  markStream: { method: 'watchMarkPrice', staleAfterMs: 10_000 },
  liquidationStream: { method: 'watchLiquidations' },
  // ccxt's parseOHLCV keeps 6 columns; raw kline column 9 is the taker-buy base volume (docs/research/liquidation-maps.md §2.2).
  candles: { rawTakerKlines: { last: 'fapiPublicGetKlines', takerBuyColumn: 9 } },
  openInterestFields: 'both',
  // `takerlongshortRatio` rows `{timestamp, buyVol, sellVol}`, in base.
  takerTrades: null,
  takerVolume: {
    rawMethod: 'fapiDataGetTakerlongshortRatio',
    query: (symbol, period, sinceMs) => ({ symbol, period, ...(sinceMs === undefined ? {} : { startTime: sinceMs }) }),
    read: (answer) =>
      listOf(answer).flatMap((entry) => {
        const row = rowOf(entry);
        return takerPoint(num(row['timestamp']), num(row['buyVol']), num(row['sellVol']));
      }),
  },
  // `GET /fapi/v1/forceOrders` (ccxt asks for autoCloseType=LIQUIDATION): the forced order's side, or
  // in hedge mode its `positionSide`; no realised PnL on the order (docs/research/liquidation-events.md §2.1).
  forceCloses: {
    method: 'fetchMyLiquidations',
    read: (info) => {
      const leg = text(info['positionSide']);
      return {
        side: leg === 'LONG' ? 'long' : leg === 'SHORT' ? 'short' : sideClosedBy(text(info['side'])),
        lossUsd: null,
      };
    },
  },
  accountFees: null,
  cachedReads: {},
  // `apiRestrictions`: enableReading, a trading switch per product, enableWithdrawals.
  permissions: {
    rawMethod: 'sapiGetAccountApiRestrictions',
    read: (answer) => {
      const row = rowOf(answer);
      const trade = ['enableFutures', 'enableSpotAndMarginTrading', 'enableMargin', 'enableVanillaOptions'].some(
        (key) => row[key] === true,
      );
      return permissionReport(
        row['enableReading'] === true,
        trade,
        row['enableWithdrawals'] === true,
        'Binance API restrictions',
      );
    },
  },
  statPeriods: { '5m': '5m', '15m': '15m', '1h': '1h', '4h': '4h', '1d': '1d' },
};
