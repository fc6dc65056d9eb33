import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { runRiskCommand } from './risk';

interface VectorExpectation {
  id: string;
  expected: { liquidationPrice: number; marginRatio: number };
}
const vectors = JSON.parse(
  readFileSync(new URL('../../../shared/risk/testdata/liquidation-vectors.json', import.meta.url), 'utf8'),
) as VectorExpectation[];
const faq = (id: string): VectorExpectation['expected'] => {
  const found = vectors.find((vector) => vector.id === id);
  if (found === undefined) throw new Error(`no vector ${id}`);
  return found.expected;
};

/** The Binance FAQ cross account: ETHUSDT and BTCUSDT longs on one wallet. */
const account = {
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
      side: 'long',
      marginMode: 'cross',
      size: 109.488,
      entryPrice: 32481.98,
      markPrice: 31967.27,
      leverage: 10,
      tiers: [{ floor: 0, cap: null, mmr: 0.025, deduction: 16300 }],
    },
  ],
  whatIf: [
    { op: 'deposit', amount: 100 },
    { op: 'removeMargin', symbol: 'ETHUSDT', amount: 1e9 },
  ],
  questions: [{ ask: 'collateralForTarget', symbol: 'ETHUSDT', targetPrice: 1100 }],
};

interface Output {
  positions: { symbol: string; liquidationPrice: number; marginRatio: number; liquidatable: boolean }[];
  account: { equity: number; maintenanceMargin: number; marginRatio: number };
  whatIf: { positions: { liquidationPrice: number }[]; refused: { index: number; reason: string }[] };
  answers: { ask: string; collateral: number }[];
}

describe('liqlens risk', () => {
  it('prints liquidation prices and ratios as 2-space JSON and returns 0', async () => {
    const { io, out, err } = captureIo({ 'account.json': JSON.stringify(account) });
    expect(await runRiskCommand(['account.json'], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('\n  "positions": [');
    const output = JSON.parse(out[0] ?? '') as Output;
    expect(output.positions[0]?.liquidationPrice).toBeCloseTo(
      faq('bn-usdm-faq-cross-eth-with-btc').liquidationPrice,
      2,
    );
    expect(output.positions[1]?.liquidationPrice).toBeCloseTo(
      faq('bn-usdm-faq-cross-btc-with-eth').liquidationPrice,
      2,
    );
    expect(output.account.marginRatio).toBeCloseTo(faq('bn-usdm-faq-cross-eth-with-btc').marginRatio, 5);
    expect(output.positions[0]?.marginRatio).toBe(output.account.marginRatio);
    expect(output.whatIf.positions[0]?.liquidationPrice).toBeLessThan(output.positions[0]?.liquidationPrice ?? 0);
    expect(output.whatIf.refused.map((refusal) => refusal.index)).toEqual([1]);
    expect(output.answers[0]?.collateral).toBeGreaterThan(0);
  });

  it('reads standard input with -', async () => {
    const { io, out } = captureIo({}, JSON.stringify({ ...account, whatIf: undefined, questions: undefined }));
    expect(await runRiskCommand(['-'], io)).toBe(0);
    const output = JSON.parse(out[0] ?? '') as Partial<Output>;
    expect(output.whatIf).toBeUndefined();
    expect(output.positions).toHaveLength(2);
  });

  it('returns 1 with exactly one line naming the field and the problem on bad input', async () => {
    const bad = { ...account, positions: [{ ...account.positions[0], entryPrice: -5 }] };
    const { io, out, err } = captureIo({ 'bad.json': JSON.stringify(bad) });
    expect(await runRiskCommand(['bad.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['positions[0].entryPrice: expected a positive number']);
  });

  it('returns 1 with one line for unreadable files, broken JSON and wrong arguments', async () => {
    for (const [args, files, pattern] of [
      [['missing.json'], {}, /^missing\.json: cannot be read \(ENOENT/],
      [['broken.json'], { 'broken.json': '{' }, /^input: not valid JSON \(/],
      [[], {}, /^liqlens risk: expected a FILE, or - for standard input/],
      [['a.json', 'b.json'], {}, /^liqlens risk: one file at most, got also "b\.json"/],
    ] as const) {
      const { io, out, err } = captureIo(files);
      expect(await runRiskCommand(args, io)).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(pattern);
    }
  });
});
