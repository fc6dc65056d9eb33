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

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readStdin: async () => '',
    readFile: async () => '',
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
}

function argsFor(venue: (typeof simVenues)[number]): string[] {
  const credentials = credentialsFor(sim, venue);
  if (credentials === null) return [];
  if ('address' in credentials) return ['--address', credentials.address];
  return [
    '--api-key',
    credentials.apiKey,
    '--api-secret',
    credentials.secret,
    ...(credentials.password === undefined ? [] : ['--password', credentials.password]),
  ];
}

describe('liqlens positions', () => {
  it.each(simVenues)(
    'prints %s positions as JSON with both liquidation prices',
    async (venue) => {
      const io = captureIo();
      const code = await runPositionsCommand(
        ['--venue', venue, '--base-url', sim.baseUrl(venue), ...argsFor(venue), '--json'],
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
    const io = captureIo();
    const code = await runPositionsCommand(
      ['--venue', 'binance-usdm', '--base-url', sim.baseUrl('binance-usdm'), ...argsFor('binance-usdm')],
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
    const io = captureIo();
    const code = await runPositionsCommand(
      [
        '--venue',
        'bybit-linear',
        '--base-url',
        sim.baseUrl('bybit-linear'),
        '--api-key',
        'unknown-key-123',
        '--api-secret',
        'secret-never-printed',
        '--json',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain('check your key');
    expect(io.err[0]).not.toContain('secret-never-printed');
  });
});
