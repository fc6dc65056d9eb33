import type { SimAccount } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import { badParameter, type BybitCall, type BybitPrivateHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { positionRow } from './bybit-position-payload';
import { walletRow } from './bybit-wallet-payload';
import { findInstrument } from './bybit-instruments';
import { venueRulesOf } from '../../market/instruments';
import { accountInfo, apiKeyInfo } from './bybit-key-payload';
import { bybitMode, collateralInfoRows } from './bybit-mode';

/** The account a key reads; a key whose account is gone reads an empty account. */
function accountOf(call: BybitCall, key: SimKey): SimAccount {
  return (
    call.market.account(key.accountId) ?? { id: key.accountId, venue: 'bybit-linear', walletBalance: 0, positions: [] }
  );
}

/**
 * `GET /v5/position/list` (signed): open positions of the key's account, filtered by `symbol` or
 * `settleCoin` (one of them is required for linear, as on Bybit).
 */
const positionList: BybitPrivateHandler = (call, key) => {
  const query = call.request.query;
  if (query.get('category') !== 'linear') return badParameter(call, 'category only support linear');
  const symbol = query.get('symbol');
  const settleCoin = query.get('settleCoin');
  const baseCoin = query.get('baseCoin');
  if (!symbol && !settleCoin && !baseCoin) return badParameter(call, 'symbol or settleCoin is required');
  const account = accountOf(call, key);
  const mode = bybitMode(account);
  const list = account.positions.flatMap((position) => {
    const instrument = findInstrument(call.market, position.symbol);
    if (!instrument || position.size <= 0) return [];
    if (symbol && position.symbol !== symbol) return [];
    if (settleCoin && instrument.quote !== settleCoin) return [];
    if (baseCoin && instrument.base !== baseCoin) return [];
    return [positionRow(position, instrument, call.market.now(), mode)];
  });
  return bybitReply({ category: 'linear', list, nextPageCursor: '' }, call.wallNowMs);
};

/** `GET /v5/account/wallet-balance?accountType=UNIFIED` (signed). */
const walletBalance: BybitPrivateHandler = (call, key) => {
  const accountType = call.request.query.get('accountType');
  if (accountType !== 'UNIFIED') return badParameter(call, 'accountType only support UNIFIED');
  const account = accountOf(call, key);
  const coin =
    account.positions
      .map((position) => findInstrument(call.market, position.symbol)?.quote)
      .find((quote) => quote !== undefined) ?? 'USDT';
  return bybitReply({ list: [walletRow(account, coin)] }, call.wallNowMs);
};

/** `GET /v5/account/info` (signed): unified account status and margin mode. */
const info: BybitPrivateHandler = (call, key) =>
  bybitReply(accountInfo(call.market.account(key.accountId), call.wallNowMs), call.wallNowMs);

/** `GET /v5/account/collateral-info` (signed): the coins that count as collateral, by `currency`. */
const collateralInfo: BybitPrivateHandler = (call) =>
  bybitReply({ list: collateralInfoRows(call.request.query.get('currency')) }, call.wallNowMs);

/**
 * `GET /v5/account/fee-rate` (signed): the account's trading fee rates per linear symbol, or one by
 * `symbol`: the taker rate of the simulator's rules, and 0.0002 maker (Bybit's base perpetual rate).
 */
const feeRate: BybitPrivateHandler = (call) => {
  if (call.request.query.get('category') !== 'linear') return bybitReply({ list: [] }, call.wallNowMs);
  const symbol = call.request.query.get('symbol');
  const instruments = call.market.instruments.filter((i) => symbol === null || i.symbol === symbol);
  const list = instruments.map((instrument) => ({
    symbol: instrument.symbol,
    takerFeeRate: String(venueRulesOf(instrument, 'bybit-linear').takerFeeRate),
    makerFeeRate: '0.0002',
  }));
  return bybitReply({ list }, call.wallNowMs);
};

/** `GET /v5/user/query-api` (signed): the key's permissions. */
const queryApi: BybitPrivateHandler = (call, key) => bybitReply(apiKeyInfo(key, call.wallNowMs), call.wallNowMs);

/** Signed endpoints by path. */
export const bybitAccountRoutes: Readonly<Record<string, BybitPrivateHandler>> = {
  '/v5/position/list': positionList,
  '/v5/account/wallet-balance': walletBalance,
  '/v5/account/info': info,
  '/v5/account/collateral-info': collateralInfo,
  '/v5/account/fee-rate': feeRate,
  '/v5/user/query-api': queryApi,
};
