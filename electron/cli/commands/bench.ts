import { measureCoreColdStart } from '../bench/core-cold-start';
import { measureWebRoundTrip } from '../bench/web-round-trip';
import { measureWhatIfCross20 } from '../bench/what-if';
import { measureLedger } from '../bench/ledger';
import { measureAlerts } from '../bench/alerts';
import { measureUi } from '../bench/ui';
import { measureFirstMap } from '../bench/first-map';
import { measureFirstPaint } from '../bench/first-paint';
import { runProbe } from '../bench/run-probe';
import { benchTargets } from '../bench/targets';
import type { BenchFigures } from '../bench/stats';
import type { CliIo } from '../cli-io';
import { defineCommand, parseCommand } from '../command-line';

/** One benchmark: its key in the JSON report, and what it measures. */
interface Benchmark {
  readonly key: string;
  readonly run: () => Promise<BenchFigures>;
}

/** Every benchmark, keyed as in DESIGN.md so runs can be compared over time. */
const benchmarks: readonly Benchmark[] = [
  { key: 'webRoundTrip', run: () => measureWebRoundTrip(1000) },
  { key: 'core', run: () => measureCoreColdStart(5) },
  { key: 'whatIf', run: async () => measureWhatIfCross20() },
  { key: 'ledger', run: () => measureLedger() },
  { key: 'alerts', run: () => measureAlerts() },
  { key: 'ui', run: async () => ({ ...(await measureUi()), ...(await measureFirstPaint()) }) },
  { key: 'map', run: () => measureFirstMap() },
  // Soak and idle run bundled as the app ships the core (run-probe.ts), each in a process of its own,
  // so their memory and CPU are the core's, not the other benchmarks' nor the bench's.
  { key: 'soak', run: () => runProbe('soak-probe.ts', 900_000) },
  { key: 'idle', run: () => runProbe('idle-probe.ts', 900_000) },
];

const spec = defineCommand({
  name: 'bench',
  synopsis: '[--json] [--only KEY]',
  description:
    'Measures the performance targets of DESIGN.md (web round trip, core cold start, what-if, ledger, alerts, UI, first map, soak, idle) and prints each figure beside its target. A whole run takes about 10 to 16 minutes (longer on a busy machine); each benchmark has its own upper bound.',
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
  const report: Record<string, BenchFigures> = {};
  const started = performance.now();
  for (const benchmark of selected) {
    if (!values.json) io.stderr(`running ${benchmark.key}…`);
    report[benchmark.key] = await benchmark.run();
  }
  const totalSeconds = Math.round((performance.now() - started) / 1000);
  // The targets beside the figures they judge, under keys of their own so that runs still compare key by key.
  const targets = Object.fromEntries(
    Object.entries(benchTargets).filter(([key]) => Object.hasOwn(report, key.split('.')[0] ?? '')),
  );
  if (values.json) {
    io.stdout(JSON.stringify({ ...report, targets, run: { totalSeconds } }));
    return 0;
  }
  io.stdout(`${'benchmark'.padEnd(28)}${'value'.padEnd(12)}target`);
  for (const [group, figures] of Object.entries(report)) {
    for (const [name, value] of Object.entries(figures)) {
      const key = `${group}.${name}`;
      const shown = typeof value === 'number' ? String(value) : value.join(' ');
      io.stdout(`${key.padEnd(28)}${shown.padEnd(12)}${benchTargets[key] ?? ''}`);
    }
  }
  io.stdout(`whole run: ${totalSeconds} s`);
  return 0;
}
