import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelsView, ChannelSetup } from '../../../shared/ipc/views/channels';
import {
  startDiscordStandIn,
  startNtfyStandIn,
  startTelegramStandIn,
  startWebhookStandIn,
  type StandIn,
} from '../../../test/support/channel-stand-ins';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createMemorySecretStore } from '../secrets/memory-secret-store';
import type { Logger, NotificationRequest } from '../ports';
import { createChannelsService, type ChannelsService } from './channels-service';
import type { QueueTimer } from './delivery-queue';

const tempDir = useTempDirs();
const botToken = '7000000001:AAH-telegram-bot-token-xyz9';
const chatId = '123456789';
const discordToken = 'discord-webhook-token-Zq81';
const ntfyToken = 'tk_ntfyaccesstoken0042';
const hookSecret = 'hook-secret-path-7a3c';

/** A timer whose waits are recorded and pass at once: the pace is checked without waiting for it. */
function recordingTimer(): QueueTimer & { readonly waits: number[] } {
  let nowMs = 1_764_806_400_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => nowMs,
    sleep: async (ms) => {
      waits.push(ms);
      nowMs += ms;
    },
  };
}

const standIns: StandIn[] = [];
const services: ChannelsService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  for (const standIn of standIns.splice(0)) await standIn.stop();
});

async function setUp(setups: (urls: Record<string, string>) => ChannelSetup[]) {
  const telegram = await startTelegramStandIn(botToken, chatId);
  const discord = await startDiscordStandIn('1180000000000000001', discordToken);
  const ntfy = await startNtfyStandIn('liqlens-alerts', ntfyToken);
  const webhook = await startWebhookStandIn(hookSecret);
  standIns.push(telegram, discord, ntfy, webhook);
  const timer = recordingTimer();
  const views: ChannelsView[] = [];
  const logged: unknown[] = [];
  const log = (message: string, fields?: unknown): void => void logged.push([message, fields]);
  const logger: Logger = { info: log, warn: log, error: log };
  const service = createChannelsService({
    dataDir: tempDir(),
    secrets: createMemorySecretStore(),
    logger,
    timer,
    onChanged: (view) => views.push(view),
  });
  services.push(service);
  await service.start();
  const urls = { telegram: telegram.url, discord: discord.url, ntfy: ntfy.url, webhook: webhook.url };
  for (const setup of setups(urls)) await service.set(setup);
  return { service, telegram, discord, ntfy, webhook, timer, views, logged };
}

const allFour = (urls: Record<string, string>): ChannelSetup[] => [
  { kind: 'telegram', enabled: true, chatId, apiBase: urls['telegram'], botToken },
  {
    kind: 'discord',
    enabled: true,
    webhookUrl: `${urls['discord']}/api/webhooks/1180000000000000001/${discordToken}`,
  },
  { kind: 'ntfy', enabled: true, server: urls['ntfy'], topic: 'liqlens-alerts', token: ntfyToken },
  { kind: 'webhook', enabled: true, url: `${urls['webhook']}/hook/${hookSecret}` },
];

const critical: NotificationRequest & { eventId: string } = {
  title: 'Critical: BTC/USDT long',
  body: 'Main Binance · BTC/USDT long is 0.9 % from liquidation (liquidation 61,950).',
  level: 'critical',
  target: { accountId: 'a1', symbol: 'BTC/USDT:USDT', side: 'long' },
  eventId: '1764806400000-1',
};

const statusOf = (view: ChannelsView | undefined, kind: string) =>
  view?.channels.find((channel) => channel.kind === kind)?.status;

