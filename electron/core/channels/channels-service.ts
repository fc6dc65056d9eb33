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

  const ready = (kind: ChannelKind): boolean =>
    saved[kind]?.enabled === true && (hints.has(kind) || secretOptional(kind));
  const view = (): ChannelsView => ({
    channels: channelKinds.map((kind) => ({
      kind,
      enabled: saved[kind]?.enabled ?? false,
      configured: saved[kind] !== undefined && (hints.has(kind) || secretOptional(kind)),
      secretHint: hints.get(kind) ?? null,
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
      for (const kind of channelKinds) {
        if (!ready(kind)) continue;
        void enqueue(kind, notification)?.then((outcome) => {
          if (outcome.state === 'delivered' || notification.eventId === undefined) return;
          failures = [
            { eventId: notification.eventId, kind, detail: outcome.detail, atMs: timer.now() },
            ...failures,
          ].slice(0, failuresKept);
          emit();
        });
      }
    },
    async test(notification) {
      const sent = channelKinds.filter(ready).map(async (kind): Promise<TestOutcome> => {
        const outcome = await enqueue(kind, notification, 'critical');
        return { channel: kind, ok: outcome?.state === 'delivered', detail: outcome?.detail ?? 'not sent' };
      });
      return Promise.all(sent);
    },
    view,
    async set(setup) {
      const { saved: next, secret } = splitSetup(setup);
      const kind = setup.kind;
      if (next.enabled && secret === undefined && !hints.has(kind) && !secretOptional(kind))
        throw new Error(`${channelNames[kind]} needs its ${kind === 'telegram' ? 'bot token' : 'webhook URL'}.`);
      if (secret !== undefined) {
        await deps.secrets.set(secretKeyOf(kind), secret);
        hints.set(kind, secretHint(secret));
      }
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
