import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountModeIds } from '../../../shared/domain/account-mode';
import type { Simulator } from '../../sim/simulator';
import { accountOn, credentialsFor, simVenues, startTestSimulator } from '../../../test/support/sim-gateway';
import type { CliIo } from '../cli-io';
import { runPositionsCommand } from './positions';

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator('calm');
});

afterAll(async () => {
  await sim.stop();
});

function captureIo(env: Readonly<Record<string, string>> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env,
    readStdin: async () => '',
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
}

/** The options naming a simulator account, its secrets in the environment as the README says. */
function accountFor(venue: (typeof simVenues)[number]): { args: string[]; env: Record<string, string> } {
  const credentials = credentialsFor(sim, venue);
  if (credentials === null) return { args: [], env: {} };
  if ('address' in credentials) return { args: ['--address', credentials.address], env: {} };
  return {
    args: ['--api-key', credentials.apiKey],
    env: {
      LIQLENS_API_SECRET: credentials.secret,
      ...(credentials.password === undefined ? {} : { LIQLENS_API_PASSPHRASE: credentials.password }),
    },
  };
}

describe('liqlens positions', () => {
  it.each(simVenues)(
    'prints %s positions as JSON with both liquidation prices',
    async (venue) => {
      const account = accountFor(venue);
      const io = captureIo(account.env);
      const code = await runPositionsCommand(
        ['--venue', venue, '--base-url', sim.baseUrl(venue), ...account.args, '--json'],
        io,
      );
      expect(io.err).toEqual([]);
      expect(code).toBe(0);
      expect(io.out).toHaveLength(1);
      const printed = JSON.parse(io.out[0] ?? '') as {
        accountMode: string;
        positions: Record<string, unknown>[];
        account: Record<string, unknown>;
      };
      expect(accountModeIds).toContain(printed.accountMode);
      expect(printed.positions).toHaveLength(accountOn(sim, venue).positions.length);
      for (const position of printed.positions) {
        expect(Object.keys(position)).toEqual([
          'venue',
          'symbol',
          'side',
          'marginMode',
          'size',
          'entryPrice',
          'markPrice',
          'exchangeLiquidationPrice',
          'computedLiquidationPrice',
          'computedNote',
          'maintenanceMargin',
          'marginRatio',
          'adlRank',
        ]);
        expect(position['venue']).toBe(venue);
      }
      expect(Object.keys(printed.account)).toEqual(['equity', 'maintenanceMargin', 'marginRatio', 'venueGauge']);
    },
    30_000,
  );

  it('prints a table without --json', async () => {
    const account = accountFor('binance-usdm');
    const io = captureIo(account.env);
    const code = await runPositionsCommand(
      ['--venue', 'binance-usdm', '--base-url', sim.baseUrl('binance-usdm'), ...account.args],
      io,
    );
    expect(code).toBe(0);
    expect(io.out[0]).toMatch(/^symbol\s+side\s+mode/);
    expect(io.out.some((line) => line.startsWith('BTCUSDT'))).toBe(true);
    expect(io.out[io.out.length - 1]).toMatch(/^account: single-asset, equity/);
  });

  it.each([
    [['--venue', 'kraken', '--api-key', 'k', '--api-secret', 's'], '--venue'],
    [['--venue', 'binance-usdm'], '--api-key'],
    [['--venue', 'hyperliquid', '--address', 'nope'], '--address'],
    [['--venue', 'okx-swap', '--api-key', 'k', '--api-secret', 's'], '--password'],
    [['--venue', 'binance-usdm', '--bogus'], 'bogus'],
  ])('rejects bad arguments %j with one line and exit 1', async (args, mention) => {
    const io = captureIo();
    expect(await runPositionsCommand(args, io)).toBe(1);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain(mention);
    expect(io.out).toEqual([]);
  });

  it('answers a refused key with one "check your key" line and exit 1', async () => {
    const io = captureIo({ LIQLENS_API_SECRET: 'secret-never-printed' });
    const code = await runPositionsCommand(
      ['--venue', 'bybit-linear', '--base-url', sim.baseUrl('bybit-linear'), '--api-key', 'unknown-key-123', '--json'],
      io,
    );
    expect(code).toBe(1);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain('check your key');
    expect(io.err[0]).not.toContain('secret-never-printed');
  });

  it('takes the secret from a file, and warns once, without the secret, when it is given on the command line', async () => {
    const credentials = credentialsFor(sim, 'binance-usdm');
    if (credentials === null || 'address' in credentials) throw new Error('the simulator has no Binance key');
    const base = [
      '--venue',
      'binance-usdm',
      '--base-url',
      sim.baseUrl('binance-usdm'),
      '--api-key',
      credentials.apiKey,
    ];
    const folder = mkdtempSync(join(tmpdir(), 'liqlens-secret-'));
    try {
      const file = join(folder, 'secret.txt');
      writeFileSync(file, `${credentials.secret}\n`, { mode: 0o600 });
      const fromFile = captureIo();
      expect(await runPositionsCommand([...base, '--api-secret-file', file, '--json'], fromFile)).toBe(0);
      expect(fromFile.err).toEqual([]);

      const inline = captureIo();
      expect(await runPositionsCommand([...base, '--api-secret', credentials.secret, '--json'], inline)).toBe(0);
      expect(inline.err).toHaveLength(1);
      expect(inline.err[0]).toContain('process list');
      expect(inline.err[0]).toContain('LIQLENS_API_SECRET');
      expect(inline.err[0]).not.toContain(credentials.secret);

      const missing = captureIo();
      expect(await runPositionsCommand([...base, '--api-secret-file', join(folder, 'none.txt')], missing)).toBe(1);
      expect(missing.err).toHaveLength(1);
      expect(missing.err[0]).toContain('--api-secret-file: cannot read');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
