#!/usr/bin/env node
// @ts-check
/**
 * Runs electronegativity (the Electron security scanner) over a source folder and fails on any
 * finding that the reviewed allow-list does not explain. By default it scans electron/ and renderer/
 * together (copied side by side, so that the main process's global checks see the page and the
 * page's CSP is checked too).
 * Usage: node scripts/electronegativity-gate.mjs [folder] [allowlist.json]
 * Exit status: 0 when every finding is explained, 1 when one is not, 2 when the scan itself failed.
 *
 * The scanner runs in this process through its documented programmatic API, which returns the
 * findings as objects. Its CLI report is not used: the CLI writes the CSV header and the rows with
 * two concurrent asynchronous writes (one truncating, one appending), so on a busy machine the
 * header can land over the first rows or wipe them, and a report read afterwards is damaged.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import scan from '@doyensec/electronegativity';

const root = fileURLToPath(new URL('..', import.meta.url));
const allowlistPath = process.argv[3] ?? join(root, 'security', 'electronegativity-allowlist.json');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const scanRoot = mkdtempSync(join(tmpdir(), 'liqlens-scan-'));
if (process.argv[2]) cpSync(process.argv[2], scanRoot, { recursive: true });
else
  for (const part of ['electron', 'renderer'])
    cpSync(join(root, part), join(scanRoot, part), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });

/**
 * @typedef {{ id: string; severity: { name: string }; confidence: { name: string }; file: string;
 *   location: { line: number; column: number }; sample?: string }} Finding
 * @type {{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }}
 */
let result;
try {
  result = await scan({
    input: scanRoot,
    isRelative: true,
    electronVersionOverride: electronVersion,
    // This check downloads Electron's release list from GitHub; without network it is skipped
    // after retries, so its verdict would depend on the machine. Electron upgrades are reviewed
    // with the dependency bumps instead.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
  });
} catch (error) {
  console.error(`electronegativity could not scan ${process.argv[2] ?? 'electron/ and renderer/'}: ${String(error)}`);
  process.exit(2);
} finally {
  rmSync(scanRoot, { recursive: true, force: true });
}

// A file the scanner could not parse was not checked at all, so the gate cannot vouch for it.
const unparsed = result.errors.filter((error) => !error.tolerable);
for (const error of unparsed) console.error(`NOT SCANNED ${error.file}: ${error.message}`);

/** @type {{ findings: { check: string; file: string; reason: string }[] }} */
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
const explained = new Set(
  allowlist.findings.filter((f) => f.reason && f.reason.length > 20).map((f) => `${f.check}|${f.file}`),
);
const findings = result.issues;
const unexplained = findings.filter((finding) => !explained.has(`${finding.id}|${finding.file}`));
console.log(
  `electronegativity ${electronVersion}: ${findings.length} finding(s), ${findings.length - unexplained.length} explained in ${allowlistPath.replace(root, '')}`,
);
for (const { id, severity, confidence, file, location, sample } of unexplained) {
  console.error(
    `UNEXPLAINED ${id} (${severity.name}, ${confidence.name}) ${file}:${location.line}:${location.column} ${sample ?? ''}`,
  );
}
process.exit(unparsed.length > 0 ? 2 : unexplained.length === 0 ? 0 : 1);
