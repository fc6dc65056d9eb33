import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { alertEngineStateSchema } from '../../shared/alerts';
import { openAccountRegistry } from '../../electron/core/accounts/account-registry';
import { openAlertHistory } from '../../electron/core/alerts/alert-history';
import { createRecorder } from '../../electron/core/recorder/recorder';
import { openConfSettingsStore } from '../../electron/core/settings/conf-settings-store';
import { readJsonFile } from '../../electron/core/storage/json-file';
import { accountAt, afterAdd, eventAt, heartbeatAt, minuteAt, sequenceAt } from './crash-plan';

const kills = 15;
const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** What a killed child reported: the last step it finished and whether it had begun the next. */
interface Report {
  lastDone: number;
  begunNext: boolean;
  output: string;
}

/** Runs the writer for `run` and SIGKILLs it `delayMs` after it said it was ready. */
function runAndKill(dataDir: string, run: number, delayMs: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(run)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (timer === undefined && output.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal !== 'SIGKILL')
        return reject(new Error(`the writer ended by itself (${signal ?? 'exit'}): ${errors.slice(0, 800)}`));
      const steps = [...output.matchAll(/^done (\d+)$/gm)].map((match) => Number(match[1]));
      const lastDone = steps.length === 0 ? -1 : Math.max(...steps);
      resolve({ lastDone, begunNext: output.includes(`begin ${lastDone + 1}\n`), output });
    });
  });
}

/** Every file under `dir`, relative names. */
function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

describe('a crash in the middle of writes loses nothing already saved', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`survives ${kills} SIGKILLs at random moments`, async () => {
    // A fixed seed for the kill moments, printed so a failure can be replayed.
    let seed = Number(process.env['LIQLENS_CRASH_SEED'] ?? Date.now() % 100_000);
    console.log(`crash-writes seed ${seed} (set LIQLENS_CRASH_SEED to replay)`);
    const random = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;

    let accounts: string[] = [];
    let heartbeat = 1000;
    let sequence: number | null = null;
    const savedEvents = new Set<string>();
    const savedMinutes = new Set<number>();
    const tempCounts: number[] = [];
    let lastTemporaries: string[] = [];

    for (let run = 1; run <= kills; run++) {
      const report = await runAndKill(dataDir, run, 20 + Math.floor(random() * 400));
      const { lastDone, begunNext } = report;
      // The model after every reported step; the step in flight may or may not have landed.
      const pending = lastDone + 1;
      for (let step = 0; step <= lastDone; step++) {
        accounts = afterAdd(accounts, accountAt(run, step).id);
        savedEvents.add(eventAt(run, step).id);
        savedMinutes.add(minuteAt(run, step));
      }
      if (lastDone >= 0) {
        heartbeat = heartbeatAt(run, lastDone);
        sequence = sequenceAt(run, lastDone);
      }

      const context = `run ${run}, seed ${seed}, last step done ${lastDone}, next begun ${begunNext}`;
      const settings = openConfSettingsStore(dataDir, Date.now());
      expect(settings.problems, context).toEqual([]);
      const heartbeats = begunNext ? [heartbeat, heartbeatAt(run, pending)] : [heartbeat];
      expect(heartbeats, context).toContain(settings.get().heartbeatMs);

      const registry = openAccountRegistry(dataDir, Date.now());
      expect(registry.problem, context).toBeUndefined();
      const ids = registry.list().map((record) => record.id);
      const withPending = [...accounts, accountAt(run, pending).id];
      const allowed = begunNext ? [accounts, withPending, afterAdd(accounts, accountAt(run, pending).id)] : [accounts];
      expect(allowed, context).toContainEqual(ids);
      accounts = ids;

      const history = openAlertHistory(join(dataDir, 'alerts', 'history.jsonl'))
        .list()
        .map((event) => event.id);
      const recent = new Set(history);
      // The history shows the newest 500: every saved event of that window must be there.
      for (const id of [...savedEvents].slice(-400)) expect(recent.has(id), `${context}: event ${id}`).toBe(true);

      if (sequence !== null || begunNext) {
        const state = readJsonFile(
          join(dataDir, 'alerts', 'state.json'),
          alertEngineStateSchema,
          null,
          Date.now(),
          'alert state',
        );
        expect(state.problem, context).toBeUndefined();
        const sequences = [sequence, begunNext ? sequenceAt(run, pending) : null].filter((value) => value !== null);
        expect(sequences, context).toContain(state.value?.sequence);
        if (state.value) sequence = state.value.sequence;
      }

      const recording = await createRecorder(dataDir, 'production').read(
        'binance-usdm',
        'BTCUSDT',
        -Infinity,
        Infinity,
      );
      const minutes = new Set(recording.openInterest.map((point) => point.timeMs));
      for (const minute of savedMinutes) expect(minutes.has(minute), `${context}: minute ${minute}`).toBe(true);
      heartbeat = settings.get().heartbeatMs;

      const names = allFiles(dataDir);
      expect(
        names.filter((name) => name.includes('.corrupt-')),
        context,
      ).toEqual([]);
      const temporaries = names.filter((name) => /\.tmp|tmp-/.test(name));
      tempCounts.push(temporaries.length);
      lastTemporaries = temporaries;
    }
    // Killed writes may leave a temporary file, but a start cleans them: they never pile up.
    expect(
      Math.max(...tempCounts),
      `temporary files after each kill: ${tempCounts.join(', ')}; last: ${lastTemporaries.join(', ')}`,
    ).toBeLessThanOrEqual(3);
    expect(savedEvents.size).toBeGreaterThan(0);
    // Fifteen writer processes start through tsx one after another: minutes on a busy machine. The
    // limit only catches a hang.
  }, 600_000);
});
