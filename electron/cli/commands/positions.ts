import { accountModeLabel } from '../../../shared/domain/account-mode';
import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import { accountVenues, venueFacts, type AccountVenue } from '../../../shared/domain/venue';
import { isAllowedBaseUrl } from '../../../shared/domain/base-url';
import { GatewayError } from '../../core/exchange/gateway-error';
import { createGateway, type GatewayConfig } from '../../core/exchange/gateway';
import type { CliIo } from '../cli-io';
import { accountOptionHelp, accountOptions, readAccountSecrets, secretEnv } from '../account-options';
import { defineCommand, parseCommand } from '../command-line';

/** Venue ids the command accepts: those an account can connect (the registry's `AccountVenue`s). */
const cliVenues = accountVenues;

function isCliVenue(name: string): name is AccountVenue {
  return (cliVenues as readonly string[]).includes(name);
}

function fail(io: CliIo, message: string): number {
  io.stderr(`liqlens positions: ${message}`);
  return 1;
}

/**
 * The JSON the command prints (field order is part of the contract). `computedLiquidationPrice` is
 * null with `computedNote` saying why where the account mode keeps LiqLens from recomputing it.
 */
function toJson(snapshot: AccountSnapshot): object {
  return {
    accountMode: snapshot.accountMode,
    positions: snapshot.positions.map((p) => ({
      venue: p.venue,
      symbol: p.symbol,
      side: p.side,
      marginMode: p.marginMode,
      size: p.size,
      entryPrice: p.entryPrice,
      markPrice: p.markPrice,
      exchangeLiquidationPrice: p.exchangeLiquidationPrice,
      computedLiquidationPrice: p.computedLiquidationPrice,
      computedNote: p.computedNote,
      maintenanceMargin: p.maintenanceMargin,
      marginRatio: p.marginRatio,
      adlRank: p.adlRank,
    })),
    account: {
      equity: snapshot.account.equity,
      maintenanceMargin: snapshot.account.maintenanceMargin,
      marginRatio: snapshot.account.marginRatio,
      venueGauge:
        snapshot.venueGauge === null
          ? null
          : {
              name: snapshot.venueGauge.name,
              value: snapshot.venueGauge.value,
              liquidationLevel: snapshot.venueGauge.liquidationLevel,
            },
    },
  };
}

/** The venue's own gauge line, or nothing when the mode has none. */
function gaugeLine(snapshot: AccountSnapshot): string[] {
  const gauge = snapshot.venueGauge;
  return gauge === null ? [] : [`venue gauge: ${gauge.name} ${percent(gauge.value)} (${gauge.definition})`];
}

function price(value: number | null): string {
  return value === null ? 'none' : String(Number(value.toPrecision(10)));
}

function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(2)} %`;
}

/** A readable table: one line per position, then the account line. */
function toTable(snapshot: AccountSnapshot): string[] {
  const header = ['symbol', 'side', 'mode', 'size', 'entry', 'mark', 'liq (venue)', 'liq (LiqLens)', 'maint.', 'ratio'];
  const rows = snapshot.positions.map((p) => [
    p.symbol,
    p.side,
    p.marginMode,
    String(p.size),
    price(p.entryPrice),
    price(p.markPrice),
    price(p.exchangeLiquidationPrice),
    price(p.computedLiquidationPrice),
    p.maintenanceMargin.toFixed(2),
    percent(p.marginRatio),
  ]);
  const widths = header.map((title, k) => Math.max(title.length, ...rows.map((row) => (row[k] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, k) => cell.padEnd(widths[k] ?? 0))
      .join('  ')
      .trimEnd();
  const account = snapshot.account;
  return [
    line(header),
    ...rows.map(line),
    ...(rows.length === 0 ? ['(no open positions)'] : []),
    `account: ${accountModeLabel(snapshot.accountMode)}, equity ${account.equity.toFixed(2)}, maintenance ${account.maintenanceMargin.toFixed(2)}, margin ratio ${percent(account.marginRatio)}`,
    ...gaugeLine(snapshot),
    // One line per distinct reason, so a mode LiqLens cannot recompute is explained, not shown as "none".
    ...[...new Set(snapshot.positions.flatMap((p) => (p.computedNote === null ? [] : [p.computedNote])))].map(
      (note) => `liq (LiqLens): ${note}`,
    ),
  ];
}

const spec = defineCommand({
  name: 'positions',
  synopsis:
    '--venue V [--base-url URL] (--api-key K [secret: LIQLENS_API_SECRET | --api-secret-file F | prompt] | --address A) [--json]',
  description:
    "Reads one account's open positions through a read-only key (or a Hyperliquid address) and prints the exchange's liquidation price beside the one LiqLens computes.",
  options: {
    ...accountOptions,
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    ...accountOptionHelp,
    json: 'print JSON instead of a table',
  },
  example: 'liqlens positions --venue hyperliquid --address 0x0123456789abcdef0123456789abcdef01234567 --json',
});

/**
 * `liqlens positions --venue V [--base-url URL] (--api-key K | --address A) [--json]`, the secret and passphrase
 * from the environment, a file, a prompt or (warned) the command line:
 * reads the account through the gateway and prints each position's venue and LiqLens liquidation
 * prices (JSON with `--json`, else a table). `--base-url` replaces the venue's hosts (production,
 * testnet or simulator). Bad arguments or a refused key: one line on stderr, exit 1.
 */
export async function runPositionsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const venue = values.venue ?? '';
  if (!isCliVenue(venue)) return fail(io, `--venue: expected one of ${cliVenues.join(', ')}, got "${venue}"`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !isAllowedBaseUrl(baseUrl))
    return fail(io, `--base-url: expected an https URL (plain http only on 127.0.0.1 or localhost), got "${baseUrl}"`);
  let credentials: GatewayConfig['credentials'];
  const facts = venueFacts(venue);
  if (facts.credentials === 'address') {
    if (values.address === undefined || !/^0x[0-9a-fA-F]{40}$/.test(values.address))
      return fail(io, `--address: expected a 0x address of 40 hex digits (${facts.full} is read by address)`);
    credentials = { address: values.address };
  } else {
    const needsPassphrase = facts.credentials === 'key-passphrase';
    let found;
    try {
      found = await readAccountSecrets(values, io, { needsPassphrase });
    } catch (error) {
      return fail(io, error instanceof Error ? error.message : String(error));
    }
    if (!values['api-key'] || !found.secret)
      return fail(
        io,
        `--api-key and its secret are required for this venue (secret: ${secretEnv.secret}, --api-secret-file or --api-secret)`,
      );
    if (needsPassphrase && !found.passphrase)
      return fail(
        io,
        `--password: ${facts.full} keys need their passphrase (${secretEnv.passphrase} or --password-file)`,
      );
    for (const warning of found.warnings) io.stderr(warning);
    credentials = {
      apiKey: values['api-key'],
      secret: found.secret,
      ...(found.passphrase === undefined ? {} : { password: found.passphrase }),
    };
  }
  const gateway = createGateway({ venue, ...(baseUrl === undefined ? {} : { baseUrl }), credentials });
  try {
    const snapshot = await gateway.fetchAccount();
    if (values.json === true) io.stdout(JSON.stringify(toJson(snapshot)));
    else for (const line of toTable(snapshot)) io.stdout(line);
    return 0;
  } catch (error) {
    return fail(
      io,
      error instanceof GatewayError
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await gateway.close();
  }
}
