#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: every check that can run on this machine, in order: typecheck, lint (TypeScript and CSS), the format check, unit and
 * integration tests (Vitest), end-to-end tests (Playwright: web mode in Chromium, and the
 * Electron app where a runtime exists). It runs every phase even after a failure, then prints
 * one closing line with the totals and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(`${root}/test-results`, { recursive: true });

/** @type {{ name: string; ok: boolean; passed: number; failed: number; skipped: number }[]} */
const phases = [];

/**
 * @param {string} name @param {string[]} args @param {() => { passed: number; failed: number; skipped: number }} [count]
 * @param {Record<string, string>} [env] extra environment for this phase
 */
function phase(name, args, count, env = {}) {
  console.log(`\n=== ${name}: npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (count) {
    try {
      counts = count();
    } catch (error) {
      console.error(`${name}: could not read its report (${String(error)})`);
    }
  }
  phases.push({ name, ok, ...counts, failed: counts.failed + (ok || counts.failed > 0 ? 0 : 1) });
}

/**
 * Lines naming every skipped end-to-end test and the reason its spec gave, so a skip is never silent,
 * and every failed one with the first lines of its error.
 * @param {any[]} suites Playwright JSON reporter suites
 * @returns {string[]}
 */
function e2eOutcomes(suites) {
  /** @type {string[]} */
  const lines = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const error =
            (test.results ?? []).map((/** @type {any} */ r) => r.error?.message).find(Boolean) ?? 'no message';
          lines.push(
            `failed: ${spec.file} › ${spec.title}\n    ${String(error).split('\n').slice(0, 6).join('\n    ')}`,
          );
          continue;
        }
        if (test.status !== 'skipped') continue;
        const reason =
          (test.annotations ?? []).find((/** @type {{type: string}} */ a) => a.type === 'skip')?.description ??
          'no reason given';
        lines.push(`skipped: ${spec.title} — ${reason}`);
      }
    }
    lines.push(...e2eOutcomes(suite.suites ?? []));
  }
  return lines;
}

/**
 * Lines naming every failed unit or integration test with the first lines of its message, so the
 * closing summary alone says what broke.
 * @param {any} report Vitest JSON reporter output
 * @returns {string[]}
 */
function unitFailures(report) {
  /** @type {string[]} */
  const lines = [];
  for (const file of report.testResults ?? []) {
    const relative = String(file.name ?? '').replace(root, '');
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const message = String((test.failureMessages ?? [])[0] ?? 'no message')
        .split('\n')
        .slice(0, 6)
        .join('\n    ');
      lines.push(`failed: ${relative} › ${test.fullName}\n    ${message}`);
    }
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed')
      lines.push(`failed: ${relative} › ${String(file.message ?? '').split('\n')[0]}`);
  }
  return lines;
}

/** @type {string[]} */
const failureLines = [];

/** @param {string} path */
function readJson(path) {
  return JSON.parse(readFileSync(`${root}/${path}`, 'utf8'));
}

phase('typecheck', ['tsc', '-p', 'tsconfig.shared.json', '--noEmit']);
phase('typecheck', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
phase('typecheck', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
phase('typecheck', ['tsc', '-p', 'tsconfig.test.json', '--noEmit']);
phase('lint', ['eslint', '.', '--max-warnings', '0']);
phase('lint css', ['stylelint', 'renderer/**/*.css']);
phase('format', ['prettier', '--check', '.', '--log-level', 'warn']);
// Some integration tests start the app as a user would (`liqlens web`), which serves the built renderer.
phase('build', ['electron-vite', 'build', '--logLevel', 'warn']);
phase(
  'unit and integration',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  () => {
    const report = readJson('test-results/unit.json');
    failureLines.push(...unitFailures(report));
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  },
);
{
  const unit = phases.at(-1);
  // Vitest fails a run on an error outside any test (an unhandled rejection or exception) while every test passed.
  if (unit && !unit.ok && unit.failed === 1 && !failureLines.some((line) => line.startsWith('failed: ')))
    failureLines.push(
      'failed: unit and integration › an error outside any test (see "Unhandled Errors" in the Vitest output above)',
    );
}
if (existsSync(chromium)) {
  phase(
    'end to end',
    ['playwright', 'test'],
    () => {
      const report = readJson('test-results/e2e-report.json');
      for (const line of e2eOutcomes(report.suites ?? [])) {
        if (line.startsWith('failed:')) failureLines.push(line);
        else console.log(line);
      }
      const { stats } = report;
      return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
    },
    phases.find((p) => p.name === 'build')?.ok ? { LIQLENS_E2E_SKIP_BUILD: '1' } : {},
  );
} else {
  console.error(
    `\n=== end to end: Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  phases.push({ name: 'end to end', ok: false, passed: 0, failed: 1, skipped: 0 });
}

console.log('\n=== summary');
for (const line of failureLines) console.log(line);
for (const p of phases) {
  const tests =
    p.passed + p.failed + p.skipped > 0 ? ` (${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped)` : '';
  console.log(`${p.ok ? 'ok  ' : 'FAIL'} ${p.name}${tests}`);
}
const total = phases.reduce(
  (sum, p) => ({ passed: sum.passed + p.passed, failed: sum.failed + p.failed, skipped: sum.skipped + p.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(phases.every((p) => p.ok) ? 0 : 1);
