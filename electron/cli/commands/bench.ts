import { measureCoreColdStart } from '../bench/core-cold-start';
import { measureWebRoundTrip } from '../bench/web-round-trip';
import { measureWhatIfCross20 } from '../bench/what-if';
import { measureLedger } from '../bench/ledger';
import { measureAlerts } from '../bench/alerts';
import { measureUi } from '../bench/ui';
import { measureIdle, measureSoak } from '../bench/soak';
import type { CliIo } from '../cli-io';
import { defineCommand, parseCommand } from '../command-line';

/** One benchmark: its key in the JSON report, and what it measures. */
interface Benchmark {
  readonly key: string;
  readonly run: () => Promise<Record<string, number>>;
}

/** Every benchmark, keyed as in DESIGN.md so runs can be compared over time. */
const benchmarks: readonly Benchmark[] = [
  { key: 'webRoundTrip', run: () => measureWebRoundTrip(1000) },
  { key: 'core', run: () => measureCoreColdStart(5) },
  { key: 'whatIf', run: async () => measureWhatIfCross20() },
  { key: 'ledger', run: () => measureLedger() },
  { key: 'alerts', run: () => measureAlerts() },
  { key: 'ui', run: () => measureUi() },
  { key: 'soak', run: () => measureSoak() },
  { key: 'idle', run: () => measureIdle() },
];

const spec = defineCommand({
  name: 'bench',
  synopsis: '[--json] [--only KEY]',
  description:
    'Measures the performance targets of DESIGN.md (web round trip, core cold start, what-if, ledger, alerts, UI, soak, idle) and prints each figure.',
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
  optionHelp: {
    json: 'print one JSON object instead of a table',
    only: `run one benchmark: ${benchmarks.map((benchmark) => benchmark.key).join(', ')}`,
  },
  example: 'liqlens bench --only alerts --json',
});

/** `liqlens bench [--json] [--only KEY]`: runs the benchmarks; JSON prints one object. */
export async function runBenchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const selected = values.only ? benchmarks.filter((benchmark) => benchmark.key === values.only) : benchmarks;
  if (selected.length === 0) {
    io.stderr(`--only: unknown benchmark "${values.only}". Known: ${benchmarks.map((b) => b.key).join(', ')}.`);
    return 1;
  }
  const report: Record<string, Record<string, number>> = {};
  for (const benchmark of selected) {
    if (!values.json) io.stderr(`running ${benchmark.key}…`);
    report[benchmark.key] = await benchmark.run();
  }
  if (values.json) {
    io.stdout(JSON.stringify(report));
    return 0;
  }
  io.stdout('benchmark                 value');
  for (const [group, figures] of Object.entries(report)) {
    for (const [name, value] of Object.entries(figures)) io.stdout(`${`${group}.${name}`.padEnd(26)}${value}`);
  }
  return 0;
}
