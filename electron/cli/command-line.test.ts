import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/support/capture-io';
import { defineCommand, parseCommand } from './command-line';

const spec = defineCommand({
  name: 'demo',
  synopsis: 'FILE|- [--port N] [--json]',
  description: 'Reads a file.',
  options: { port: { type: 'string', default: '0' }, json: { type: 'boolean', default: false } },
  optionHelp: { port: 'where to listen', json: 'print JSON' },
  maxFiles: 1,
  example: 'liqlens demo account.json --json',
});

describe('parseCommand', () => {
  it('prints usage, every option with its default, and an example for --help and -h, and yields 0', () => {
    for (const flag of ['--help', '-h']) {
      const { io, out, err } = captureIo();
      expect(parseCommand(spec, ['account.json', flag], io)).toBe(0);
      const help = out.join('\n');
      expect(help).toMatch(/^usage: liqlens demo FILE\|- \[--port N\] \[--json\]/);
      expect(help).toMatch(/--port VALUE\s+where to listen \(default: 0\)/);
      expect(help).toMatch(/--json\s+print JSON\n/);
      expect(help).toMatch(/-h, --help\s+show this help/);
      expect(help).toMatch(/example:\n {2}liqlens demo account\.json --json$/);
      expect(err).toEqual([]);
    }
  });

  it('returns the typed values and the file', () => {
    const parsed = parseCommand(spec, ['--port', '8080', 'a.json'], captureIo().io);
    expect(parsed).toMatchObject({ values: { port: '8080', json: false }, positionals: ['a.json'] });
    expect(parseCommand(spec, ['-'], captureIo().io)).toMatchObject({ positionals: ['-'] });
  });

  it.each([
    [['--nope'], 'unknown option "--nope"'],
    [['-x.json'], 'unknown option "-x.json"; a file so named is written ./-x.json'],
    [['--', '-x.json'], '"-x.json" looks like an option, not a file: write ./-x.json'],
    [['--port'], 'option "--port" needs a value'],
    [['--json=yes'], 'option "--json" takes no value'],
    [['a.json', 'b.json'], 'one file at most, got also "b.json"'],
  ])('refuses %j in one line and yields 1', (args, problem) => {
    const { io, out, err } = captureIo();
    expect(parseCommand(spec, args, io)).toBe(1);
    expect(err).toEqual([`liqlens demo: ${problem} (see liqlens demo --help)`]);
    expect(out).toEqual([]);
  });

  it('treats --help after -- as a file name, not a request for help', () => {
    const { io, err } = captureIo();
    expect(parseCommand(spec, ['--', '--help'], io)).toBe(1);
    expect(err[0]).toContain('"--help" looks like an option');
  });
});
