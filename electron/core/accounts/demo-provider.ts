import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { AddressCredentials, KeyCredentials } from '../exchange/gateway';

/** One Demo account: where its simulated venue listens and the read-only credentials to read it. */
export interface DemoAccount {
  readonly label: string;
  readonly venue: AccountVenue;
  readonly baseUrl: string;
  readonly credentials: KeyCredentials | AddressCredentials;
}

/** A running Demo market and its accounts. */
export interface DemoMarket {
  readonly accounts: readonly DemoAccount[];
  stop(): Promise<void>;
}

/** Starts the built-in simulated market for the Demo (injected by the host; tests pass their own). */
export type DemoProvider = () => Promise<DemoMarket>;
