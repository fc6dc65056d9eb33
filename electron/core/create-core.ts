import type { EventName, Events, RequestChannel, RequestPayload, Results } from '../../shared/ipc/contract';
import type { AppMode } from '../../shared/domain/app-mode';
import { createAccountsService, type AccountsServiceDeps } from './accounts/accounts-service';
import { createAlertsService } from './alerts/alerts-service';
import { createChannelsService } from './channels/channels-service';
import { createContextService } from './context/context-service';
import { demoControlView } from './context/demo-control-view';
import { notifyHost, testNotification } from './channels/test-notification';
import { createEventHub } from './event-hub';
import { createMarketService } from './market/market-service';
import { createAggregateService } from './market/aggregate-service';
import { createPositionMarkets } from './market/position-markets';
import { chooseAccess } from './market/venue-access';
import { createNoticeBoard } from './notices';
import type { Clock, Logger, Notifier, SecretStore, SettingsStore } from './ports';
import { createRecorder } from './recorder/recorder';
import { pruneRecordings, retentionOf } from './recorder/retention';
import { createDiskWatch, diskFullNotice } from './storage/disk-watch';
import { welcomeDue } from './settings/welcome-due';

/** How the core reaches exchanges: the gateway factory, the Demo market, and the account poll intervals (ms). */
export type CoreExchange = Pick<AccountsServiceDeps, 'createGateway' | 'demo' | 'pollMs' | 'slowPollMs'>;

/** Everything the core needs from its host. */
export interface CoreDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly app: { readonly name: string; readonly version: string; readonly mode: AppMode; readonly dataDir: string };
  /**
   * Exchange access (gateway factory, Demo market, account poll interval). A host with no network
   * passes a factory that refuses with a clear message (`offlineExchange`).
   */
  readonly exchange: CoreExchange;
  /** How long a stop waits for queued channel deliveries (ms); default 3000 (`liqlens watch` ends on a flush). */
  readonly channelsDrainMs?: number;
  /** Diagnostics: for each alert event, when the tick behind it arrived and when the event left (local ms). */
  readonly onAlertTiming?: (timing: AlertTiming) => void;
}

/** When the tick (or snapshot) behind an alert event arrived, and when the event was emitted (local ms). */
export interface AlertTiming {
  readonly receivedAtMs: number;
  readonly emittedAtMs: number;
}

/** One handler per request channel; payloads arrive already validated by the transport. */
export type RequestHandlers = { readonly [C in RequestChannel]: (payload: RequestPayload<C>) => Promise<Results[C]> };

/** The running core, as both transports see it. */
export interface Core {
  readonly handlers: RequestHandlers;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Asks the renderer to show a position (a notification about it was clicked). */
  focusPosition(target: Events['alerts:focus']): void;
  /** Starts live services (heartbeat, accounts or the Demo); resolves once accounts are opened. Idempotent. */
  start(): Promise<void>;
  /**
   * Resolves once the start-up work of every market open or watched now (backfill, first
   * measurement on its recordings) has finished: after it the core is in its steady state. For
   * measuring that state (`liqlens bench`).
   */
  settled(): Promise<void>;
  /** Stops every timer and subscription; the core can then be dropped. */
  stop(): Promise<void>;
}

/**
 * Builds the core from injected services. Runs in plain Node: under Electron, in web mode, in the
 * CLI and in tests. Never imports `electron`.
 */
