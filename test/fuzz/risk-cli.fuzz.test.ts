import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/cli-io';
import { runRiskCommand } from '../../electron/cli/commands/risk';
import { hostileJson, hostileString, nestedText, protoPayloadText } from './adversarial';

/** A valid two-position cross account; mutations of it reach deep into the schema, not just the root. */
const validAccount = {
  venue: 'binance-usdm',
  positionMode: 'oneway',
  walletBalance: 1535443.01,
  positions: [
    {
      symbol: 'ETHUSDT',
      side: 'long',
      marginMode: 'cross',
      size: 3683.979,
      entryPrice: 1456.84,
      markPrice: 1335.18,
      leverage: 10,
      tiers: [{ floor: 0, cap: null, mmr: 0.1, deduction: 135365 }],
    },
    {
      symbol: 'BTCUSDT',
      side: 'short',
      marginMode: 'isolated',
      size: 1.5,
      entryPrice: 32481.98,
      markPrice: 31967.27,
      leverage: 20,
      isolatedMargin: 2500,
      tiers: [{ floor: 0, cap: null, mmr: 0.025, deduction: 16300 }],
    },
  ],
  whatIf: [
    { op: 'deposit', amount: 100 },
    { op: 'close', symbol: 'BTCUSDT', fraction: 0.5 },
    { op: 'price', change: -0.2 },
  ],
  questions: [
    { ask: 'collateralForTarget', symbol: 'ETHUSDT', targetPrice: 1100 },
    { ask: 'fundingDrift', symbol: 'BTCUSDT', rate: 0.0001, hours: 24 },
  ],
};

/** Every path (array of keys) inside a JSON value, root included. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  const paths: (readonly (string | number)[])[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A deep copy of `root` with the value at `path` replaced (or the key removed when `replacement` is undefined). */
function mutate(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const accountPaths = pathsOf(validAccount);
const mutatedAccount = fc
  .tuple(fc.constantFrom(...accountPaths), fc.option(hostileJson, { nil: undefined }))
  .map(([path, value]) => JSON.stringify(mutate(validAccount, path, value)));

interface Outcome {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the command with `text` on stdin; rejects when it takes longer than `limitMs` (a hang). */
async function runOnStdin(text: string, limitMs = 5_000): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => text,
    readFile: async () => text,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`risk did not answer within ${limitMs} ms`)), limitMs);
  });
  try {
    const code = await Promise.race([runRiskCommand(['-'], io), hang]);
    return { code, out, err };
  } finally {
    clearTimeout(timer);
  }
}

/** The CLI's promise: exit 0 with one JSON document, or exit 1 with exactly one line naming a field. */
function expectCleanOutcome({ code, out, err }: Outcome): void {
  if (code === 0) {
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(() => JSON.parse(out[0] ?? '') as unknown).not.toThrow();
    return;
  }
  expect(code).toBe(1);
  expect(out).toEqual([]);
  expect(err).toHaveLength(1);
  const line = err[0] ?? '';
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\bat .*\.(ts|js):\d+/);
  // "<field path>: <problem>", the root being called "input".
  expect(line).toMatch(/^(input|[A-Za-z_$][\w$]*(\[\d+\])*(\.[^\s:]+)*(\[\d+\])*): \S/);
}

describe('liqlens risk under random and adversarial input', () => {
  it('answers any JSON value with a result or one line naming a field', async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, async (value) =>
        expectCleanOutcome(await runOnStdin(JSON.stringify(value) ?? 'null')),
      ),
      { numRuns: 300, verbose: 1 },
    );
  });

  it('answers a valid account with one field broken anywhere, without a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedAccount, async (text) => expectCleanOutcome(await runOnStdin(text))),
      { numRuns: 400, verbose: 1 },
    );
  });

  it('answers text that is not JSON (including newlines and truncated documents) with one line', async () => {
    const full = JSON.stringify(validAccount);
    const texts = fc.oneof(
      hostileString,
      fc.nat({ max: full.length - 1 }).map((cut) => full.slice(0, cut)),
      fc.string({ maxLength: 30 }).map((noise) => `\n\n${noise}\n{\n`),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => expectCleanOutcome(await runOnStdin(text))),
      { numRuns: 300, verbose: 1 },
    );
  });

  it('survives deep nesting, prototype keys and a huge document', async () => {
    for (const text of [
      nestedText(5_000, true),
      JSON.stringify(validAccount).replace('"positions":', `"positions":${nestedText(3_000, false)},"x":`),
      protoPayloadText(JSON.stringify(validAccount)),
      JSON.stringify({ ...validAccount, positions: Array.from({ length: 20_000 }, () => validAccount.positions[0]) }),
      JSON.stringify({ ...validAccount, positions: [{ ...validAccount.positions[0], symbol: 'x'.repeat(1_000_000) }] }),
    ])
      expectCleanOutcome(await runOnStdin(text, 20_000));
    expect(Object.prototype).not.toHaveProperty('a');
  }, 60_000);
});

describe('liqlens risk as a real process', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const cli = fileURLToPath(new URL('../../electron/cli/main.ts', import.meta.url));

  function spawnRisk(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, 'risk', '-'], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('liqlens risk hung'));
      }, 30_000);
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(stdin);
    });
  }

  it.each([
    ['truncated JSON with a newline inside', '{\n"venue": "binance-usdm",\n"positions": [', 1],
    ['a prototype-pollution document', protoPayloadText('{"walletBalance":1}'), 1],
    ['a wrong type deep inside', JSON.stringify(mutate(validAccount, ['positions', 0, 'tiers', 0, 'mmr'], 'ten')), 1],
    ['a valid account', JSON.stringify(validAccount), 0],
  ])(
    '%s: exits cleanly with one stderr line or JSON',
    async (_name, stdin, expectedCode) => {
      const result = await spawnRisk(stdin);
      expect(result.code).toBe(expectedCode);
      if (expectedCode === 0) {
        expect(result.stderr).toBe('');
        expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
      } else {
        expect(result.stdout).toBe('');
        expect(result.stderr.endsWith('\n')).toBe(true);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(/^[^\s:]+: /);
        expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
      }
    },
    40_000,
  );
});
