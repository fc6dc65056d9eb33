import {
  channelKinds,
  type ChannelKind,
  type ChannelSetup,
  type ChannelsView,
  type DeliveryFailure,
  type DeliveryStatus,
  type TestOutcome,
} from '../../../shared/ipc/views/channels';
import { channelNames } from '../../../shared/ipc/views/channels';
import type { Logger, NotificationRequest, SecretStore } from '../ports';
import { channelRequest, type ChannelMessage } from './channel-requests';
import {
  channelsFilePath,
  readSavedChannels,
  secretHint,
  secretKeyOf,
  secretNames,
  secretOptional,
  splitSetup,
  writeSavedChannels,
  type SavedChannels,
} from './channel-store';
import {
  createDeliveryQueue,
  realQueueTimer,
  type DeliveryQueue,
  type QueuePolicy,
  type QueueTimer,
} from './delivery-queue';
import { postChannelRequest, type Attempt } from './http-post';

/** Each service's pace (docs/research/notification-channels.md §3.2, §4.2, §5.2) and LiqLens's patience (§1). */
const policies: Record<ChannelKind, QueuePolicy> = {
  telegram: { minIntervalMs: 1000, maxQueued: 20, maxAttempts: 4, backoffMs: 1000 },
  discord: { minIntervalMs: 500, maxQueued: 20, maxAttempts: 4, backoffMs: 1000 },
  ntfy: { minIntervalMs: 1000, maxQueued: 20, maxAttempts: 4, backoffMs: 1000 },
  webhook: { minIntervalMs: 200, maxQueued: 20, maxAttempts: 4, backoffMs: 1000 },
};
const failuresKept = 100;

/** Everything the channels need. */
export interface ChannelsServiceDeps {
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly logger: Logger;
  readonly onChanged: (view: ChannelsView) => void;
  /** A problem to tell the user once (a damaged channels file was set aside). */
  readonly onProblem?: (message: string) => void;
  /** Time for the queues' pace and backoff; tests pass one that records the waits. */
  readonly timer?: QueueTimer;
}

/** A notification as the channels take it: the desktop request, and the alert event it is for. */
export interface ChannelNotification extends NotificationRequest {
  readonly eventId?: string;
}

/** The configured channels: delivery, the test, the settings. */
export interface ChannelsService {
  /** Reads which secrets are stored; idempotent, and awaited by every request that reads them. */
  start(): Promise<void>;
  /** Queues a notification on every channel that is on; returns at once (never blocks the engine). */
  deliver(notification: ChannelNotification): void;
  /** Sends `notification` on every channel that is on and waits for each one's final outcome. */
  test(notification: NotificationRequest): Promise<TestOutcome[]>;
  view(): ChannelsView;
  /** Saves a channel; a secret given replaces the stored one. Throws a user-facing message when one is missing. */
  set(setup: ChannelSetup): Promise<ChannelsView>;
  /** Forgets a channel and its secret. */
  remove(kind: ChannelKind): Promise<ChannelsView>;
  /** Gives queued deliveries up to `withinMs` to finish, then drops what is left. */
  stop(withinMs?: number): Promise<void>;
}

/**
 * Creates the channels: per channel a bounded, rate-limited queue with retries (`delivery-queue.ts`),
 * the requests each service documents (`channel-requests.ts`), settings in `alerts/channels.json`
 * and secrets in the secret store, never in a view, a log line or an error message.
 */
