import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Core } from '../../electron/core/create-core';
import { offlineExchange } from '../../electron/core/offline-exchange';
import { createNodeHost } from '../../electron/web/node-host';
import { createManualClock } from '../support/manual-clock';

/**
 * A core with its accounts, alerts and market services present, whose exchange access refuses
 * every connection: fuzzed input must never reach a network, and a request that somehow passed
 * validation fails loudly (`handler-failed`) instead of dialling a real exchange.
 */
export function createOfflineCore(dataDir: string): Core {
  return createNodeHost({
    dataDir,
    app: { name: 'LiqLens', version: '0.0.0-fuzz' },
    clock: createManualClock(),
    notifier: { notify: () => undefined },
    exchange: offlineExchange('This test core has no network'),
  });
}

/** What a fuzzed request may change on disk: the settings file and the account list. */
export function persistedState(dataDir: string): { settings: string; accounts: string | null } {
  const accounts = join(dataDir, 'accounts.json');
  return {
    settings: readFileSync(join(dataDir, 'settings.json'), 'utf8'),
    accounts: existsSync(accounts) ? readFileSync(accounts, 'utf8') : null,
  };
}

const errorCodes = ['unknown-channel', 'invalid-payload', 'malformed-message', 'forbidden', 'handler-failed'];

/** An error envelope the renderer can show as it is: a known code and one short plain sentence, no stack. */
export function expectClearError(error: { code: string; message: string }): void {
  expect(errorCodes).toContain(error.code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.length).toBeLessThan(1_000);
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

/** A reply is a result or a clear error: nothing else. */
export function expectEnvelope(reply: Envelope<unknown>): void {
  expect(typeof reply.ok).toBe('boolean');
  if (reply.ok) expect(reply).toHaveProperty('result');
  else expectClearError(reply.error);
}
