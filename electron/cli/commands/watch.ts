import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDataDir } from '../../core/data-dir';
import { createGateway } from '../../core/exchange/gateway';
import { DataFolderBusyError, lockDataFolder, type InstanceLock } from '../../core/instance-lock';
import { createJsonLogger, createSilentLogger } from '../../core/logger';
import { scenarioDurationMs, scenarioNames } from '../../sim/market';
import type { SimScenarioName } from '../../sim/market/types';
import { simulatorDemo } from '../../sim/demo-market';
import { createNodeHost } from '../../web/node-host';
import { requests } from '../../../shared/ipc/contract';
import { accountVenues, venueFacts, type AccountVenue } from '../../../shared/domain/venue';
import { describeZodError } from '../../../shared/ipc/envelope';
import type { CliIo } from '../cli-io';
import { accountOptionHelp, accountOptions, readAccountSecrets, type AccountSecrets } from '../account-options';
import { readChannelsFile } from '../channels-file';
import type { ChannelSetup } from '../../../shared/ipc/views/channels';
import { defineCommand, parseCommand, type ParsedCommand } from '../command-line';
import { stopWithin, untilInterrupted } from '../shutdown';
import { watchLine } from './watch-line';

function isScenario(name: string): name is SimScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

const spec = defineCommand({
  name: 'watch',
  synopsis:
    '--demo [--scenario NAME] [--speed X] [--seed N] [--channels FILE] [--json]  |  [--venue V [--base-url URL] (--api-key K | --address A)] [--channels FILE] [--json]',
  description:
    'Runs the core headless and prints one line per alert event. With --demo it watches the simulated Demo and exits at the scenario end; otherwise it watches the saved accounts (or the one account given here, its key kept in memory for this run) until interrupted.',
  options: {
    demo: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'long-squeeze-crash' },
    speed: { type: 'string', default: '60' },
    seed: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
    channels: { type: 'string' },
    ...accountOptions,
  },
  optionHelp: {
    demo: 'watch the simulated Demo accounts',
    scenario: `the Demo's market scenario: ${scenarioNames.join(', ')}`,
    speed: "the Demo's simulated seconds per real second, above 0 and up to 100000",
    seed: "the Demo's simulation seed (a whole number)",
    json: 'print one JSON object per alert event',
    channels:
      'a JSON file of notification channels to deliver alerts to (telegram, discord, ntfy, webhook), secrets kept in memory for this run',
    ...accountOptionHelp,
  },
  example: 'liqlens watch --demo --scenario long-squeeze-crash --speed 600 --json',
});

/**
 * `liqlens watch --demo --scenario NAME --speed X --json`: runs the core headless on the simulated
 * Demo and prints one JSON line per alert event, exiting once the scenario has run its length after
 * the Demo's positions first arrived. Without `--demo`
 * it watches real accounts until interrupted: the Hyperliquid addresses and typed-in positions saved
 * in the data folder; or, instead, one account given on the command line (`--venue V [--base-url URL]
 * --api-key K`, its secret from LIQLENS_API_SECRET, a file or a prompt; or `--venue hyperliquid
 * --address A`), whose key stays
 * in memory for this run only. `--channels FILE` also delivers each alert to the notification
 * channels the file names (`../channels-file.ts`), their secrets kept in memory for this run; a
 * failed delivery prints one line on stderr with the service's reason.
 */
