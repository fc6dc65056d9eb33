import type { SimAccount } from '../../market/types';
import type { SimKey } from '../../server/sim-keys';
import { bybitMarginModeNames, bybitMode } from './bybit-mode';

/**
 * `GET /v5/user/query-api`: what the key may do. `readOnly` is 1 for a key that can neither trade
 * nor withdraw, 0 otherwise; the permission groups list Bybit's names only for the rights the key
 * holds, so a read-only key shows empty groups. `uta: 1` marks a unified trading account.
 */
export function apiKeyInfo(key: SimKey, wallNowMs: number): Record<string, unknown> {
  const { trade, withdraw } = key.permissions;
  const createdAt = new Date(wallNowMs - 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const expiredAt = new Date(wallNowMs + 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: String(numericId(key.apiKey)),
    note: `simulator key for ${key.accountId}`,
    apiKey: key.apiKey,
    readOnly: trade || withdraw ? 0 : 1,
    secret: '',
    permissions: {
      ContractTrade: trade ? ['Order', 'Position'] : [],
      Spot: trade ? ['SpotTrade'] : [],
      Wallet: withdraw ? ['AccountTransfer', 'SubMemberTransfer', 'Withdraw'] : [],
      Options: trade ? ['OptionsTrade'] : [],
      Derivatives: trade ? ['DerivativesTrade'] : [],
      CopyTrading: [],
      BlockTrade: [],
      Exchange: [],
      NFT: [],
      Affiliate: [],
      Earn: [],
    },
    ips: ['*'],
    type: 1,
    deadlineDay: 60,
    expiredAt,
    createdAt,
    unified: 0,
    uta: 1,
    userID: numericId(key.accountId),
    inviterID: 0,
    vipLevel: 'No VIP',
    mktMakerLevel: '0',
    affiliateID: 0,
    rsaPublicKey: '',
    isMaster: true,
    parentUid: '0',
    kycLevel: 'LEVEL_DEFAULT',
    kycRegion: '',
  };
}

/**
 * `GET /v5/account/info`. Status 5 = unified trading account 2.0. Margin mode is account-wide on
 * Bybit: ISOLATED_MARGIN, REGULAR_MARGIN (cross) or PORTFOLIO_MARGIN, from the account's mode
 * (`bybitMode`: without one, isolated when every position is isolated).
 */
export function accountInfo(account: SimAccount | undefined, wallNowMs: number): Record<string, unknown> {
  return {
    unifiedMarginStatus: 5,
    marginMode: bybitMarginModeNames[bybitMode(account)],
    isMasterTrader: false,
    spotHedgingStatus: 'OFF',
    updatedTime: String(wallNowMs),
    dcpStatus: 'OFF',
    timeWindow: 10,
    smpGroup: 0,
  };
}

/** A stable number derived from a text (user and key ids). */
function numericId(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 10_000_000 + (hash % 90_000_000);
}
