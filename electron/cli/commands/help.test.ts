import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { runBenchCommand } from './bench';
import { runPositionsCommand } from './positions';
import { riskInputJsonSchema, runRiskCommand } from './risk';
import { runScorecardCommand } from './scorecard';
import { runSimCommand } from './sim';
import { runWatchCommand } from './watch';
import { runWebCommand } from './web';

const commands = {
  risk: runRiskCommand,
  positions: runPositionsCommand,
  sim: runSimCommand,
  scorecard: runScorecardCommand,
  watch: runWatchCommand,
  web: runWebCommand,
  bench: runBenchCommand,
};

describe('every liqlens command', () => {
  it.each(Object.entries(commands))(
    '%s --help prints usage, options and an example, and exits 0',
    async (name, run) => {
      const { io, out, err } = captureIo();
      expect(await run(['--help'], io)).toBe(0);
      const help = out.join('\n');
      expect(help).toMatch(new RegExp(`^usage: liqlens ${name} `));
      expect(help).toContain('\noptions:\n');
      expect(help).toMatch(new RegExp(`\nexample:\n {2}liqlens ${name}[^\n]*$`));
      expect(err).toEqual([]);
    },
  );

  it.each(Object.entries(commands))('%s refuses an unknown option in one line and exits 1', async (name, run) => {
    const { io, out, err } = captureIo();
    expect(await run(['--no-such-option'], io)).toBe(1);
    expect(err).toEqual([`liqlens ${name}: unknown option "--no-such-option" (see liqlens ${name} --help)`]);
    expect(out).toEqual([]);
  });
});

describe('liqlens risk', () => {
  it('refuses a file named like an option in one line', async () => {
    for (const args of [['-account.json'], ['--', '-account.json']]) {
      const { io, err } = captureIo();
      expect(await runRiskCommand(args, io)).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain('./-account.json');
    }
  });

  it('--schema prints the input format as JSON Schema, the same as docs/risk-input.schema.json', async () => {
    const { io, out } = captureIo();
    expect(await runRiskCommand(['--schema'], io)).toBe(0);
    const schema = JSON.parse(out.join('\n')) as {
      $schema: string;
      type: string;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['venue', 'walletBalance', 'positions']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['whatIf', 'questions']));
    const documented: unknown = JSON.parse(
      readFileSync(new URL('../../../docs/risk-input.schema.json', import.meta.url), 'utf8'),
    );
    // When the input format changes: npm run -s liqlens -- risk --schema > docs/risk-input.schema.json && npx prettier --write docs/risk-input.schema.json
    expect(documented).toEqual(riskInputJsonSchema());
  });

  it('answers --help through the liqlens command itself, with exit code 0', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'risk', '--help'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: liqlens risk /);
    expect(result.stderr).toBe('');
  });
});
