import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertConfigSchema, alertEngineStateSchema } from '../../shared/alerts';
import { parseRequest, handlerFailure, type Envelope } from '../../shared/ipc/envelope';
import { SettingsSchema } from '../../shared/ipc/views/settings';
import {
  AccountsFileSchema,
  maxAccounts,
  openAccountRegistry,
  type AccountRecord,
} from '../../electron/core/accounts/account-registry';
import type { Core } from '../../electron/core/create-core';
import { readJsonFile } from '../../electron/core/storage/json-file';
import { createOfflineCore, expectClearError } from '../fuzz/offline-core';
import { useTempDirs } from '../support/temp-dir';

const nowMs = Date.UTC(2026, 11, 4, 12, 0, 0);

/** Every file of the data folder that a schema guards, by its path inside the folder. */
const storedFiles: Readonly<Record<string, z.ZodType>> = {
  'accounts.json': AccountsFileSchema,
  'alerts/config.json': alertConfigSchema,
  'alerts/state.json': alertEngineStateSchema,
  'settings.json': SettingsSchema,
};

/** Every array with a maximum length in a JSON schema, as `path -> maxItems` (`*` for an array item or record value). */
function cappedLists(schema: unknown, path = ''): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    // A tuple (prefixItems) has a fixed length: nothing is ever added to it.
    if (typeof record['maxItems'] === 'number' && record['prefixItems'] === undefined)
      found.set(at, record['maxItems']);
    for (const [key, child] of Object.entries((record['properties'] as Record<string, unknown> | undefined) ?? {}))
      walk(child, at === '' ? key : `${at}.${key}`);
    walk(record['items'], `${at}.*`);
    walk(record['additionalProperties'], `${at}.*`);
    for (const branch of ['anyOf', 'oneOf', 'allOf'])
      for (const child of (record[branch] as unknown[] | undefined) ?? []) walk(child, at);
  };
  walk(schema, path);
  return found;
}

/** Sends a request the way both transports do: validated by the contract, then handled. */
async function request(core: Core, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  const parsed = parseRequest(channel, payload);
  if (!parsed.ok) return parsed;
  try {
    const handler = core.handlers[parsed.result.channel] as (payload: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.result.payload) };
  } catch (error) {
    return handlerFailure(error);
  }
}

function manualRecord(n: number): AccountRecord {
  return {
    id: `binance-usdm-${n}`,
    label: `Account ${n}`,
    venue: 'binance-usdm',
    kind: 'manual',
    createdAtMs: nowMs,
    manual: {
      walletBalance: 1000,
      positions: [
        { symbol: 'BTCUSDT', side: 'long', sizeBase: 0.1, entryPrice: 90_000, leverage: 10, marginMode: 'cross' },
      ],
    },
  };
}

const manualAccount = (positions: number): unknown => ({
  account: {
    kind: 'manual',
    venue: 'binance-usdm',
    label: 'One more',
    walletBalance: 1000,
    positions: Array.from({ length: positions }, () => manualRecord(0).manual?.positions[0]),
  },
});

const override = (n: number): unknown => ({ accountId: `account-${n}`, rules: {} });

/**
 * One case per capped list: fills it to its cap through the product where that is cheap (else
 * writes a valid full file), then tries one more through the contract, the way a user would.
 */
interface CapCase {
  readonly file: string;
  fill(dir: string, core: Core, cap: number): Promise<void>;
  oneMore(core: Core, cap: number): Promise<Envelope<unknown>>;
  /** The words the refusal must contain. */
  readonly refusal: RegExp;
}

const cases: Readonly<Record<string, CapCase>> = {
  'accounts.json accounts': {
    file: 'accounts.json',
    async fill(dir, _core, cap) {
      const full = { version: 1, accounts: Array.from({ length: cap }, (_, n) => manualRecord(n)) };
      writeFileSync(join(dir, 'accounts.json'), JSON.stringify(full));
    },
    oneMore: (core) => request(core, 'accounts:add', manualAccount(1)),
    refusal: /at most 100 accounts/,
  },
  'accounts.json accounts.*.manual.positions': {
    file: 'accounts.json',
    fill: async () => undefined,
    oneMore: (core, cap) => request(core, 'accounts:add', manualAccount(cap + 1)),
    refusal: /at most 20 positions/,
  },
  'alerts/config.json overrides': {
    file: 'alerts/config.json',
    async fill(_dir, core, cap) {
      const saved = await request(core, 'alerts:config-set', {
        config: { overrides: Array.from({ length: cap }, (_, n) => override(n)) },
      });
      expect(saved.ok).toBe(true);
    },
    oneMore: (core, cap) =>
      request(core, 'alerts:config-set', {
        config: { overrides: Array.from({ length: cap + 1 }, (_, n) => override(n)) },
      }),
    refusal: /overrides/,
  },
  'alerts/config.json quietHours.loudLevels': {
    file: 'alerts/config.json',
    async fill(_dir, core) {
      const saved = await request(core, 'alerts:config-set', {
        config: { quietHours: { loudLevels: ['warning', 'danger', 'critical'] } },
      });
      expect(saved.ok).toBe(true);
    },
    oneMore: (core) =>
      request(core, 'alerts:config-set', {
        config: { quietHours: { loudLevels: ['warning', 'danger', 'critical', 'critical'] } },
      }),
    refusal: /loudLevels/,
  },
};

describe('every stored list refuses one past its cap, and the file still loads', () => {
  const tempDir = useTempDirs();

  it('has a case for every capped list of every stored file schema', () => {
    const found = Object.entries(storedFiles).flatMap(([file, schema]) =>
      [...cappedLists(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }))].map(
        ([path]) => `${file} ${path}`,
      ),
    );
    expect(found.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, capCase] of Object.entries(cases)) {
    it(name, async () => {
      const [file = '', path = ''] = name.split(' ');
      const schema = storedFiles[file];
      if (!schema) throw new Error(`no schema for ${file}`);
      const cap = cappedLists(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' })).get(path) ?? 0;
      const dir = tempDir();
      mkdirSync(join(dir, 'alerts'), { recursive: true });
      const filling = createOfflineCore(dir);
      await capCase.fill(dir, filling, cap);
      await filling.stop();
      const before = existsSync(join(dir, capCase.file)) ? readFileSync(join(dir, capCase.file), 'utf8') : null;

      const core = createOfflineCore(dir);
      const reply = await capCase.oneMore(core, cap);
      await core.stop();

      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expectClearError(reply.error);
      expect(reply.error.message).toMatch(capCase.refusal);
      const after = existsSync(join(dir, capCase.file)) ? readFileSync(join(dir, capCase.file), 'utf8') : null;
      expect(after).toBe(before);
      if (after !== null) {
        const read = readJsonFile(join(dir, capCase.file), schema, null, nowMs, capCase.file);
        expect(read.problem).toBeUndefined();
      }
    });
  }

  it('the account list itself refuses the account past its cap, and reopens whole', () => {
    const dir = tempDir();
    const registry = openAccountRegistry(dir, nowMs);
    for (let n = 0; n < maxAccounts; n += 1) registry.add(manualRecord(n));
    expect(() => registry.add(manualRecord(maxAccounts))).toThrow(`at most ${maxAccounts} accounts`);
    const reopened = openAccountRegistry(dir, nowMs);
    expect(reopened.problem).toBeUndefined();
    expect(reopened.list()).toHaveLength(maxAccounts);
  });
});
