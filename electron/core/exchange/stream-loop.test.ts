import { describe, expect, it } from 'vitest';
import type { StreamState } from '../../../shared/domain/stream-state';
import ccxt from 'ccxt';
import { GatewayError, mapCcxtError, parseRetryAfter, redact } from './errors';
import { backoffDelayMs, withRetry } from './retry';
import { runStreamLoop } from './stream-loop';

const map = (error: unknown): GatewayError => mapCcxtError(error, 'binance-usdm', ['key-1234', 'secret-5678']);

describe('runStreamLoop', () => {
  it('reports stale when a live stream goes silent, and live again when data returns', async () => {
    const states: StreamState[] = [];
    let release: (() => void) | null = null;
    let calls = 0;
    const stop = runStreamLoop({
      prepare: async () => undefined,
      // First call answers at once; the second waits until released (a silent venue).
      watch: () => new Promise<number>((resolve) => (calls++ === 0 ? resolve(1) : (release = () => resolve(2)))),
      onData: () => undefined,
      onState: (state) => states.push(state),
      staleAfterMs: 100,
      mapError: map,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states.map((s) => s.status)).toEqual(['live', 'stale']);
    (release as (() => void) | null)?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(states[states.length - 1]?.status).toBe('live');
    stop();
  });

  it('turns stale again when a stream that came back goes silent a second time', async () => {
    const states: StreamState[] = [];
    const waiters: { status: StreamState['status']; count: number; resolve: () => void }[] = [];
    const reached = (status: StreamState['status'], count: number): Promise<void> =>
      new Promise((resolve) => waiters.push({ status, count, resolve }));
    let releases: (() => void)[] = [];
    let calls = 0;
    const stop = runStreamLoop({
      prepare: async () => undefined,
      // Answers twice, then waits until released; after a release, once more and silent again.
      watch: () =>
        new Promise<number>((resolve) => {
          calls += 1;
          if (calls <= 2 || calls === 4) resolve(calls);
          else releases.push(() => resolve(calls));
        }),
      onData: () => undefined,
      onState: (state) => {
        states.push(state);
        for (const waiter of waiters)
          if (states.filter((s) => s.status === waiter.status).length >= waiter.count) waiter.resolve();
      },
      staleAfterMs: 40,
      mapError: map,
    });
    await reached('stale', 1);
    for (const release of releases) release();
    releases = [];
    await reached('live', 2);
    await reached('stale', 2);
    stop();
    expect(states.map((s) => s.status)).toEqual(['live', 'stale', 'live', 'stale']);
  });

  it('reports reconnecting with the mapped reason after a failure, then live', async () => {
    const states: StreamState[] = [];
    let calls = 0;
    const stop = runStreamLoop({
      prepare: async () => undefined,
      watch: async () => {
        calls += 1;
        if (calls === 2) throw new ccxt.NetworkError('connection closed');
        if (calls > 3) await new Promise(() => undefined);
        return calls;
      },
      onData: () => undefined,
      onState: (state) => states.push(state),
      staleAfterMs: null,
      mapError: map,
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    stop();
    expect(states.map((s) => s.status)).toEqual(['live', 'reconnecting', 'live']);
    const reconnecting = states[1];
    expect(reconnecting?.status === 'reconnecting' ? reconnecting.reason : '').toContain('could not be reached');
  });

  it('never starts watching when stopped while it was still preparing', async () => {
    let finishPreparing: () => void = () => undefined;
    let watched = 0;
    const stop = runStreamLoop({
      prepare: () => new Promise<void>((resolve) => (finishPreparing = resolve)),
      watch: async () => {
        watched += 1;
        return 1;
      },
      onData: () => undefined,
      onState: () => undefined,
      staleAfterMs: null,
      mapError: map,
    });
    stop();
    finishPreparing();
    // Let the loop run past its prepare step: a few turns of the event loop.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(watched).toBe(0);
  });
});

describe('errors and retry', () => {
  it('maps ccxt errors to kinds with user-facing text and no secrets', () => {
    expect(map(new ccxt.AuthenticationError('bad key-1234 secret-5678')).kind).toBe('auth');
    expect(map(new ccxt.AuthenticationError('bad key-1234 secret-5678')).message).not.toMatch(/key-1234|secret-5678/);
    expect(map(new ccxt.PermissionDenied('no')).message).toContain('check your key');
    expect(map(new ccxt.AuthenticationError('no')).message).toMatch(
      /^Binance USDⓈ-M refused the API key: check your key, secret and/,
    );
    expect(mapCcxtError(new ccxt.AuthenticationError('no'), 'okx-swap', []).message).toMatch(
      /^OKX refused the API key: check your key, secret, passphrase and/,
    );
    expect(map(new ccxt.InvalidNonce('ts')).message).toContain('clock');
    expect(map(new ccxt.RateLimitExceeded('slow down')).retryable).toBe(true);
    expect(map(new ccxt.RequestTimeout('t')).kind).toBe('network');
    expect(map(new ccxt.ExchangeError('Symbol is closed')).message).toContain('Symbol is closed');
    expect(redact('GET /x?signature=abc&x=1', [])).toBe('GET /x?signature=***&x=1');
  });

  it('retries network errors, honours Retry-After, and stops at once on auth errors', async () => {
    let attempts = 0;
    const started = Date.now();
    const result = await withRetry(
      async () => {
        attempts += 1;
        if (attempts < 2) throw new GatewayError('network', 'busy', 150);
        return 'ok';
      },
      map,
      { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    );
    expect(result).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    let authAttempts = 0;
    await expect(
      withRetry(async () => {
        authAttempts += 1;
        throw new ccxt.AuthenticationError('x');
      }, map),
    ).rejects.toMatchObject({ kind: 'auth' });
    expect(authAttempts).toBe(1);
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(backoffDelayMs(10, { baseDelayMs: 500, maxDelayMs: 8000 }, () => 1)).toBe(8000);
  });
});
