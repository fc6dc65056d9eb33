import { existsSync, writeFileSync } from 'node:fs';
import { scenarioNames } from '../../sim/market/index';
import type { SimScenarioName } from '../../sim/market/types';
import type { CliIo } from '../cli-io';
import { defineCommand, parseCommand } from '../command-line';
import { formatScorecard } from '../scorecard/format-table';
import { runScorecard } from '../scorecard/run-scorecard';
import { formatRealScorecard } from '../scorecard/real/format-real';
import { runRealScorecard } from '../scorecard/real/run-real-scorecard';
import { skillSummary } from '../scorecard/real/skill-summary';
import { resolveDataDir } from '../../core/data-dir';
import { formatRecordedScorecard } from '../scorecard/recorded/format-recorded';
import { runRecordedScorecard } from '../scorecard/recorded/run-recorded-scorecard';

function isScenario(name: string): name is SimScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

const spec = defineCommand({
  name: 'scorecard',
  synopsis:
    '[--seed N] [--days D] [--scenario NAME] [--json] | --real DIR [--skill-file FILE] [--json] | --recordings [DATA_DIR] [--bucket-minutes M] [--json]',
  description:
    "Runs the simulator, feeds the cluster model and two baselines only what a venue publishes, and scores each against the simulator's true liquidation levels.",
  options: {
    seed: { type: 'string', default: '1' },
    days: { type: 'string', default: '2' },
    scenario: { type: 'string', default: 'long-squeeze-crash' },
    json: { type: 'boolean', default: false },
    real: { type: 'string' },
    'skill-file': { type: 'string' },
    recordings: { type: 'boolean', default: false },
    'bucket-minutes': { type: 'string', default: '30' },
  },
  optionHelp: {
    seed: 'the simulation seed (a whole number)',
    days: 'simulated days to score, 0.125 to 30',
    scenario: `the market scenario: ${scenarioNames.join(', ')}`,
    json: 'print one JSON object instead of a table',
    real: 'score on real bucketed data instead (a folder like data/real-market/: model, baselines, references, intervals)',
    'skill-file': 'with --real: also write the figures the app shows (shared/clusters/measured-skill.json)',
    recordings:
      "score the app's own recordings instead (DATA_DIR's recordings, default the app's data folder): the shipped model, baselines and references against the realized liquidations recorded",
    'bucket-minutes': 'with --recordings: bucket length in minutes, 5 to 1440',
  },
  maxFiles: 1,
  example: 'liqlens scorecard --seed 3 --days 1 --json',
});

/**
 * `liqlens scorecard --seed N --days D [--scenario NAME] [--json]`: runs the simulator, feeds the
 * cluster ledger and two baselines only what a venue publishes, and scores each against the
 * simulator's true liquidation levels (electron/cli/scorecard/README.md defines the figures).
 * Prints one JSON object with --json, else a table. Bad options: one line on stderr, exit 1.
 */
export async function runScorecardCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0 && !values.recordings)
    return fail(io, `unexpected argument "${positionals[0] ?? ''}" (a folder goes after --recordings)`);
  if (values.recordings) {
    const minutes = Number(values['bucket-minutes']);
    if (!Number.isSafeInteger(minutes) || minutes < 5 || minutes > 1440)
      return fail(io, `--bucket-minutes: expected a whole number from 5 to 1440, got "${values['bucket-minutes']}"`);
    const dataDir = positionals[0] ?? resolveDataDir();
    if (!existsSync(dataDir)) return fail(io, `--recordings: no folder ${dataDir}`);
    const report = await runRecordedScorecard(dataDir, minutes);
    if (values.json) io.stdout(JSON.stringify(report));
    else for (const line of formatRecordedScorecard(report)) io.stdout(line);
    return 0;
  }
  if (values.real !== undefined) {
    const report = runRealScorecard(values.real);
    if (values['skill-file'] !== undefined)
      writeFileSync(values['skill-file'], `${JSON.stringify(skillSummary(report), null, 2)}\n`);
    if (values.json) io.stdout(JSON.stringify(report));
    else for (const line of formatRealScorecard(report)) io.stdout(line);
    return 0;
  }
  const seed = Number(values.seed);
  const days = Number(values.days);
  if (!Number.isSafeInteger(seed)) return fail(io, `--seed: expected a whole number, got "${values.seed}"`);
  if (!Number.isFinite(days) || days < 0.125 || days > 30)
    return fail(io, `--days: expected a number from 0.125 to 30, got "${values.days}"`);
  if (!isScenario(values.scenario))
    return fail(io, `--scenario: expected one of ${scenarioNames.join(', ')}, got "${values.scenario}"`);
  const report = runScorecard({ seed, days, scenario: values.scenario });
  if (values.json) io.stdout(JSON.stringify(report));
  else for (const line of formatScorecard(report)) io.stdout(line);
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.stderr(message);
  return 1;
}
