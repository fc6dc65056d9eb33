import { venueName } from '../../../shared/domain/venue';
import { sourceIdOf, type MarketKey } from '../../../shared/domain/market-source';
import type { AccountAdd, AccountKey } from '../../../shared/ipc/contract';
import type { AccountPositions } from '../../../shared/ipc/views/positions';
import type { AccountKind, AccountSummary, KeyPermissions } from '../../../shared/ipc/views/accounts';
import type { AccountVenue } from '../../../shared/domain/account-venue';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { ExchangeGateway, GatewayConfig, KeyCredentials } from '../exchange/gateway';
import type { Clock, Logger, SecretStore } from '../ports';
import {
  accountsFullMessage,
  maxAccounts,
  newAccountId,
  openAccountRegistry,
  type AccountRecord,
} from './account-registry';
import { watchAccount, type AccountWatcher } from './account-watcher';
import type { DemoControl, DemoMarket, DemoProvider } from './demo-provider';
import { toKeyPermissions } from './permission-warning';
import { createManualSource, type SnapshotSource } from './manual-source';
import { toPositionViews } from './position-views';
import { saveFailure } from '../storage/disk-io';
import { connectionOf, keyCredentials, keyNeededSummary } from './key-needed';

/** Everything the accounts service needs. */
export interface AccountsServiceDeps {
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly createGateway: (config: GatewayConfig) => ExchangeGateway;
  /** Starts the simulated Demo market when there are no accounts yet. */
  readonly demo?: DemoProvider;
  /** Poll interval for account snapshots near danger, ms (default 5000). */
  readonly pollMs?: number;
  /**
   * Poll interval while every position of the account is far from danger, ms (see poll-cadence.ts).
   * Default 30 000 with the default `pollMs`; `pollMs` alone sets a fixed cadence.
   */
  readonly slowPollMs?: number;
  /** Whether a position of the account holds an alert level or reads within its warning levels now. */
  readonly urgent?: (accountId: string) => boolean;
  readonly onAccountsChanged: (accounts: readonly AccountSummary[]) => void;
  /** An account's new positions, with the source its public market data comes from (undefined for none yet). */
  readonly onPositionsChanged: (positions: AccountPositions, source: MarketSource | undefined) => void;
  /** A problem to show the user once (e.g. a damaged account list). */
  readonly onProblem: (message: string) => void;
}

/** Where an account's public market data comes from: its venue and source id (never a URL's secrets, never keys). */
export type MarketSource = Pick<MarketKey, 'venue' | 'source'>;

/** Accounts: add, list, remove, and their live positions. */
export interface AccountsService {
  list(): readonly AccountSummary[];
  /** The label the user gave an account ("Main HL"); undefined for an unknown id. Cheap: builds no summary. */
  label(accountId: string): string | undefined;
  /** Every account's kind ('demo', 'api-key', ...), in `list`'s order. Cheap: builds no summary. */
  kinds(): readonly AccountKind[];
  /** Checks the key (permissions, a first fetch) before anything is saved; rejects with a plain reason. */
  add(input: AccountAdd): Promise<AccountSummary>;
  remove(accountId: string): Promise<readonly AccountSummary[]>;
  /** Gives a "key needed" account its key again, checked as `add` checks a new one; rejects with a plain reason. */
  setKey(key: AccountKey): Promise<AccountSummary>;
  positions(): readonly AccountPositions[];
  /** An account's force-close records since `sinceMs` (see `AccountWatcher.forceCloses`); rejects for an unknown account. */
  forceCloses(accountId: string, sinceMs: number): Promise<readonly ForceClose[]>;
  /**
   * The connections (base URL, credentials) of the open accounts reading `source` on its venue, oldest
   * first: how the core's market data reaches that very source. Stays inside the core.
   */
  connectionsOf(source: MarketSource): readonly GatewayConfig[];
  /** The running Demo's scenario and speed control; undefined while no Demo runs. */
  demoControl(): DemoControl | undefined;
  /** Opens the saved accounts (re-checking key permissions), or the Demo when there are none. */
  start(): Promise<void>;
  /** Fetches every account now; resolves when all are done. */
  refreshAll(): Promise<void>;
  stop(): Promise<void>;
}

