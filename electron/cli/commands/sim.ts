import { demoVenues, venueFacts } from '../../../shared/domain/venue';
import { scenarioNames } from '../../sim/market';
import type { SimScenarioName } from '../../sim/market/types';
import { startSimulator } from '../../sim/simulator';
import type { CliIo } from '../cli-io';
import { stopWithin, untilInterrupted } from '../shutdown';
import { defineCommand, parseCommand } from '../command-line';

function isScenario(name: string): name is SimScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

const spec = defineCommand({
  name: 'sim',
  synopsis: '[--seed N] [--scenario NAME] [--speed X] [--port P]',
  description:
    "Runs the simulated exchanges on 127.0.0.1 and prints each venue's base URL, the demo keys (read-only, trade, withdraw) and the Hyperliquid addresses. Runs until interrupted.",
  options: {
    seed: { type: 'string', default: '1' },
    scenario: { type: 'string', default: 'calm' },
    speed: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
  },
  optionHelp: {
    seed: 'the simulation seed (a whole number)',
    scenario: `the market scenario: ${scenarioNames.join(', ')}`,
    speed: 'simulated seconds per real second, 0 (paused) to 100000',
    port: 'the port to listen on (0: any free port)',
  },
  example: 'liqlens sim --scenario long-squeeze-crash --speed 60',
});

/**
 * `liqlens sim --seed N --scenario NAME --speed X --port P`: runs the simulated exchanges on
 * 127.0.0.1 and prints each venue's base URL and the demo keys (read-only, trade, withdraw) and
 * Hyperliquid addresses. Runs until interrupted.
 */
export async function runSimCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const seed = Number(values.seed);
  const speed = Number(values.speed);
  const port = Number(values.port);
  if (!Number.isSafeInteger(seed)) return fail(io, `--seed: expected a whole number, got "${values.seed}"`);
  if (!isScenario(values.scenario))
    return fail(io, `--scenario: expected one of ${scenarioNames.join(', ')}, got "${values.scenario}"`);
  if (!Number.isFinite(speed) || speed < 0 || speed > 100_000)
    return fail(io, `--speed: expected a number from 0 to 100000, got "${values.speed}"`);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return fail(io, `--port: expected a whole number from 0 to 65535, got "${values.port}"`);

  const sim = await startSimulator({ seed, scenario: values.scenario, speed, port });
  io.stdout(`LiqLens simulator: seed ${seed}, scenario ${values.scenario}, speed ${speed}x, on ${sim.server.origin}`);
  for (const venue of demoVenues) io.stdout(`  ${venue.padEnd(13)} ${sim.baseUrl(venue)}`);
  io.stdout('Demo keys (they open only this simulator):');
  for (const key of sim.keys) {
    const kind = key.permissions.withdraw ? 'withdraw' : key.permissions.trade ? 'trade' : 'read-only';
    io.stdout(
      `  ${key.venue.padEnd(13)} ${kind.padEnd(9)} key ${key.apiKey}  secret ${key.secret}${key.passphrase ? `  passphrase ${key.passphrase}` : ''}`,
    );
  }
  for (const account of sim.market.accounts()) {
    if (venueFacts(account.venue).credentials === 'address' && account.address)
      io.stdout(`  ${account.venue.padEnd(13)} address   ${account.address}`);
  }
  io.stdout('Press Ctrl+C to stop.');
  await untilInterrupted();
  await stopWithin(sim.stop(), io);
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.stderr(message);
  return 1;
}
