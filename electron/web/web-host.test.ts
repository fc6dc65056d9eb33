import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSilentLogger } from '../core/logger';
import { connectContractClient } from '../cli/bench/contract-client';
import { useTempDirs } from '../../test/support/temp-dir';
import { createTestCore } from '../../test/support/test-core';
import { startWebHost, type WebHost } from './web-host';

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Tries to open the contract socket; resolves with the refusal (status and body) or 'open'. */
function tryConnect(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string } | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.on('error', (error) => {
      if (!String(error).includes('Unexpected server response')) reject(error);
    });
  });
}

describe('web host', () => {
  const tempDir = useTempDirs();
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  async function start(): Promise<{ host: WebHost; origin: string }> {
    const dir = tempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>LiqLens</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    const { core } = createTestCore(dir);
    await core.start();
    host = await startWebHost({ core, logger: createSilentLogger(), staticDir });
    return { host, origin: `http://127.0.0.1:${host.port}` };
  }

  it('serves the renderer with a CSP on 127.0.0.1 only, and nothing outside its folder', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const page = await httpGet(host.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<title>LiqLens</title>');
    expect((await httpGet(host.port, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await httpGet(host.port, '/../secret.txt')).status).toBe(404);
    expect((await httpGet(host.port, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await httpGet(host.port, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { host } = await start();
    const answer = await httpGet(host.port, '/', { Host: `evil.example:${host.port}` });
    expect(answer.status).toBe(403);
    const socket = await tryConnect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
      Host: `evil.example:${host.port}`,
    });
    expect(socket).toMatchObject({ status: 403 });
  });

  it('refuses a socket without the token, with a wrong token, or from a foreign origin', async () => {
    const { host, origin } = await start();
    const base = `ws://127.0.0.1:${host.port}/ws`;
    expect(await tryConnect(base, { Origin: origin })).toEqual({
      status: 401,
      body: expect.stringMatching(/token is required/) as unknown,
    });
    expect(await tryConnect(`${base}?token=${'0'.repeat(64)}`, { Origin: origin })).toEqual({
      status: 401,
      body: expect.stringMatching(/token is wrong/) as unknown,
    });
    expect(await tryConnect(`${base}?token=${host.token}`, { Origin: 'http://evil.example' })).toEqual({
      status: 403,
      body: expect.stringMatching(/Origin/) as unknown,
    });
    expect(
      await tryConnect(`${base}?token=${host.token}`, { Origin: `http://127.0.0.1:${host.port + 1}` }),
    ).toMatchObject({ status: 403 });
    expect(await tryConnect(`ws://127.0.0.1:${host.port}/other?token=${host.token}`)).toMatchObject({ status: 403 });
    expect(await tryConnect(`${base}?token=${host.token}`, { Origin: origin })).toBe('open');
    expect(await tryConnect(`${base}?token=${host.token}`)).toBe('open');
  });

  it('answers bad frames with clear errors and keeps serving', async () => {
    const { host } = await start();
    const client = await connectContractClient(host.port, host.token);
    expect(await client.sendRaw('{not json')).toEqual({
      type: 'error',
      error: { code: 'malformed-message', message: 'The message is not valid JSON.' },
    });
    expect(await client.sendRaw('[]')).toMatchObject({ type: 'error', error: { code: 'malformed-message' } });
    expect(await client.sendRaw(JSON.stringify({ type: 'request', id: 7, payload: {} }))).toMatchObject({
      type: 'response',
      id: 7,
      ok: false,
      error: { code: 'malformed-message' },
    });
    expect(
      await client.sendRaw(JSON.stringify({ type: 'request', id: 8, channel: 'keys:steal', payload: {} })),
    ).toEqual({
      type: 'response',
      id: 8,
      ok: false,
      error: { code: 'unknown-channel', message: 'Unknown channel "keys:steal".' },
    });
    expect(
      await client.sendRaw(
        JSON.stringify({
          type: 'request',
          id: 9,
          channel: 'settings:update',
          payload: { patch: { heartbeatMs: 'fast' } },
        }),
      ),
    ).toMatchObject({
      type: 'response',
      id: 9,
      ok: false,
      error: {
        code: 'invalid-payload',
        message: expect.stringMatching(/^settings:update: patch\.heartbeatMs: /) as unknown,
      },
    });
    expect(
      await client.sendRaw(
        JSON.stringify({ type: 'request', id: 10, channel: 'settings:update', payload: { patch: { colour: 'red' } } }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(
      await client.sendRaw(
        JSON.stringify({
          type: 'request',
          id: 11,
          channel: 'settings:update',
          payload: { patch: { heartbeatMs: 100_000 } },
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('heartbeatMs') as unknown },
    });
    const info = await client.request('app:info', {});
    expect(info.mode).toBe('web');
    expect((await client.request('settings:get', {})).heartbeatMs).toBe(1000);
    await client.close();
  });

  it('closes a connection that sends an oversized frame and still accepts new ones', async () => {
    const { host, origin } = await start();
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin });
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const client = await connectContractClient(host.port, host.token);
    expect((await client.request('app:info', {})).name).toBe('LiqLens');
    await client.close();
  });

  it('pushes core events to every connected client and forgets closed ones', async () => {
    const { host, origin } = await start();
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin });
    const event = new Promise<unknown>((resolve) =>
      socket.on('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const client = await connectContractClient(host.port, host.token);
    await client.request('settings:update', { patch: { theme: 'light' } });
    expect(await event).toEqual({
      type: 'event',
      event: 'settings:changed',
      payload: { theme: 'light', heartbeatMs: 1000 },
    });
    expect(host.connectionCount()).toBe(2);
    socket.close();
    await client.close();
    await expect.poll(() => host?.connectionCount()).toBe(0);
  });
});
