import { venueName } from '../../shared/domain/venue';
import type { DemoAccount, DemoProvider } from '../core/accounts/demo-provider';
import { createDemoDriver } from './demo-control';
import type { SimScenarioName } from './market/types';
import { startSimulator, type Simulator } from './simulator';

/** Options of the Demo market. */
export interface DemoMarketOptions {
  readonly seed?: number;
  readonly scenario?: SimScenarioName;
  /** Simulated seconds per real second. */
  readonly speed?: number;
  /**
   * The market's clock stands still until this settles, then runs at `speed` (default: it runs from
   * the start). `liqlens watch --demo` starts it once the Demo's positions are loaded, so a
   * fast-forwarded scenario cannot play out before anyone watches it.
   */
  readonly clockStarts?: Promise<void>;
}

/**
 * The Demo a new user sees: the simulator started in-process on 127.0.0.1, one account per venue
 * read through its read-only key (or public address), each labelled "Demo".
 */
export function simulatorDemo(options: DemoMarketOptions = {}): DemoProvider {
  return async () => {
    // The Demo's market starts now (to the minute), so its times read like a live venue's: clients
    // that ask for "the latest" candles by the local clock, as ccxt does for Hyperliquid, find them.
    const startTimeMs = Math.floor(Date.now() / 60_000) * 60_000;
    const scenario = options.scenario ?? 'calm';
    const sim = await startSimulator({ seed: options.seed ?? 7, scenario, speed: 0, startTimeMs });
    const driver = createDemoDriver(sim.market, { speed: options.speed ?? 1 });
    let stopped = false;
    if (options.clockStarts === undefined) driver.run();
    else void options.clockStarts.then(() => !stopped && driver.run());
    return {
      accounts: demoAccountsOf(sim),
      control: driver,
      stop: () => {
        stopped = true;
        driver.stop();
        return sim.stop();
      },
    };
  };
}

/** The Demo accounts of a running simulator: each account read through its read-only key or address. */
export function demoAccountsOf(sim: Simulator): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const account of sim.market.accounts()) {
    const baseUrl = sim.baseUrl(account.venue);
    const label = `Demo · ${venueName(account.venue)}`;
    if (account.venue === 'hyperliquid') {
      if (account.address)
        accounts.push({ label, venue: account.venue, baseUrl, credentials: { address: account.address } });
      continue;
    }
    const key = sim.keys.find((candidate) => candidate.accountId === account.id && !candidate.permissions.trade);
    if (!key) continue;
    accounts.push({
      label,
      venue: account.venue,
      baseUrl,
      credentials: { apiKey: key.apiKey, secret: key.secret, ...(key.passphrase ? { password: key.passphrase } : {}) },
    });
  }
  return accounts;
}