const secretKey = (id: string): string => `account:${id}`;

/** Creates the accounts service. API keys go only to the SecretStore and to the gateway. */
export function createAccountsService(deps: AccountsServiceDeps): AccountsService {
  const { clock, logger, secrets } = deps;
  const pollMs = deps.pollMs ?? 5000;
  const slowPollMs = deps.slowPollMs ?? (deps.pollMs === undefined ? 30_000 : pollMs);
  const urgent = deps.urgent;
  const registry = openAccountRegistry(deps.dataDir, clock.now());
  const watchers = new Map<string, AccountWatcher>();
  // Each account's source, kept after its removal too, so a late answer of its watcher still names its own source.
  const sources = new Map<string, MarketSource>();
  const connections = new Map<string, { readonly source: MarketSource; readonly config: GatewayConfig }>();
  let demo: DemoMarket | undefined;
  // Saved key accounts whose key is gone (web mode after a restart): listed, removable, counted.
  const keyless = new Map<string, AccountRecord>();
  const list = (): AccountSummary[] => [
    ...[...watchers.values()].map((watcher) => watcher.summary()),
    ...[...keyless.values()].map((record) => keyNeededSummary(record, secrets.persistent)),
  ];
  const sourceOf = (accountId: string): MarketSource => {
    const source = sources.get(accountId);
    if (source === undefined) throw new Error(`account ${accountId} has no market source`);
    return source;
  };
  const positionsOf = (watcher: AccountWatcher): AccountPositions => {
    const latest = watcher.latest();
    return {
      accountId: watcher.id,
      positions: latest ? toPositionViews(watcher.id, sourceOf(watcher.id), latest.snapshot, latest.freshness) : [],
      risk: latest?.snapshot.risk ?? null,
    };
  };
  const onChange = (watcher: AccountWatcher): void => {
    deps.onPositionsChanged(positionsOf(watcher), sources.get(watcher.id));
    deps.onAccountsChanged(list());
  };

  /** The snapshot source of an account: its gateway, or, for typed-in positions, the public-data pricer. */
  const sourceFor = (config: GatewayConfig, manual: AccountRecord['manual']): SnapshotSource =>
    manual
      ? createManualSource(
          config.venue,
          manual.walletBalance,
          manual.positions,
          deps.createGateway({ ...config, credentials: null }),
          () => clock.now(),
        )
      : deps.createGateway(config);

  const open = (
    id: string,
    label: string,
    venue: AccountVenue,
    kind: AccountSummary['kind'],
    config: GatewayConfig,
    manual?: AccountRecord['manual'],
    verified?: ExchangeGateway,
  ): AccountWatcher => {
    const source: MarketSource = {
      venue,
      source: sourceIdOf({ ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}), demo: kind === 'demo' }),
    };
    sources.set(id, source);
    connections.set(id, { source, config });
    const watcher = watchAccount({
      id,
      label,
      venue,
      source: source.source,
      kind,
      gateway: verified ?? sourceFor(config, manual),
      clock,
      logger,
      pollMs,
      slowPollMs,
      ...(urgent ? { urgent: () => urgent(id) } : {}),
      onChange,
    });
    watchers.set(id, watcher);
    return watcher;
  };

  const checkPermissions = async (watcher: AccountWatcher, gatewayConfig: GatewayConfig): Promise<void> => {
    const gateway = deps.createGateway(gatewayConfig);
    try {
      watcher.setPermissions(toKeyPermissions(await gateway.checkPermissions()));
    } catch (error) {
      logger.warn('permission check failed', {
        account: watcher.id,
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      await gateway.close();
    }
  };

  const startDemo = async (provider: DemoProvider): Promise<void> => {
    demo = await provider();
    for (const [index, account] of demo.accounts.entries()) {
      const watcher = open(`demo-${index + 1}`, account.label, account.venue, 'demo', {
        venue: account.venue,
        baseUrl: account.baseUrl,
        credentials: account.credentials,
      });
      void watcher.refresh();
    }
  };

  /**
   * Checks an account's access before anything is saved: its key may read, and a first fetch works.
   * Resolves with the permissions and the gateway that read it, still open (markets loaded), for the
   * account's watcher to go on with; the gateway is closed when the check fails.
   */
  const verify = async (
    config: GatewayConfig,
    keyed: boolean,
  ): Promise<{ permissions: KeyPermissions; gateway: ExchangeGateway }> => {
    const gateway = deps.createGateway(config);
    try {
      const report = await gateway.checkPermissions();
      if (keyed && !report.canRead) {
        throw new Error(`${venueName(config.venue)} says this key cannot read positions: give it read permission.`);
      }
      const permissions = toKeyPermissions(report);
      await gateway.fetchAccount();
      return { permissions, gateway };
    } catch (error) {
      await gateway.close();
      throw error;
    }
  };

  const addManual = async (input: Extract<AccountAdd, { kind: 'manual' }>): Promise<AccountSummary> => {
    const config: GatewayConfig = {
      venue: input.venue,
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      credentials: null,
    };
    const manual = { walletBalance: input.walletBalance, positions: input.positions };
    const probe = sourceFor(config, manual);
    try {
      await probe.fetchAccount();
    } finally {
      await probe.close();
    }
    const id = newAccountId(input.venue, clock.now(), registry.list());
    registry.add({
      id,
      label: input.label,
      venue: input.venue,
      kind: 'manual',
      createdAtMs: clock.now(),
      manual,
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
    });
    const watcher = open(id, input.label, input.venue, 'manual', config, manual);
    await watcher.refresh();
    return watcher.summary();
  };

  return {
    list,
    label: (accountId) => watchers.get(accountId)?.label ?? keyless.get(accountId)?.label,
    kinds: () => [
      ...[...watchers.values()].map((watcher) => watcher.kind),
      ...[...keyless.values()].map((record) => record.kind),
    ],
    positions: () => [...watchers.values()].map(positionsOf),
    async forceCloses(accountId, sinceMs) {
      const watcher = watchers.get(accountId);
      if (!watcher) throw new Error('There is no such account (it may have been removed already).');
      return watcher.forceCloses(sinceMs);
    },
    connectionsOf: (source) =>
      [...connections.values()]
        .filter((entry) => entry.source.venue === source.venue && entry.source.source === source.source)
        .map((entry) => entry.config),

    async add(input) {
      // Refused before any venue is asked: the saved list holds no more (a longer file would not load).
      if (registry.list().length >= maxAccounts) throw new Error(accountsFullMessage);
      if (input.kind === 'manual') return addManual(input);
      const credentials = input.kind === 'address' ? { address: input.address } : keyCredentials(input);
      const config = connectionOf(input, credentials);
      const { permissions, gateway } = await verify(config, input.kind === 'api-key');
      const id = newAccountId(input.venue, clock.now(), registry.list());
      if (input.kind === 'api-key') {
        try {
          await secrets.set(secretKey(id), JSON.stringify(credentials));
        } catch (error) {
          await gateway.close();
          throw saveFailure('the key', error);
        }
      }
      const record: AccountRecord = {
        id,
        label: input.label,
        venue: input.venue,
        kind: input.kind,
        createdAtMs: clock.now(),
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
        ...(input.kind === 'address' ? { address: input.address } : {}),
      };
      try {
        registry.add(record);
      } catch (error) {
        // The account was not saved: its key must not stay behind either.
        if (input.kind === 'api-key') await secrets.delete(secretKey(id)).catch(() => undefined);
        await gateway.close();
        throw error;
      }
      // The watcher goes on with the gateway that verified the account: its markets are loaded already.
      const watcher = open(id, input.label, input.venue, input.kind, config, undefined, gateway);
      watcher.setPermissions(permissions);
      await watcher.refresh();
      return watcher.summary();
    },

    async setKey(key) {
      const record = keyless.get(key.accountId);
      if (!record) throw new Error('This account does not need a key (it may have been given one or removed already).');
      const credentials = keyCredentials(key);
      const config = connectionOf(record, credentials);
      const { permissions, gateway } = await verify(config, true);
      try {
        // Removed meanwhile: nothing to give the key to.
        if (!keyless.delete(record.id)) throw new Error('There is no such account (it may have been removed already).');
        await secrets.set(secretKey(record.id), JSON.stringify(credentials));
      } catch (error) {
        await gateway.close();
        throw error;
      }
      const watcher = open(record.id, record.label, record.venue, 'api-key', config, undefined, gateway);
      watcher.setPermissions(permissions);
      await watcher.refresh();
      deps.onAccountsChanged(list());
      return watcher.summary();
    },

    async remove(accountId) {
      if (keyless.delete(accountId)) {
        if (registry.remove(accountId)) await secrets.delete(secretKey(accountId));
        const accounts = list();
        deps.onAccountsChanged(accounts);
        return accounts;
      }
      const watcher = watchers.get(accountId);
      if (!watcher) throw new Error('There is no such account (it may have been removed already).');
      // Saved first: when the list cannot be written (a full disk) the account stays, running, as saved.
      const saved = registry.remove(accountId);
      watchers.delete(accountId);
      connections.delete(accountId);
      await watcher.stop();
      if (saved)
        await secrets
          .delete(secretKey(accountId))
          .catch((error: unknown) =>
            logger.warn('key of a removed account not deleted', { account: accountId, error: String(error) }),
          );
      if (demo && ![...watchers.values()].some((w) => w.summary().kind === 'demo')) {
        await demo.stop();
        demo = undefined;
      }
      const accounts = list();
      deps.onAccountsChanged(accounts);
      return accounts;
    },

    async start() {
      if (registry.problem) deps.onProblem(registry.problem);
      const keyNeeded: string[] = [];
      for (const record of registry.list()) {
        // A key that cannot be read (a damaged file, a changed keychain) blocks its own account only.
        const stored =
          record.kind === 'api-key'
            ? await secrets.get(secretKey(record.id)).catch((error: unknown) => {
                logger.warn('key not readable', { account: record.id, error: String(error) });
                return undefined;
              })
            : undefined;
        if (record.kind === 'api-key' && !stored) {
          // Listed as "key needed": it can be given its key again or removed, and it counts toward the cap.
          keyless.set(record.id, record);
          keyNeeded.push(record.label);
          continue;
        }
        const credentials =
          record.kind === 'address'
            ? { address: record.address ?? '' }
            : record.kind === 'manual'
              ? null
              : (JSON.parse(stored ?? '{}') as KeyCredentials);
        const config: GatewayConfig = {
          venue: record.venue,
          ...(record.baseUrl ? { baseUrl: record.baseUrl } : {}),
          credentials,
        };
        const watcher = open(record.id, record.label, record.venue, record.kind, config, record.manual);
        void watcher.refresh();
        if (record.kind !== 'manual') void checkPermissions(watcher, config);
      }
      const damaged = secrets.damaged?.();
      if (damaged) {
        const names = keyNeeded.map((label) => `"${label}"`).join(', ');
        deps.onProblem(
          keyNeeded.length === 0
            ? damaged.message
            : `${damaged.message} These accounts need their key again (give it again from Accounts, or remove the account): ${names}.`,
        );
      } else
        for (const label of keyNeeded)
          deps.onProblem(
            `The key of "${label}" is not available in this session: give it again from Accounts, or remove the account.`,
          );
      if (watchers.size === 0 && registry.list().length === 0 && deps.demo) await startDemo(deps.demo);
      deps.onAccountsChanged(list());
    },

    demoControl: () => demo?.control,

    async refreshAll() {
      await Promise.all([...watchers.values()].map((watcher) => watcher.refresh()));
    },

    async stop() {
      await Promise.all([...watchers.values()].map((watcher) => watcher.stop()));
      watchers.clear();
      keyless.clear();
      connections.clear();
      await demo?.stop();
      demo = undefined;
    },
  };
}