export function createChannelsService(deps: ChannelsServiceDeps): ChannelsService {
  const timer = deps.timer ?? realQueueTimer;
  const filePath = channelsFilePath(deps.dataDir);
  const read = readSavedChannels(filePath, timer.now());
  if (read.problem) deps.onProblem?.(read.problem.message);
  let saved: SavedChannels = read.value;
  const hints = new Map<ChannelKind, string>();
  const statuses = new Map<ChannelKind, DeliveryStatus>();
  let failures: DeliveryFailure[] = [];
  let started: Promise<void> | undefined;
  const emit = (): void => deps.onChanged(view());
  const queues = new Map<ChannelKind, DeliveryQueue>(
    channelKinds.map((kind) => [
      kind,
      createDeliveryQueue(policies[kind], timer, (status) => {
        statuses.set(kind, status);
        if (status.state !== 'delivered')
          deps.logger.warn('notification channel', { channel: kind, state: status.state, detail: status.detail });
        emit();
      }),
    ]),
  );

  /** Saved, but its secret is gone (a required one, or an optional one that had been given). */
  const secretNeeded = (kind: ChannelKind): boolean => {
    const entry = saved[kind];
    return entry !== undefined && !hints.has(kind) && (entry.secretSaved === true || !secretOptional(kind));
  };
  const ready = (kind: ChannelKind): boolean => saved[kind]?.enabled === true && !secretNeeded(kind);
  /** On, but nothing can be sent without the secret it was saved with: the reason it is not sent. */
  const missingSecret = (kind: ChannelKind): string | undefined => {
    if (saved[kind]?.enabled !== true || !secretNeeded(kind)) return undefined;
    return deps.secrets.persistent
      ? `not sent: its ${secretNames[kind]} is no longer stored; give it again or remove the channel`
      : `not sent: web mode kept its ${secretNames[kind]} in memory only, and LiqLens has restarted since; give it again or remove the channel`;
  };
  const view = (): ChannelsView => ({
    secretStorage: deps.secrets.persistent ? 'keychain' : 'memory',
    channels: channelKinds.map((kind) => ({
      kind,
      enabled: saved[kind]?.enabled ?? false,
      configured: saved[kind] !== undefined && !secretNeeded(kind) && (hints.has(kind) || secretOptional(kind)),
      secretHint: hints.get(kind) ?? null,
      secretNeeded: secretNeeded(kind),
      fields: saved[kind]?.fields ?? {},
      status: statuses.get(kind) ?? null,
      queued: queues.get(kind)?.size() ?? 0,
    })),
    failures,
  });

  /** One attempt on a channel; the secret is read at send time and scrubbed from whatever comes back. */
  const sendOn =
    (kind: ChannelKind, message: ChannelMessage) =>
    async (signal: AbortSignal): Promise<Attempt> => {
      const secret = (await deps.secrets.get(secretKeyOf(kind)).catch(() => undefined)) ?? '';
      const fields = saved[kind]?.fields ?? {};
      const attempt = await postChannelRequest(channelRequest(kind, fields, secret, message), signal);
      if (attempt.ok || secret === '') return attempt;
      return { ...attempt, detail: attempt.detail.replaceAll(secret, '••••') };
    };
  /** A failed delivery tied to its alert event, for the alert history. */
  const recordFailure = (eventId: string | undefined, kind: ChannelKind, detail: string): void => {
    if (eventId === undefined) return;
    failures = [{ eventId, kind, detail, atMs: timer.now() }, ...failures].slice(0, failuresKept);
  };
  /** A channel on without its secret sends nothing and says why, on itself and on the alert. */
  const refuse = (kind: ChannelKind, reason: string, eventId: string | undefined): void => {
    statuses.set(kind, { state: 'failed', detail: reason, atMs: timer.now() });
    recordFailure(eventId, kind, reason);
  };
  /** `priority`: the queue's order (the test, which someone watches, goes first); the level stays the message's. */
  const enqueue = (kind: ChannelKind, notification: NotificationRequest, priority = notification.level) =>
    queues.get(kind)?.enqueue(priority, sendOn(kind, { ...notification, timeMs: timer.now() }));

  return {
    start() {
      started ??= (async () => {
        for (const kind of channelKinds) {
          const secret = await deps.secrets.get(secretKeyOf(kind)).catch(() => undefined);
          if (secret) hints.set(kind, secretHint(secret));
        }
      })();
      return started;
    },
    deliver(notification) {
      let refused = false;
      for (const kind of channelKinds) {
        const missing = missingSecret(kind);
        if (missing !== undefined) {
          refuse(kind, missing, notification.eventId);
          refused = true;
        }
        if (!ready(kind)) continue;
        void enqueue(kind, notification)?.then((outcome) => {
          if (outcome.state === 'delivered' || notification.eventId === undefined) return;
          recordFailure(notification.eventId, kind, outcome.detail);
          emit();
        });
      }
      if (refused) emit();
    },
    async test(notification) {
      const outcomes = channelKinds.map(async (kind): Promise<TestOutcome | undefined> => {
        const missing = missingSecret(kind);
        if (missing !== undefined) {
          refuse(kind, missing, undefined);
          emit();
          return { channel: kind, ok: false, detail: missing };
        }
        if (!ready(kind)) return undefined;
        const outcome = await enqueue(kind, notification, 'critical');
        return { channel: kind, ok: outcome?.state === 'delivered', detail: outcome?.detail ?? 'not sent' };
      });
      return (await Promise.all(outcomes)).filter((outcome) => outcome !== undefined);
    },
    view,
    async set(setup) {
      const { saved: fields, secret } = splitSetup(setup);
      const kind = setup.kind;
      // Saved with a secret that is gone: it stays "secret needed" until one is given or it is removed.
      const lost = saved[kind]?.secretSaved === true && !hints.has(kind);
      if (fields.enabled && secret === undefined && !hints.has(kind) && (lost || !secretOptional(kind)))
        throw new Error(`${channelNames[kind]} needs its ${secretNames[kind]}${lost ? ' again' : ''}.`);
      if (secret !== undefined) {
        await deps.secrets.set(secretKeyOf(kind), secret);
        hints.set(kind, secretHint(secret));
      }
      const next = { ...fields, ...(hints.has(kind) || lost ? { secretSaved: true } : {}) };
      saved = { ...saved, [kind]: next };
      writeSavedChannels(filePath, saved);
      statuses.delete(kind);
      emit();
      return view();
    },
    async remove(kind) {
      await deps.secrets.delete(secretKeyOf(kind));
      hints.delete(kind);
      const { [kind]: _removed, ...rest } = saved;
      saved = rest;
      writeSavedChannels(filePath, saved);
      statuses.delete(kind);
      emit();
      return view();
    },
    async stop(withinMs = 0) {
      if (withinMs > 0) await Promise.all([...queues.values()].map((queue) => queue.drain(withinMs)));
      for (const queue of queues.values()) queue.stop();
    },
  };
}
