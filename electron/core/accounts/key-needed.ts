import type { AccountVenue } from '../../../shared/domain/account-venue';
import { sourceIdOf } from '../../../shared/domain/market-source';
import type { AccountKey } from '../../../shared/ipc/contract';
import type { AccountSummary } from '../../../shared/ipc/views/accounts';
import type { GatewayConfig, KeyCredentials } from '../exchange/gateway';
import type { AccountRecord } from './account-registry';

/**
 * How a saved key account whose key is gone is listed: status `error`, `keyNeeded`, and why, in
 * words that say where keys are kept (`persistent`: the keychain; otherwise web mode's memory).
 */
export function keyNeededSummary(record: AccountRecord, persistent: boolean): AccountSummary {
  return {
    id: record.id,
    label: record.label,
    venue: record.venue,
    kind: 'api-key',
    status: 'error',
    statusMessage: persistent
      ? 'Its key is no longer stored: give it again, or remove the account.'
      : 'Web mode keeps keys in memory only, so this key was forgotten when LiqLens stopped: give it again, or remove the account.',
    keyNeeded: true,
    source: sourceIdOf({ ...(record.baseUrl ? { baseUrl: record.baseUrl } : {}), demo: false }),
    freshness: { state: 'unknown', reason: 'its key is needed' },
    updatedAtMs: null,
    equity: null,
    maintenanceMargin: null,
    marginRatio: null,
    accountMode: null,
    venueGauge: null,
  };
}

/** A typed-in key as the gateway takes it (ccxt's names: `secret`, `password`). */
export function keyCredentials(key: Pick<AccountKey, 'apiKey' | 'apiSecret' | 'passphrase'>): KeyCredentials {
  return { apiKey: key.apiKey, secret: key.apiSecret, ...(key.passphrase ? { password: key.passphrase } : {}) };
}

/** The gateway connection of an account: its venue, its base URL when not production, its credentials. */
export function connectionOf(
  account: { readonly venue: AccountVenue; readonly baseUrl?: string | undefined },
  credentials: GatewayConfig['credentials'],
): GatewayConfig {
  return { venue: account.venue, ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}), credentials };
}
