import type { SimAccount } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import { checkSignedRequest, type SignedAccess } from './binance-auth';
import { accountV2, accountV3, balanceRows, leverageBracket } from './binance-account-payloads';
import type { AccountView } from './binance-account-view';
import { positionRiskV2, positionRiskV3 } from './binance-position-payloads';
import { isHedgeMode } from './binance-positions';
import { invalidKeyError } from './binance-errors';
import { adlQuantileRows, binanceMode } from './binance-mode-payloads';
import { papiAccount, papiBalance, papiPositionRisk } from './binance-papi-payloads';
import { ok, optionalSymbol, type BinanceCall, type BinanceHandler } from './binance-call';

/** A signed handler: runs only once the key, signature and timestamp passed. */
export type SignedHandler = (call: BinanceCall, key: SimKey) => ReturnType<BinanceHandler>;

/** `handler` behind Binance's key, signature and timestamp checks (USER_DATA unless `access` says otherwise). */
export function signed(handler: SignedHandler, access: SignedAccess = 'user-data'): BinanceHandler {
  return (call) => {
    const check = checkSignedRequest(call.request, call.context.keys, call.wallNowMs, access);
    if ('error' in check) return check.error;
    // A Portfolio Margin account trades through papi: its key is refused on fapi with -2015, and
    // the simulator refuses papi to any other account the same way.
    const portfolio = binanceMode(accountOf(call, check.key)) === 'portfolio';
    const path = call.request.path;
    if ((portfolio && path.startsWith('/fapi/')) || (!portfolio && path.startsWith('/papi/'))) return invalidKeyError();
    return handler(call, check.key);
  };
}

/** A key whose account the market does not hold reads as an empty account, as a fresh venue account would. */
export function accountOf(call: BinanceCall, key: SimKey): SimAccount {
  return (
    call.context.market.account(key.accountId) ?? {
      id: key.accountId,
      venue: 'binance-usdm',
      walletBalance: 0,
      positions: [],
    }
  );
}

function viewOf(call: BinanceCall, key: SimKey): AccountView {
  const { market } = call.context;
  return {
    account: accountOf(call, key),
    instruments: market.instruments,
    permissions: key.permissions,
    nowMs: market.now(),
  };
}

/** A signed read of the key's account, narrowed by an optional `symbol`. */
function bySymbol(answer: (view: AccountView, symbol: string | null) => unknown): BinanceHandler {
  return signed((call, key) => {
    const picked = optionalSymbol(call);
    if ('error' in picked) return picked.error;
    return ok(answer(viewOf(call, key), picked.instrument?.symbol ?? null));
  });
}

/** Binance's `apiRestrictions` flags, from the simulated key's three permissions. */
function apiRestrictions(key: SimKey): object {
  const { read, trade, withdraw } = key.permissions;
  return {
    ipRestrict: false,
    createTime: 1_700_000_000_000,
    enableReading: read,
    enableSpotAndMarginTrading: trade,
    enableFutures: trade,
    enableMargin: trade,
    enableVanillaOptions: trade,
    enablePortfolioMarginTrading: false,
    enableFixApiTrade: false,
    enableFixReadOnly: false,
    enableWithdrawals: withdraw,
    enableInternalTransfer: withdraw,
    permitsUniversalTransfer: withdraw,
  };
}

/** Coins as `sapi/v1/capital/config/getall` lists them (ccxt's loadMarkets asks when keys are set). */
function capitalConfig(call: BinanceCall): object[] {
  const coins = new Set(['USDT', ...call.context.market.instruments.flatMap((i) => [i.base, i.quote])]);
  return [...coins].map((coin) => ({
    coin,
    name: coin,
    depositAllEnable: true,
    withdrawAllEnable: true,
    free: '0',
    locked: '0',
    freeze: '0',
    withdrawing: '0',
    ipoing: '0',
    ipoable: '0',
    storage: '0',
    isLegalMoney: false,
    trading: true,
    networkList: [
      {
        network: coin,
        coin,
        withdrawIntegerMultiple: '0.00000001',
        isDefault: true,
        depositEnable: true,
        withdrawEnable: true,
        depositDesc: '',
        withdrawDesc: '',
        name: coin,
        resetAddressStatus: false,
        withdrawFee: '0',
        withdrawMin: '0',
        withdrawMax: '9999999999',
        minConfirm: 1,
        unLockConfirm: 0,
        sameAddress: false,
        depositDust: '0.00000001',
      },
    ],
  }));
}

const leverageBrackets = signed((call) => {
  const picked = optionalSymbol(call);
  if ('error' in picked) return picked.error;
  // Binance answers a single object, not a list, when a symbol is named.
  return ok(
    picked.instrument ? leverageBracket(picked.instrument) : call.context.market.instruments.map(leverageBracket),
  );
});

/** The signed USER_DATA and key endpoints, by `METHOD path` (papi: Portfolio Margin accounts only). */
export const accountRoutes: Readonly<Record<string, BinanceHandler>> = {
  'GET /fapi/v1/leverageBracket': leverageBrackets,
  'GET /papi/v1/um/leverageBracket': leverageBrackets,
  'GET /fapi/v1/positionSide/dual': signed((call, key) => ok({ dualSidePosition: isHedgeMode(accountOf(call, key)) })),
  'GET /fapi/v2/positionRisk': bySymbol(positionRiskV2),
  'GET /fapi/v3/positionRisk': bySymbol(positionRiskV3),
  'GET /fapi/v1/adlQuantile': bySymbol(adlQuantileRows),
  'GET /fapi/v1/multiAssetsMargin': signed((call, key) =>
    ok({ multiAssetsMargin: binanceMode(accountOf(call, key)) === 'multi-assets' }),
  ),
  'GET /papi/v1/account': signed((call, key) => ok(papiAccount(viewOf(call, key)))),
  'GET /papi/v1/balance': signed((call, key) => ok(papiBalance(viewOf(call, key)))),
  'GET /papi/v1/um/positionRisk': bySymbol(papiPositionRisk),
  'GET /papi/v1/um/adlQuantile': bySymbol(adlQuantileRows),
  'GET /fapi/v2/account': signed((call, key) => ok(accountV2(viewOf(call, key)))),
  'GET /fapi/v3/account': signed((call, key) => ok(accountV3(viewOf(call, key)))),
  'GET /fapi/v2/balance': signed((call, key) => ok(balanceRows(viewOf(call, key)))),
  'GET /fapi/v3/balance': signed((call, key) => ok(balanceRows(viewOf(call, key)))),
  'GET /sapi/v1/account/apiRestrictions': signed((_call, key) => ok(apiRestrictions(key)), 'key-info'),
  'GET /sapi/v1/capital/config/getall': signed((call) => ok(capitalConfig(call))),
  'GET /sapi/v1/margin/allPairs': signed(() => ok([]), 'key-info'),
};
