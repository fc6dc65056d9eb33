/** An account as the renderer sees it: who it is, where its data stands, what its key may do; never its keys. */
import type { AccountGauge, AccountModeId } from '../../domain/account-mode';
import type { AccountVenue } from '../../domain/account-venue';
import type { Freshness } from '../../domain/freshness';

/** How an account reads its positions. */
export type AccountKind = 'api-key' | 'address' | 'manual' | 'demo';

/** Where an account's data stands. */
export type AccountStatus = 'connecting' | 'live' | 'stale' | 'error';

/** What the permission check found for an account's key. */
export interface KeyPermissions {
  readonly readOnly: boolean;
  readonly canTrade: boolean;
  readonly canWithdraw: boolean;
  /** A plain warning when the key can do more than read, otherwise absent. */
  readonly warning?: string;
}

/** An account as the renderer sees it: never its keys. */
export interface AccountSummary {
  readonly id: string;
  readonly label: string;
  readonly venue: AccountVenue;
  /**
   * Where its data comes from (`sourceIdOf` in shared/domain/market-source: `production`, `demo`, a
   * testnet or simulator host); the header names it when it is not production ("Binance · Demo").
   */
  readonly source: string;
  readonly kind: AccountKind;
  /** `error` when only the user can fix it (key, clock); otherwise `freshness` decides (unknown = connecting). */
  readonly status: AccountStatus;
  /** Where the account's data stands: the core's one answer, which its positions and alerts share. */
  readonly freshness: Freshness;
  /** Why the status is not live, in plain words. */
  readonly statusMessage?: string;
  readonly permissions?: KeyPermissions;
  /**
   * A saved key account whose key is not available (web mode keeps keys in memory only, so after a
   * restart): listed with status `error`, it reads nothing until its key is given again
   * (`accounts:set-key`) or it is removed; it still counts toward the account cap.
   */
  readonly keyNeeded?: true;
  /** When the last snapshot arrived, epoch ms; null before the first. */
  readonly updatedAtMs: number | null;
  readonly equity: number | null;
  readonly maintenanceMargin: number | null;
  /** Maintenance / equity of the account, 1 = liquidation. */
  readonly marginRatio: number | null;
  /** The account mode the venue reported at the last read (header: "Bybit · unified · cross"); null before the first. */
  readonly accountMode: AccountModeId | null;
  /** The venue's own account gauge as last read; null when the mode has none or before the first read. */
  readonly venueGauge: AccountGauge | null;
  /**
   * How often the account is read now, ms: the fast cadence near danger or after a change, the calm
   * one while every position is far from danger (data is stale after three). Absent where nothing is read.
   */
  readonly refreshMs?: number;
}
