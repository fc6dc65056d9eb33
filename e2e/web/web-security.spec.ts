import { createServer, type Server } from 'node:http';
import { chromium } from '@playwright/test';
import { expect, test } from '../fixtures';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const baseArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves one HTML page on 127.0.0.1 at a port of its own: another origin than LiqLens. */
async function otherOrigin(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe('web mode refuses other pages and clients', () => {
  test('a page on another origin cannot open the contract socket, even holding the token', async ({ page, webApp }) => {
    const app = new URL(webApp.url);
    const socketUrl = `ws://127.0.0.1:${app.port}/ws?token=${app.searchParams.get('token') ?? ''}`;
    const evil = await otherOrigin('<!doctype html><title>elsewhere</title>');
    try {
      await page.goto(evil.url);
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
            setTimeout(() => resolve('timeout'), 5000);
          }),
        socketUrl,
      );
      expect(outcome).toBe('refused');
    } finally {
      await evil.close();
    }
  });

  test('a DNS-rebinding name that resolves to 127.0.0.1 gets no page and no socket', async ({ webApp }) => {
    const app = new URL(webApp.url);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...baseArgs, '--host-resolver-rules=MAP rebind.example 127.0.0.1'],
    });
    try {
      const page = await browser.newPage();
      const response = await page.goto(
        `http://rebind.example:${app.port}/?token=${app.searchParams.get('token') ?? ''}`,
      );
      expect(response?.status()).toBe(403);
      expect(await page.textContent('body')).toContain('only on its loopback address');
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
            setTimeout(() => resolve('timeout'), 5000);
          }),
        `ws://rebind.example:${app.port}/ws?token=${app.searchParams.get('token') ?? ''}`,
      );
      expect(outcome).toBe('refused');
    } finally {
      await browser.close();
    }
  });

  test('a second local client without the token is refused while the first keeps working', async ({ page, webApp }) => {
    const appPage = page;
    await appPage.goto(webApp.url);
    await expect(appPage.locator('[data-app-state="ready"]')).toBeVisible();
    const app = new URL(webApp.url);
    const browser = appPage.context().browser();
    if (!browser) throw new Error('the test needs the browser behind its page');
    const second = await browser.newContext();
    try {
      const stranger = await second.newPage();
      await stranger.goto(`http://127.0.0.1:${app.port}/`);
      await expect(stranger.getByTestId('bridge-problem')).toContainText('without its access token');
      await expect(stranger.locator('[data-app-state="ready"]')).toHaveCount(0);
      await expect(appPage.getByTestId('connection-state')).toHaveText('Connected');
    } finally {
      await second.close();
    }
  });
});
