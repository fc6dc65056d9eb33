import { permissionReport } from '../venue-answers';
import { coinRow, listOf, num, rowOf, text } from '../raw';
import { bybitModes } from './bybit-linear-modes';
import { sideClosedBy, type VenueProfile } from './venue-profile';

/**
 * Bybit USDT perpetuals through ccxt `bybit` (v5, category linear). Sources:
 * docs/research/liquidation-formulas.md §2.6 (REST fields; `bustPrice`, `positionBalance`, `tradeMode`
 * deprecated), §2.7 (ccxt mapping: `marginMode` always undefined, ccxt 4.5.84 loses `positionMM`
 * because `bustPrice` is "", `mmDeduction` only in tier `info`), docs/research/liquidation-maps.md §2.1
 * and §2.3 (`allLiquidation` pushes every 500 ms; `S` is the POSITION side: "Buy" = a long).
 *
 * Raw fields read below: position `size`, `side`/`positionIdx`, `tradeMode` (0 cross,
 * 1 isolated), `positionIM` (isolated margin as held), `liqPrice` ("" = none); wallet
 * `coin[].walletBalance` (includes isolated margins, which are subtracted); tiers `mmDeduction`.
 *
 * Cadences: `tickers.<symbol>` pushes on every change (100 ms on Bybit); stale after 15 s.
 * No taker split in v5 klines and no taker statistic: taker flow comes from `GET /v5/market/recent-trade`
 * (ccxt `fetchTrades`; `side` is the taker's, at most 1,000 newest trades for linear).
 */
export const bybitLinear: VenueProfile = {
  venue: 'bybit-linear',
  ccxtId: 'bybit',
  read: {
    symbol: (market) => text(market['id']),
    position(info) {
      // `tradeMode` is deprecated on v5 (account-level margin mode); 1 = isolated where it is sent.
      const isolated = num(info['tradeMode']) === 1;
      const size = num(info['size']);
      const idx = num(info['positionIdx']);
      const sign = idx === 2 || (idx !== 1 && text(info['side']) === 'Sell') ? -1 : 1;
      return {
        signedSize: size === null ? null : sign * Math.abs(size),
        sideHint: '',
        entry: num(info['avgPrice']),
        mark: num(info['markPrice']),
        pnl: num(info['unrealisedPnl']),
        liquidation: info['liqPrice'],
        isolated,
        isolatedMargin: isolated ? (num(info['positionIM']) ?? num(info['positionBalance']) ?? 0) : 0,
        leverage: num(info['leverage']),
        hedgeLeg: idx === 1 || idx === 2,
        adl: num(info['adlRankIndicator']),
        // '' until Bybit itself lowers them (docs/research/account-modes.md §7).
        riskLimitLoweredAtMs: num(info['mmrSysUpdatedTime']),
        leverageLoweredAtMs: num(info['leverageSysUpdatedTime']),
      };
    },
    crossWallet(info, held) {
      const account = rowOf(listOf(rowOf(rowOf(info)['result'])['list'])[0]);
      const wallet = num(coinRow(listOf(account['coin']), 'coin', ['USDT'])['walletBalance']);
      return wallet === null ? null : wallet - held.isolatedMargins;
    },
  },
  modes: bybitModes,
  sizesInContracts: false,
  candlePage: 1000,
  // Every string key of ccxt bybit's urls.api (docs/research/toolchain.md §3); ccxt appends `v5/...`.
  restUrlKeys: { spot: '', futures: '', v2: '', public: '', private: '' },
  wsUrl: { key: ['ws', 'public', 'linear'], path: '/v5/public/linear' },
  options: { fetchMarkets: { types: ['linear'] }, defaultType: 'swap', defaultSubType: 'linear' },
  hasOff: ['fetchCurrencies'],
  tiers: {
    source: 'ccxt-market-tiers',
    params: {},
    read: (row, info) => ({
      floor: num(row['minNotional']),
      cap: num(row['maxNotional']),
      deduction: num(info['mmDeduction']),
    }),
  },
  positionsParams: { category: 'linear', settleCoin: 'USDT' },
  positionBooks: null,
  balanceParams: { type: 'unified' },
  markStream: { method: 'watchTicker', staleAfterMs: 15_000 },
  liquidationStream: { method: 'watchLiquidations' },
  candles: { rawTakerKlines: null },
  openInterestFields: 'amount',
  takerVolume: null,
  takerTrades: { limit: 1000 },
  // `GET /v5/execution/list?execType=BustTrade` (ccxt fetchMyLiquidations): the execution's order side;
  // no realised PnL on an execution (docs/research/liquidation-events.md §2.2).
  forceCloses: {
    method: 'fetchMyLiquidations',
    read: (info) =>
      text(info['execType']) === 'BustTrade' ? { side: sideClosedBy(text(info['side'])), lossUsd: null } : null,
  },
  // `GET /v5/account/fee-rate?category=linear`: the account's rate per symbol (ccxt's market fee is a default).
  accountFees: {
    rawMethod: 'privateGetV5AccountFeeRate',
    params: { category: 'linear' },
    read: (answer, symbol) =>
      num(coinRow(listOf(rowOf(rowOf(answer)['result'])['list']), 'symbol', [symbol])['takerFeeRate']),
  },
  // The collateral ratio tiers and the account's fee tier change rarely (Bybit announces ratio changes;
  // a fee tier is set daily): an hour between reads spares two signed requests on every refresh.
  cachedReads: { publicGetV5SpotMarginTradeCollateral: 3_600_000, privateGetV5AccountFeeRate: 3_600_000 },
  // `query-api`: `readOnly` 0/1, and `permissions.Wallet` holding "Withdraw" for a withdrawing key.
  permissions: {
    rawMethod: 'privateGetV5UserQueryApi',
    read: (answer) => {
      const result = rowOf(rowOf(answer)['result']);
      const granted = Object.values(rowOf(result['permissions'])).flatMap((value) => listOf(value).map(text));
      const readOnly = num(result['readOnly']) === 1;
      return permissionReport(true, !readOnly, granted.includes('Withdraw'), 'Bybit query-api');
    },
  },
  statPeriods: {},
};
