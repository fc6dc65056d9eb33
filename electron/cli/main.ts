/**
 * The `liqlens` command (`npm run -s liqlens -- <command>`). Each command returns an exit code;
 * bad input prints one line saying what is wrong and exits non-zero.
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './cli-io';
import { promptSecret } from './prompt-secret';
import { exitWhenIdle } from './shutdown';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

// Commands load on demand so that `web` does not pay for the risk engine, nor `risk` for the web host.
const commands: Readonly<Record<string, { run: Command; summary: string }>> = {
  web: {
    run: async (args, cli) => (await import('./commands/web')).runWebCommand(args, cli),
    summary: 'web [--port N]            serve the app on 127.0.0.1 and print its URL',
  },
  risk: {
    run: async (args, cli) => (await import('./commands/risk')).runRiskCommand(args, cli),
    summary:
      'risk FILE|- | --schema     liquidation prices and margin ratios for an account (JSON in, JSON out; --schema: the input format)',
  },
  positions: {
    run: async (args, cli) => (await import('./commands/positions')).runPositionsCommand(args, cli),
    summary:
      'positions --venue V --base-url URL (--api-key K | --address A) [--json]  positions with exchange and computed liquidation prices (secret: LIQLENS_API_SECRET, a file or a prompt)',
  },
  watch: {
    run: async (args, cli) => (await import('./commands/watch')).runWatchCommand(args, cli),
    summary: 'watch --demo --scenario NAME --speed X [--json]  run headless and print one line per alert',
  },
  sim: {
    run: async (args, cli) => (await import('./commands/sim')).runSimCommand(args, cli),
    summary: 'sim [--seed N --scenario NAME --speed X --port P]  run the simulated exchanges on 127.0.0.1',
  },
  scorecard: {
    run: async (args, cli) => (await import('./commands/scorecard')).runScorecardCommand(args, cli),
    summary:
      'scorecard --seed N --days D [--scenario NAME] [--json]  the cluster model against the truth and two baselines (--real DIR: on real data)',
  },
  bench: {
    run: async (args, cli) => (await import('./commands/bench')).runBenchCommand(args, cli),
    summary: 'bench [--json]            measure the performance targets',
  },
};

const io: CliIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  promptSecret,
};

function usage(): string {
  return [
    'usage: liqlens <command> [options]',
    '',
    ...Object.values(commands).map((command) => `  ${command.summary}`),
    '',
    'Each command answers --help with its options and an example.',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`liqlens: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`liqlens ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
exitWhenIdle(exitCode, io);