describe('notification channels against local stand-ins of each service', () => {
  it("delivers an alert to Telegram, Discord, ntfy and a webhook in each API's own request shape", async () => {
    const { service, telegram, discord, ntfy, webhook } = await setUp(allFour);
    service.deliver(critical);
    const [sent] = await telegram.deliveries(1);
    expect(sent?.json).toMatchObject({ chat_id: chatId, disable_notification: false });
    expect(sent?.json?.['text']).toBe(`${critical.title}\n${critical.body}`);

    const [posted] = await discord.deliveries(1);
    expect(posted?.json).toMatchObject({
      content: critical.title,
      embeds: [{ title: critical.title, description: critical.body, color: 0xef4444 }],
      allowed_mentions: { parse: [] },
    });

    const [pushed] = await ntfy.deliveries(1);
    expect(pushed?.body).toBe(critical.body);
    expect(pushed?.headers).toMatchObject({ title: critical.title, priority: '5', tags: 'rotating_light' });

    const [hooked] = await webhook.deliveries(1);
    expect(hooked?.json).toMatchObject({ source: 'liqlens', title: critical.title, level: 'critical' });
    expect(hooked?.json?.['target']).toEqual(critical.target);

    await expect.poll(() => service.view().channels.map((c) => c.status?.state)).toEqual(Array(4).fill('delivered'));
  });

  it('retries after a 429 (waiting what the service asked) and after a 5xx, then delivers', async () => {
    const { service, telegram, discord, ntfy, timer, views } = await setUp(allFour);
    telegram.force('rate-limited');
    discord.force('rate-limited', 'server-error');
    ntfy.force('server-error');
    service.deliver(critical);
    await Promise.all([telegram.deliveries(1), discord.deliveries(1), ntfy.deliveries(1)]);
    expect(telegram.answers).toEqual([429, 200]);
    expect(discord.answers).toEqual([429, 500, 200]);
    expect(ntfy.answers).toEqual([500, 200]);
    // Telegram said retry_after 1 s; the backoff doubles from 1 s: 1 s after the first failure, 2 s after the second.
    expect(timer.waits).toEqual(expect.arrayContaining([1000, 2000]));
    expect(
      views.some((view) => statusOf(view, 'discord')?.detail === 'retrying in 2 s: 500 500: Internal Server Error'),
    ).toBe(true);
    expect(
      views.some((view) => statusOf(view, 'telegram')?.detail.startsWith('retrying in 1 s: 429 Too Many Requests')),
    ).toBe(true);
    await expect.poll(() => statusOf(service.view(), 'discord')?.state).toBe('delivered');
  });

  it('keeps Telegram to one message a second per chat', async () => {
    const { service, telegram, timer } = await setUp((urls) => allFour(urls).slice(0, 1));
    for (let i = 0; i < 3; i += 1) service.deliver({ ...critical, eventId: `e${i}` });
    await telegram.deliveries(3);
    // The first goes at once; each next one waits out the second since the one before.
    expect(timer.waits).toEqual([1000, 1000]);
  });

  it("shows a refused delivery with the service's reason, on the channel and on the alert, without retrying it", async () => {
    const { service, telegram } = await setUp((urls) => [
      { kind: 'telegram', enabled: true, chatId, apiBase: urls['telegram'], botToken: '7000000001:wrong-token-0000' },
    ]);
    service.deliver(critical);
    await expect.poll(() => statusOf(service.view(), 'telegram')?.state).toBe('failed');
    expect(statusOf(service.view(), 'telegram')?.detail).toBe('failed: 401 Unauthorized');
    expect(telegram.answers).toEqual([401]);
    expect(service.view().failures).toEqual([
      expect.objectContaining({ eventId: critical.eventId, kind: 'telegram', detail: 'failed: 401 Unauthorized' }),
    ]);
  });

  it('says what each channel did with the test notification', async () => {
    const { service } = await setUp((urls) => [
      ...allFour(urls).slice(1),
      { kind: 'telegram', enabled: true, chatId: '999', apiBase: urls['telegram'], botToken },
    ]);
    const outcomes = await service.test({ title: 'LiqLens test notification', body: 'test', level: 'info' });
    expect(outcomes).toEqual([
      { channel: 'telegram', ok: false, detail: 'failed: 400 Bad Request: chat not found' },
      { channel: 'discord', ok: true, detail: 'delivered' },
      { channel: 'ntfy', ok: true, detail: 'delivered' },
      { channel: 'webhook', ok: true, detail: 'delivered' },
    ]);
  });

  it('never puts a secret in a view or a log line; the settings see only its last four characters', async () => {
    const { service, telegram, views, logged } = await setUp(allFour);
    telegram.force('server-error');
    service.deliver(critical);
    await telegram.deliveries(1);
    const seen = JSON.stringify([views, logged, service.view()]);
    for (const secret of [botToken, discordToken, ntfyToken, hookSecret]) expect(seen).not.toContain(secret);
    expect(service.view().channels.map((channel) => channel.secretHint)).toEqual([
      '••••xyz9',
      '••••Zq81',
      '••••0042',
      '••••7a3c',
    ]);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('refuses to turn a channel on without its secret, and forgets the secret when removed', async () => {
    const { service } = await setUp(() => []);
    await expect(service.set({ kind: 'telegram', enabled: true, chatId })).rejects.toThrow(/needs its bot token/);
    await service.set({ kind: 'discord', enabled: true, webhookUrl: 'http://127.0.0.1:9/api/webhooks/1/abcdefgh' });
    const removed = await service.remove('discord');
    expect(removed.channels.find((c) => c.kind === 'discord')).toMatchObject({ configured: false, secretHint: null });
  });
});

describe('channel secrets that are gone after a restart', () => {
  /** A channels service on `dataDir` whose secrets live in `secrets` (memory: web mode's store). */
  async function serviceOn(dataDir: string, secrets = createMemorySecretStore()): Promise<ChannelsService> {
    const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const service = createChannelsService({
      dataDir,
      secrets,
      logger: silent,
      timer: recordingTimer(),
      onChanged: () => undefined,
    });
    services.push(service);
    await service.start();
    return service;
  }
  const channelOf = (view: ChannelsView, kind: string) => view.channels.find((channel) => channel.kind === kind);

  it('lists each as secret needed in web mode, sends nothing on it and says why, and takes its secret again', async () => {
    const telegram = await startTelegramStandIn(botToken, chatId);
    const ntfy = await startNtfyStandIn('liqlens-alerts', ntfyToken);
    standIns.push(telegram, ntfy);
    const dataDir = tempDir();
    const before = await serviceOn(dataDir);
    await before.set({ kind: 'telegram', enabled: true, chatId, apiBase: telegram.url, botToken });
    await before.set({ kind: 'ntfy', enabled: true, server: ntfy.url, topic: 'liqlens-alerts', token: ntfyToken });
    expect(before.view().secretStorage).toBe('memory');
    await before.stop();

    // The host restarts: the settings file is still there, web mode's in-memory secrets are not.
    const after = await serviceOn(dataDir);
    for (const kind of ['telegram', 'ntfy'])
      expect(channelOf(after.view(), kind)).toMatchObject({
        enabled: true,
        configured: false,
        secretNeeded: true,
        secretHint: null,
      });
    // ntfy can run without a token, but this one had one: it must not go out without it.
    after.deliver(critical);
    const reason = /^not sent: web mode kept its (bot|access) token in memory only, and LiqLens has restarted since/;
    for (const kind of ['telegram', 'ntfy']) {
      expect(statusOf(after.view(), kind)?.state).toBe('failed');
      expect(statusOf(after.view(), kind)?.detail).toMatch(reason);
    }
    expect(after.view().failures.map((failure) => [failure.eventId, failure.kind])).toEqual([
      [critical.eventId, 'ntfy'],
      [critical.eventId, 'telegram'],
    ]);
    const tested = await after.test({ title: 'LiqLens test notification', body: 'test', level: 'info' });
    expect(tested.map((outcome) => [outcome.channel, outcome.ok])).toEqual([
      ['telegram', false],
      ['ntfy', false],
    ]);
    await expect(after.set({ kind: 'telegram', enabled: true, chatId, apiBase: telegram.url })).rejects.toThrow(
      'Telegram needs its bot token again.',
    );
    await expect(after.set({ kind: 'ntfy', enabled: true, server: ntfy.url, topic: 'liqlens-alerts' })).rejects.toThrow(
      'ntfy needs its access token again.',
    );

    // Given again, the channel sends; removed, it is gone. Nothing went out before: the first message is this one.
    await after.set({ kind: 'telegram', enabled: true, chatId, apiBase: telegram.url, botToken });
    expect(channelOf(after.view(), 'telegram')).toMatchObject({ configured: true, secretNeeded: false });
    after.deliver({ ...critical, eventId: 'after-the-token' });
    await telegram.deliveries(1);
    expect(telegram.answers).toEqual([200]);
    const removed = await after.remove('ntfy');
    expect(channelOf(removed, 'ntfy')).toMatchObject({ enabled: false, configured: false, secretNeeded: false });
    expect(ntfy.answers).toEqual([]);
  });

  it('says the secret is no longer stored where secrets are meant to last (the keychain)', async () => {
    const dataDir = tempDir();
    const keychain = { ...createMemorySecretStore(), persistent: true };
    const before = await serviceOn(dataDir, keychain);
    await before.set({ kind: 'webhook', enabled: true, url: `http://127.0.0.1:9/hook/${hookSecret}` });
    await keychain.delete('channel:webhook');
    const after = await serviceOn(dataDir, keychain);
    expect(after.view().secretStorage).toBe('keychain');
    after.deliver(critical);
    expect(statusOf(after.view(), 'webhook')?.detail).toBe(
      'not sent: its URL is no longer stored; give it again or remove the channel',
    );
  });
});
