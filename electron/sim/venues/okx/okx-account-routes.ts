import type { SimAccount } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import { selectInstruments, unknownInstrument, type OkxCall, type OkxPrivateHandler } from './okx-call';
import { okxReply } from './okx-envelope';
import { balanceRow } from './okx-balance-payload';
import { listedPositions, positionRow } from './okx-position-payload';
import { okxAccountLevel } from './okx-mode';

/** The account a key reads; a key whose account is gone reads an empty account. */
function accountOf(call: OkxCall, key: SimKey): SimAccount {
  return (
    call.market.account(key.accountId) ?? { id: key.accountId, venue: 'okx-swap', walletBalance: 0, positions: [] }
  );
}

/** `GET /api/v5/account/positions` (signed): open swap positions, optionally by `instId` list. */
const positions: OkxPrivateHandler = (call, key) => {
  const instType = call.request.query.get('instType');
  if (instType && instType !== 'SWAP') return okxReply([]);
  const selected = selectInstruments(call);
  if (!selected) return unknownInstrument();
  const account = accountOf(call, key);
  const rows = listedPositions(call.market, account)
    .filter(({ instrument }) => selected.includes(instrument))
    .map(({ position, instrument }) => positionRow(call.market, account, position, instrument));
  return okxReply(rows);
};

/** `GET /api/v5/account/balance` (signed). */
const balance: OkxPrivateHandler = (call, key) => {
  const account = accountOf(call, key);
  const ccy = listedPositions(call.market, account)[0]?.instrument.quote ?? 'USDT';
  const wanted = call.request.query.get('ccy');
  const row = balanceRow(call.market, account, ccy);
  const details = row.details.filter((detail) => !wanted || wanted.split(',').includes(String(detail['ccy'])));
  return okxReply([{ ...row, details }]);
};

/**
 * `GET /api/v5/account/config` (signed): `perm` lists what the key may do, in OKX's words and
 * order: "read_only", then ",withdraw", then ",trade". `posMode` follows the account's mode.
 */
const config: OkxPrivateHandler = (call, key) => {
  const account = accountOf(call, key);
  const perm = [
    'read_only',
    ...(key.permissions.withdraw ? ['withdraw'] : []),
    ...(key.permissions.trade ? ['trade'] : []),
  ].join(',');
  return okxReply([
    {
      uid: String(numericId(account.id)),
      mainUid: String(numericId(account.id)),
      acctLv: String(okxAccountLevel(account)),
      acctStpMode: 'cancel_maker',
      posMode: account.positionMode === 'hedge' ? 'long_short_mode' : 'net_mode',
      autoLoan: false,
      greeksType: 'PA',
      level: 'Lv1',
      levelTmp: '',
      ctIsoMode: 'automatic',
      mgnIsoMode: 'automatic',
      roleType: '0',
      traderInsts: [],
      spotRoleType: '0',
      spotTraderInsts: [],
      opAuth: '0',
      kycLv: '1',
      label: `simulator key for ${account.id}`,
      ip: '',
      perm,
      liquidationGear: '-1',
      enableSpotBorrow: false,
      spotBorrowAutoRepay: false,
      type: '0',
      settleCcy: 'USDT',
      settleCcyList: ['USDT'],
    },
  ]);
};

/** Signed endpoints by path. */
export const okxAccountRoutes: Readonly<Record<string, OkxPrivateHandler>> = {
  '/api/v5/account/positions': positions,
  '/api/v5/account/balance': balance,
  '/api/v5/account/config': config,
};

function numericId(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 100_000_000 + (hash % 900_000_000);
}
