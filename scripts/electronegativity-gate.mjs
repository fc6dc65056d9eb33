#!/usr/bin/env node
// @ts-check
/**
 * Runs electronegativity (the Electron security scanner) over a source folder and fails on any
 * finding that the reviewed allow-list does not explain. electronegativity always exits 0, so its
 * CSV report is parsed here. By default it scans electron/ and renderer/ together (copied side by
 * side, so that the main process's global checks see the page and the page's CSP is checked too).
 * Usage: node scripts/electronegativity-gate.mjs [folder] [allowlist.json]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scanRoot = mkdtempSync(join(tmpdir(), 'liqlens-scan-'));
if (process.argv[2]) cpSync(process.argv[2], scanRoot, { recursive: true });
else
  for (const part of ['electron', 'renderer'])
    cpSync(join(root, part), join(scanRoot, part), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
const folder = scanRoot;
const allowlistPath = process.argv[3] ?? join(root, 'security', 'electronegativity-allowlist.json');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const out = mkdtempSync(join(tmpdir(), 'liqlens-electronegativity-'));
const report = join(out, 'report.csv');
const bin = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const scan = () =>
  spawnSync(process.execPath, [bin, '-i', folder, '-r', '-e', electronVersion, '-o', report, '-v', 'false'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
// The scanner sometimes ends without writing its report (it tries the network for release data
// first, which this machine refuses; on a busy machine more often): up to three tries.
let run = scan();
for (let attempt = 2; attempt <= 3 && !existsSync(report); attempt += 1) run = scan();
if (!existsSync(report)) {
  console.error(
    `electronegativity produced no report (exit ${run.status}): ${(run.stderr || run.stdout || '').slice(0, 500)}`,
  );
  process.exit(2);
}

/** Rows of a CSV text; quoted fields may hold commas, doubled quotes and newlines. @param {string} text @returns {string[][]} */
function csvRows(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      row.push(current.trim());
      current = '';
    } else if (char === '\n' && !quoted) {
      row.push(current.trim());
      if (row.some((field) => field !== '')) rows.push(row);
      row = [];
      current = '';
    } else current += char;
  }
  row.push(current.trim());
  if (row.some((field) => field !== '')) rows.push(row);
  return rows;
}

const rows = csvRows(readFileSync(report, 'utf8')).slice(1);
rmSync(out, { recursive: true, force: true });
rmSync(scanRoot, { recursive: true, force: true });
/** @type {{ findings: { check: string; file: string; reason: string }[] }} */
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
const explained = new Set(
  allowlist.findings.filter((f) => f.reason && f.reason.length > 20).map((f) => `${f.check}|${f.file}`),
);

const unexplained = rows.filter(([check = '', , , file = '']) => !explained.has(`${check}|${file}`));
console.log(
  `electronegativity ${electronVersion}: ${rows.length} finding(s), ${rows.length - unexplained.length} explained in ${allowlistPath.replace(root, '')}`,
);
for (const [check, severity, confidence, file, location, sample] of unexplained) {
  console.error(`UNEXPLAINED ${check} (${severity}, ${confidence}) ${file}:${location} ${sample ?? ''}`);
}
process.exit(unexplained.length === 0 ? 0 : 1);