export async function runWatchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const speed = Number(values.speed);
  const seed = Number(values.seed);
  if (!isScenario(values.scenario))
    return fail(io, `--scenario: expected one of ${scenarioNames.join(', ')}, got "${values.scenario}"`);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000)
    return fail(io, `--speed: expected a number above 0 and up to 100000, got "${values.speed}"`);
  if (!Number.isSafeInteger(seed)) return fail(io, `--seed: expected a whole number, got "${values.seed}"`);
  let channels: ChannelSetup[];
  try {
    channels = values.channels === undefined ? [] : readChannelsFile(values.channels);
  } catch (error) {
    return fail(io, error instanceof Error ? error.message : String(error));
  }

  // Listen for Ctrl-C from the start: an interrupt while the core is still starting (which can take
  // a while on a busy machine) then stops the watch cleanly instead of killing it mid-write.
  const interrupted = untilInterrupted();

  // The Demo, and an account given on the command line, run in a fresh folder so a watch never
  // changes the app's own accounts or history.
  const transient = values.demo || values.venue !== undefined;
  const dataDir = transient ? mkdtempSync(join(tmpdir(), 'liqlens-watch-')) : resolveDataDir();
  // The saved accounts' folder is the app's own: no second LiqLens may write it meanwhile.
  let lock: InstanceLock | undefined;
  try {
    lock = transient ? undefined : lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderBusyError) return fail(io, `${error.message} (${dataDir})`);
    throw error;
  }
  try {
    return await watch(values, io, {
      dataDir,
      transient,
      interrupted,
      scenario: values.scenario,
      speed,
      seed,
      channels,
    });
  } finally {
    lock?.release();
    if (transient) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One watch's checked settings and its data folder. */
interface WatchRun {
  readonly dataDir: string;
  /** A fresh folder (the Demo, or an account given here) rather than the app's own. */
  readonly transient: boolean;
  readonly interrupted: Promise<void>;
  readonly scenario: SimScenarioName;
  readonly speed: number;
  readonly seed: number;
  /** The notification channels `--channels` named. */
  readonly channels: readonly ChannelSetup[];
}

async function watch(values: Values, io: CliIo, run: WatchRun): Promise<number> {
  const { dataDir, transient, interrupted, scenario, speed, seed, channels } = run;
  // On a busy machine the core can take longer than a whole fast-forwarded scenario to load the
  // Demo's first positions, and a scenario run from the simulator's start would be over before
  // anyone watched it. So the Demo's clock starts, and the scenario's length counts, from when the
  // Demo's positions first arrive.
  let positionsLoaded: () => void = () => undefined;
  const demoPositionsLoaded = new Promise<void>((resolve) => (positionsLoaded = resolve));
  const core = createNodeHost({
    dataDir,
    logger: values.json ? createSilentLogger() : createJsonLogger('watch'),
    env: transient ? {} : process.env,
    exchange: {
      createGateway,
      pollMs: 2000,
      ...(values.demo ? { demo: simulatorDemo({ seed, scenario, speed, clockStarts: demoPositionsLoaded }) } : {}),
    },
  });
  core.on('alerts:event', (event) => io.stdout(watchLine(event, values.json, Date.now())));
  const stopListening = core.on('positions:changed', (update) => {
    if (update.positions.length === 0) return;
    stopListening();
    positionsLoaded();
  });
  // Each failed delivery is told once on stderr, with the service's reason (never the secret).
  const told = new Map<string, number>();
  core.on('channels:changed', (view) => {
    for (const channel of view.channels) {
      const status = channel.status;
      if (!status || status.state === 'delivered' || told.get(channel.kind) === status.atMs) continue;
      told.set(channel.kind, status.atMs);
      io.stderr(`channel ${channel.kind}: ${status.detail}`);
    }
  });
  for (const channel of channels) await core.handlers['channels:set']({ channel });
  await core.start();
  if (!values.demo && values.venue) {
    const venue = values.venue;
    if (!(accountVenues as readonly string[]).includes(venue)) {
      await core.stop();
      return fail(io, `--venue: expected one of ${accountVenues.join(', ')}, got "${venue}"`);
    }
    const credentials = venueFacts(venue as AccountVenue).credentials;
    const baseUrl = values['base-url'] ? { baseUrl: values['base-url'] } : {};
    let found: AccountSecrets = { secret: undefined, passphrase: undefined, warnings: [] };
    if (credentials !== 'address') {
      try {
        found = await readAccountSecrets(values, io, { needsPassphrase: credentials === 'key-passphrase' });
      } catch (error) {
        await core.stop();
        return fail(io, error instanceof Error ? error.message : String(error));
      }
    }
    const account =
      credentials === 'address'
        ? { kind: 'address' as const, venue, label: 'watch', address: values.address ?? '', ...baseUrl }
        : {
            kind: 'api-key' as const,
            venue,
            label: 'watch',
            apiKey: values['api-key'] ?? '',
            apiSecret: found.secret ?? '',
            ...(found.passphrase ? { passphrase: found.passphrase } : {}),
            ...baseUrl,
          };
    const parsed = requests['accounts:add'].safeParse({ account });
    if (!parsed.success) {
      await core.stop();
      return fail(io, `account: ${describeZodError(parsed.error)}`);
    }
    for (const warning of found.warnings) io.stderr(warning);
    try {
      await core.handlers['accounts:add'](parsed.data);
    } catch (error) {
      await core.stop();
      return fail(io, error instanceof Error ? error.message : String(error));
    }
  }
  const endAfterMs = values.demo ? scenarioDurationMs(scenario) / speed : Number.POSITIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  const scenarioEnd = Number.isFinite(endAfterMs)
    ? demoPositionsLoaded.then(() => new Promise<void>((resolve) => (timer = setTimeout(resolve, endAfterMs))))
    : new Promise<void>(() => undefined);
  await Promise.race([interrupted, scenarioEnd]);
  clearTimeout(timer);
  await stopWithin(core.stop(), io);
  return 0;
}

type Values = ParsedCommand<typeof spec.options>['values'];

function fail(io: CliIo, message: string): number {
  io.stderr(message);
  return 1;
}