export function createCore(deps: CoreDeps): Core {
  const { settings, clock, logger } = deps;
  const hub = createEventHub((error) => logger.error('event listener failed', { error: String(error) }));
  const notices = createNoticeBoard((list) => hub.emit('notices:changed', list));
  for (const problem of settings.problems) {
    notices.add({ level: 'warning', message: problem.message, timeMs: clock.now() });
    logger.warn('settings store problem', { message: problem.message });
  }

  // A full disk is a state: one notice while recording is paused, gone once a write succeeds again.
  let diskNotice: string | undefined;
  const disk = createDiskWatch(logger, deps.app.dataDir, (full) => {
    if (full) diskNotice = notices.add({ level: 'warning', message: diskFullNotice, timeMs: clock.now() }).id;
    else if (diskNotice !== undefined) notices.dismiss(diskNotice);
  });
  const pruneRecordingsNow = (): void => {
    const removed = pruneRecordings(deps.app.dataDir, retentionOf(settings.get()), clock.now());
    if (removed.length > 0) logger.info('old recordings removed', { files: removed.length });
  };

  // Built in dependency order: the markets, the positions' cluster models, the alerts (on the
  // markets' mark ticks), and last the accounts, whose sources the markets read (asked lazily, once
  // a market opens). A market is (venue, source, symbol): each account's own source, never mixed.
  const { exchange } = deps;
  const markets = createMarketService({
    createGateway: exchange.createGateway,
    resolveSource: (market) => chooseAccess(market.source, accounts.connectionsOf(market)),
    recorderFor: (source) => createRecorder(deps.app.dataDir, source, disk),
    clock,
    logger,
    onUpdate: (update) => hub.emit('market:update', update),
  });
  // The warning signs beside the map, read from the same sources as the markets.
  const context = createContextService({
    createGateway: exchange.createGateway,
    resolveSource: (market) => chooseAccess(market.source, accounts.connectionsOf(market)),
    clock,
    logger,
  });
  // Every position's market keeps its cluster model running, so each row shows its nearest cluster.
  // The charted coin across venues: holds the other venues' markets while the chart shows it.
  const aggregates = createAggregateService(markets);
  const positionMarkets = createPositionMarkets(markets, (entry) => hub.emit('positions:changed', entry));
  // Every alert notification goes to the host's notifier and, queued, to each channel that is on.
  const channels = createChannelsService({
    dataDir: deps.app.dataDir,
    secrets: deps.secrets,
    logger,
    onChanged: (view) => hub.emit('channels:changed', view),
    onProblem: (message) => notices.add({ level: 'warning', message, timeMs: clock.now() }),
  });
  const alerts = createAlertsService({
    dataDir: deps.app.dataDir,
    clock,
    logger,
    notifier: {
      notify: (notification) => {
        deps.notifier.notify(notification);
        channels.deliver(notification);
      },
    },
    onEvent: (event, timing) => {
      hub.emit('alerts:event', event);
      deps.onAlertTiming?.(timing);
    },
    onChanged: (view) => hub.emit('alerts:changed', view),
    onProblem: (message) => notices.add({ level: 'warning', message, timeMs: clock.now() }),
    disk,
    marketContext: (market) => markets.context(market),
    // Called only once accounts report positions, so after `accounts` below exists.
    accountLabel: (accountId) => accounts.label(accountId),
    // Alerts evaluate on the ticks of the markets' own streams: one stream per market, not two.
    subscribeMarks: (market, onTick) => markets.watch(market, { onTick }),
    // Called only once accounts report positions, so after `accounts` below exists.
    forceCloses: (accountId, sinceMs) => accounts.forceCloses(accountId, sinceMs),
  });
  // Markets read each source where the accounts on it point (the Demo: the in-process simulator).
  const accounts = createAccountsService({
    ...exchange,
    dataDir: deps.app.dataDir,
    secrets: deps.secrets,
    clock,
    logger,
    onAccountsChanged: (list) => hub.emit('accounts:changed', list),
    onPositionsChanged: (positions, source) => {
      const decorated = positionMarkets.update(positions);
      hub.emit('positions:changed', decorated);
      alerts.onPositions(decorated, source);
    },
    onProblem: (message) => notices.add({ level: 'warning', message, timeMs: clock.now() }),
    // Read fast while the live marks put a position near its warning levels (poll-cadence.ts).
    urgent: (accountId) => alerts.nearWarning(accountId),
  });

  let started: Promise<void> | undefined;
  const startedAtMs = clock.now();
  let seq = 0;
  let stopHeartbeat: (() => void) | undefined;
  let stopPruning: (() => void) | undefined;
  const beat = (): void => {
    seq += 1;
    const coreTimeMs = clock.now();
    hub.emit('core:heartbeat', { seq, coreTimeMs, uptimeMs: coreTimeMs - startedAtMs });
  };
  const startHeartbeat = (): void => {
    stopHeartbeat?.();
    stopHeartbeat = clock.every(settings.get().heartbeatMs, beat);
  };

  const handlers: RequestHandlers = {
    'app:info': async () => ({
      ...deps.app,
      notices: notices.list(),
      firstStart: welcomeDue(settings.firstStart, settings.get(), accounts.kinds()),
      keyStorage: deps.secrets.persistent ? 'keychain' : 'memory',
    }),
    'settings:get': async () => settings.get(),
    'settings:update': async ({ patch }) => {
      const before = settings.get();
      const next = settings.update(patch);
      if (stopHeartbeat && next.heartbeatMs !== before.heartbeatMs) startHeartbeat();
      const retentionChanged =
        next.recordingRetentionDays !== before.recordingRetentionDays ||
        next.recordingRetentionMb !== before.recordingRetentionMb;
      if (stopPruning && retentionChanged) pruneRecordingsNow();
      hub.emit('settings:changed', next);
      return next;
    },
    'notices:dismiss': async ({ id }) => notices.dismiss(id),
    'accounts:list': async () => accounts.list(),
    'accounts:add': async ({ account }) => accounts.add(account),
    'accounts:remove': async ({ accountId }) => {
      const remaining = await accounts.remove(accountId);
      alerts.onAccountRemoved(accountId);
      positionMarkets.remove(accountId);
      return remaining;
    },
    'accounts:set-key': async (key) => accounts.setKey(key),
    'positions:list': async () => accounts.positions().map((entry) => positionMarkets.decorate(entry)),
    'market:open': async ({ market, timeframe }) => {
      // A venue's base URL comes from the accounts on it, known once they are opened.
      await started?.catch(() => undefined);
      return markets.open(market, timeframe);
    },
    'market:close': async ({ market }) => {
      aggregates.release(market);
      await markets.close(market);
      return null;
    },
    'context:get': async ({ market }) => {
      await started?.catch(() => undefined);
      return context.get(market);
    },
    'map:aggregate': async ({ market }) => {
      await started?.catch(() => undefined);
      return aggregates.get(market);
    },
    'demo:get': async () => demoControlView(accounts.demoControl()),
    'demo:set': async ({ change }) => demoControlView(accounts.demoControl(), change),
    'alerts:list': async () => alerts.view(),
    'alerts:config-get': async () => alerts.config(),
    'alerts:config-set': async ({ config }) => alerts.setConfig(config),
    'alerts:snooze': async ({ position, untilMs }) => alerts.snooze(position, untilMs),
    'alerts:acknowledge': async ({ position }) => alerts.acknowledge(position),
    'alerts:test': async () => {
      const host = notifyHost(deps.notifier, testNotification);
      await channels.start();
      return { outcomes: [host, ...(await channels.test(testNotification))] };
    },
    'channels:list': async () => {
      await channels.start();
      return channels.view();
    },
    'channels:set': async ({ channel }) => {
      await channels.start();
      return channels.set(channel);
    },
    'channels:remove': async ({ kind }) => {
      await channels.start();
      return channels.remove(kind);
    },
  };

  return {
    handlers,
    on: (event, listener) => hub.on(event, listener),
    focusPosition: (target) => hub.emit('alerts:focus', target),
    settled: () => markets.settled(),
    start() {
      started ??= (async () => {
        startHeartbeat();
        beat();
        pruneRecordingsNow();
        stopPruning = clock.every(3_600_000, pruneRecordingsNow);
        await channels.start();
        await accounts.start();
      })();
      return started;
    },
    async stop() {
      stopHeartbeat?.();
      stopHeartbeat = undefined;
      stopPruning?.();
      stopPruning = undefined;
      await started?.catch(() => undefined);
      positionMarkets.stop();
      aggregates.stop();
      await markets.stop();
      await context.stop();
      await accounts.stop();
      await alerts.stop();
      await channels.stop(deps.channelsDrainMs ?? 3000);
    },
  };
}
