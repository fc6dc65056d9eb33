import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { DemoControlChange, DemoControlState } from '../../../shared/ipc/views/demo';
import type { AddressCredentials, KeyCredentials } from '../exchange/gateway';

/** One Demo account: where its simulated venue listens and the read-only credentials to read it. */
export interface DemoAccount {
  readonly label: string;
  readonly venue: AccountVenue;
  readonly baseUrl: string;
  readonly credentials: KeyCredentials | AddressCredentials;
}

/** The Demo market's scenario and speed, changed while it runs. */
export interface DemoControl {
  state(): DemoControlState;
  /** Starts a scenario now (from the market as it stands) and/or changes the speed; returns the new state. */
  set(change: DemoControlChange): DemoControlState;
}

/** A running Demo market and its accounts. */
export interface DemoMarket {
  readonly accounts: readonly DemoAccount[];
  /** Absent where the market cannot be steered (a test's own Demo). */
  readonly control?: DemoControl;
  stop(): Promise<void>;
}

/** Starts the built-in simulated market for the Demo (injected by the host; tests pass their own). */
export type DemoProvider = () => Promise<DemoMarket>;
