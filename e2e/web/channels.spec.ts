import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  startDiscordStandIn,
  startNtfyStandIn,
  startTelegramStandIn,
  startWebhookStandIn,
  type Received,
  type StandIn,
} from '../../test/support/channel-stand-ins';
import { expect, startWebApp, test } from '../fixtures';
import { AppPage } from '../pages/app-page';

const botToken = '7000000001:AAH-e2e-bot-token-77ab';
const discordToken = 'discord-e2e-webhook-token-c0de';
const ntfyToken = 'tk_e2e_ntfy_token_9f31';
const hookSecret = 'e2e-hook-secret-5e11';
const secrets = [botToken, discordToken, ntfyToken, hookSecret];

/** Where pictures go: the test's own output, and docs/screenshots when the README's are asked for. */
async function picture(page: Page, name: string, locator?: ReturnType<Page['locator']>): Promise<void> {
  const paths = [test.info().outputPath(name)];
  if (process.env['LIQLENS_README_SCREENSHOTS'] === '1') {
    mkdirSync(join('docs', 'screenshots'), { recursive: true });
    paths.push(join('docs', 'screenshots', name));
  }
  for (const path of paths) await (locator ?? page).screenshot({ path });
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A page showing what a stand-in received, drawn the way its service shows a message (no path, no token). */
function receivedPage(service: string, received: Received, view: string): string {
  return `<!doctype html><meta charset="utf-8"><style>
    body{font:14px system-ui,sans-serif;background:#1e1f22;color:#e3e5e8;margin:0;padding:24px;width:560px}
    h1{font-size:13px;color:#949ba4;font-weight:500;margin:0 0 12px}
    .card{background:#2b2d31;border-radius:8px;padding:14px 16px}
    pre{white-space:pre-wrap;word-break:break-word;margin:0;font:12px ui-monospace,monospace;color:#b5bac1}
    .embed{border-left:4px solid var(--c);background:#232428;padding:10px 12px;border-radius:4px;margin-top:8px}
    .bubble{background:#2b5278;border-radius:12px;padding:10px 14px;white-space:pre-wrap;display:inline-block}
    .meta{color:#949ba4;font-size:12px;margin-top:10px}
  </style><h1>${escape(service)} stand-in on 127.0.0.1 received</h1><div class="card">${view}
  <div class="meta">${escape(received.headers['content-type']?.toString() ?? '')}</div></div>`;
}

/** A received JSON field as text (absent: empty). */
const field = (r: Received, key: string): string => {
  const value = r.json?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const views = {
  telegram: (r: Received) =>
    `<div class="bubble">${escape(field(r, 'text'))}</div><pre class="meta">chat_id ${escape(field(r, 'chat_id'))} · sendMessage</pre>`,
  discord: (r: Received) => {
    const embed = (r.json?.['embeds'] as { title?: string; description?: string; color?: number }[] | undefined)?.[0];
    const colour = `#${(embed?.color ?? 0).toString(16).padStart(6, '0')}`;
    return `<b>LiqLens</b> <span class="meta">APP</span><div>${escape(field(r, 'content'))}</div>
      <div class="embed" style="--c:${colour}"><b>${escape(embed?.title ?? '')}</b><div>${escape(embed?.description ?? '')}</div></div>`;
  },
  ntfy: (r: Received) =>
    `<b>${escape(String(r.headers['title'] ?? ''))}</b><div>${escape(r.body)}</div>
     <pre class="meta">Priority ${escape(String(r.headers['priority']))} · Tags ${escape(String(r.headers['tags']))} · Authorization Bearer ••••</pre>`,
  webhook: (r: Received) => `<pre>${escape(JSON.stringify(r.json, null, 2))}</pre>`,
} as const;

/**
 * Opens the app at `url` with Telegram set up against a local stand-in that knows another bot token,
 * so every delivery is refused with 401 (a final answer, no retry to wait out). The stand-in is returned.
 */
async function openWithRefusedTelegram(page: Page, url: string): Promise<StandIn> {
  const telegram = await startTelegramStandIn(botToken, '123456789');
  await new AppPage(page).open(url);
  await page.locator('summary', { hasText: 'Alert settings' }).click();
  const form = page.getByTestId('channel-telegram');
  await form.getByRole('checkbox', { name: 'Send alerts here' }).check();
  await page.getByTestId('channel-telegram-chat').fill('123456789');
  await page.getByTestId('channel-telegram-server').fill(telegram.url);
  await page.getByTestId('channel-telegram-secret').fill('7000000001:AAH-not-this-bot-0000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('channel-telegram-status')).toHaveText(/^configured ••••0000/);
  return telegram;
}

test.describe('web mode: notification channels', () => {
  const standIns: StandIn[] = [];
  test.afterEach(async () => {
    for (const standIn of standIns.splice(0)) await standIn.stop();
  });

  test('the test button proves each channel: toast, browser, and every configured service, secrets never sent back', async ({
    page,
    context,
    webApp,
  }) => {
    // The Demo's first start, four channels typed in and four pictures: long on a busy 2-core machine.
    test.setTimeout(300_000);
    const telegram = await startTelegramStandIn(botToken, '123456789');
    const discord = await startDiscordStandIn('1180000000000000001', discordToken);
    const ntfy = await startNtfyStandIn('liqlens-alerts', ntfyToken);
    const webhook = await startWebhookStandIn(hookSecret);
    standIns.push(telegram, discord, ntfy, webhook);
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
    await context.grantPermissions(['notifications'], { origin: new URL(webApp.url).origin });

    const app = new AppPage(page);
    await app.open(webApp.url);
    await page.locator('summary', { hasText: 'Alert settings' }).click();
    const settings = page.getByTestId('channel-settings');
    await expect(settings).toBeVisible();

    const form = (kind: string) => settings.getByTestId(`channel-${kind}`);
    await form('telegram').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page.getByTestId('channel-telegram-chat').fill('123456789');
    await page.getByTestId('channel-telegram-server').fill(telegram.url);
    await page.getByTestId('channel-telegram-secret').fill(botToken);
    await form('telegram').getByRole('button', { name: 'Save' }).click();
    await form('discord').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page
      .getByTestId('channel-discord-secret')
      .fill(`${discord.url}/api/webhooks/1180000000000000001/${discordToken}`);
    await form('discord').getByRole('button', { name: 'Save' }).click();
    await form('ntfy').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page.getByTestId('channel-ntfy-server').fill(ntfy.url);
    await page.getByTestId('channel-ntfy-topic').fill('liqlens-alerts');
    await page.getByTestId('channel-ntfy-secret').fill(ntfyToken);
    await form('ntfy').getByRole('button', { name: 'Save' }).click();
    await form('webhook').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page.getByTestId('channel-webhook-secret').fill(`${webhook.url}/hook/${hookSecret}`);
    await form('webhook').getByRole('button', { name: 'Save' }).click();
    // Saved secrets come back as their last four characters only.
    // (The Demo's own alerts may already be on their way: the status can say so after the hint.)
    await expect(page.getByTestId('channel-telegram-status')).toHaveText(/^configured ••••77ab/);
    await expect(page.getByTestId('channel-webhook-status')).toHaveText(/^configured ••••5e11/);

    // The toast shows for a few seconds: watched from before the click, so a slow look at the
    // results first cannot miss it.
    const toastShown = page.getByTestId('note-toast').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('test-notification').click();
    const results = page.getByTestId('test-results');
    await expect(results.locator('[data-channel="toast"]')).toHaveText('toast: shown');
    await toastShown;
    await expect(results.locator('[data-channel="browser"]')).toHaveText('browser: shown');
    for (const name of ['Telegram', 'Discord', 'ntfy', 'Webhook'])
      await expect(results.locator(`[data-channel="${name}"]`)).toHaveText(`${name}: delivered`);
    for (const kind of ['telegram', 'discord', 'ntfy', 'webhook'])
      await expect(page.getByTestId(`channel-${kind}-status`)).toContainText('· delivered');

    for (const secret of secrets) expect(frames.join('\n')).not.toContain(secret);
    // The pictures: the test's answer, and the channels section with each one's status. A tall
    // window gives the alerts panel room for the whole section; the Demo's alert toasts, which keep
    // coming, are hidden so they do not cover it.
    await expect(page.getByTestId('note-toast')).toBeHidden();
    await page.evaluate(() => {
      const toasts = document.querySelector<HTMLElement>('.toasts');
      if (toasts) toasts.style.visibility = 'hidden';
    });
    await picture(page, 'channels-test.png', results);
    await page.setViewportSize({ width: 1440, height: 2400 });
    await settings.scrollIntoViewIfNeeded();
    await picture(page, 'channels-settings.png', settings);

    const pictures = [
      ['telegram', 'Telegram Bot API', telegram],
      ['discord', 'Discord webhook', discord],
      ['ntfy', 'ntfy', ntfy],
      ['webhook', 'Webhook', webhook],
    ] as const;
    // A blank page of its own: the app's page keeps its CSP, which (rightly) refuses inline styles.
    const sheet = await context.newPage();
    for (const [kind, service, standIn] of pictures) {
      const received = standIn.received[0];
      expect(received, `${service} received the test`).toBeDefined();
      if (!received) continue;
      const html = receivedPage(service, received, views[kind](received));
      for (const secret of secrets) expect(html).not.toContain(secret);
      await sheet.setContent(html);
      await picture(sheet, `channels-${kind}.png`, sheet.locator('body'));
    }
  });

  test('a delivery the service refuses shows its failure line on the alert in the history', async ({
    page,
    webApp,
  }) => {
    test.setTimeout(300_000);
    const telegram = await openWithRefusedTelegram(page, webApp.url);
    standIns.push(telegram);

    // Margin-ratio levels every Demo position is past: alerts fire now, each one sent to Telegram.
    await page.getByTestId('alert-marginRatio-warning').fill('0.5');
    await page.getByTestId('alert-marginRatio-danger').fill('0.75');
    await page.getByTestId('alert-marginRatio-critical').fill('1');
    await page.getByTestId('alert-settings-save').click();
    await expect(page.getByTestId('alert-settings-status')).toHaveText('Saved.');

    // The alert stays in the history, and the line under it says where it did not arrive, and why.
    const failed = page
      .getByTestId('alert-history-item')
      .filter({ has: page.getByTestId('alert-delivery-failure') })
      .first();
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(failed.getByTestId('alert-delivery-failure')).toHaveText('Telegram: failed: 401 Unauthorized');
    expect(telegram.answers).toContain(401);
    expect(telegram.received).toHaveLength(0);
  });

  test('after a restart in web mode a channel whose secret is gone reads "Secret needed", sends nothing, and takes its secret again or is removed', async ({
    page,
    webApp,
  }) => {
    // Two starts of LiqLens with the Demo (the first one its first start): long on a busy 2-core machine.
    test.setTimeout(600_000);
    const telegram = await startTelegramStandIn(botToken, '123456789');
    const webhook = await startWebhookStandIn(hookSecret);
    standIns.push(telegram, webhook);
    const app = new AppPage(page);
    await app.open(webApp.url);
    await page.locator('summary', { hasText: 'Alert settings' }).click();
    // Said where the secrets go before any is typed: web mode's memory, not a keychain.
    const storage = page.getByTestId('channel-secret-storage');
    await expect(storage).toContainText('Web mode keeps their secrets (bot tokens, webhook URLs) in memory only');
    await expect(storage).not.toContainText('keychain');
    const form = (kind: string) => page.getByTestId(`channel-${kind}`);
    await form('telegram').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page.getByTestId('channel-telegram-chat').fill('123456789');
    await page.getByTestId('channel-telegram-server').fill(telegram.url);
    await page.getByTestId('channel-telegram-secret').fill(botToken);
    await form('telegram').getByRole('button', { name: 'Save' }).click();
    await form('webhook').getByRole('checkbox', { name: 'Send alerts here' }).check();
    await page.getByTestId('channel-webhook-secret').fill(`${webhook.url}/hook/${hookSecret}`);
    await form('webhook').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('channel-telegram-status')).toHaveText(/^configured ••••77ab/);
    await expect(page.getByTestId('channel-webhook-status')).toHaveText(/^configured ••••5e11/);

    // LiqLens restarts on the same data folder: the channels are still listed, their secrets are not.
    await webApp.stop();
    const sentBefore = [telegram.answers.length, webhook.answers.length];
    const again = await startWebApp(webApp.dataDir);
    try {
      await app.open(again.url);
      await page.locator('summary', { hasText: 'Alert settings' }).click();
      await expect(page.getByTestId('channel-telegram-status')).toHaveText(/^Secret needed/);
      await expect(page.getByTestId('channel-webhook-status')).toHaveText(/^Secret needed/);
      await expect(form('telegram').getByRole('checkbox', { name: 'Send alerts here' })).toBeChecked();

      // Nothing goes out on them, and the test says why.
      await page.getByTestId('test-notification').click();
      const results = page.getByTestId('test-results');
      await expect(results.locator('[data-channel="Telegram"]')).toHaveText(
        'Telegram: not sent: web mode kept its bot token in memory only, and LiqLens has restarted since; give it again or remove the channel',
      );
      await expect(results.locator('[data-channel="Webhook"]')).toContainText(
        'Webhook: not sent: web mode kept its URL',
      );
      await expect(page.getByTestId('channel-telegram-status')).toContainText('Secret needed · not sent: web mode');
      expect([telegram.answers.length, webhook.answers.length]).toEqual(sentBefore);

      // Given again, Telegram delivers; the webhook is removed instead.
      await page.getByTestId('channel-telegram-secret').fill(botToken);
      await form('telegram').getByRole('button', { name: 'Save' }).click();
      await expect(page.getByTestId('channel-telegram-status')).toHaveText(/^configured ••••77ab/);
      await form('webhook').getByRole('button', { name: 'Remove' }).click();
      await expect(page.getByTestId('channel-webhook-status')).toHaveText('not set');
      await page.getByTestId('test-notification').click();
      await expect(results.locator('[data-channel="Telegram"]')).toHaveText('Telegram: delivered');
      await expect(results.locator('[data-channel="Webhook"]')).toHaveCount(0);
      expect(webhook.answers.length).toBe(sentBefore[1]);
    } finally {
      await again.stop();
    }
  });

  test("without permission the browser line offers to allow it, and a refused channel shows the service's reason", async ({
    page,
    webApp,
  }) => {
    const telegram = await openWithRefusedTelegram(page, webApp.url);
    standIns.push(telegram);
    await page.getByTestId('test-notification').click();
    const results = page.getByTestId('test-results');
    await expect(results.locator('[data-channel="browser"]')).toContainText('browser: permission not granted');
    await expect(results.locator('[data-channel="browser"]').getByRole('button', { name: 'Allow' })).toBeVisible();
    await expect(results.locator('[data-channel="Telegram"]')).toHaveText('Telegram: failed: 401 Unauthorized');
    await expect(page.getByTestId('channel-telegram-status')).toHaveText(
      'configured ••••0000 · failed: 401 Unauthorized',
    );
  });
});
