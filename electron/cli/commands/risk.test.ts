import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/capture-io';
import { faqCrossAccount } from '../../../test/support/faq-cross-account';
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

/** The Binance FAQ cross account: ETHUSDT and BTCUSDT longs on one wallet, with a what-if and a question. */
const account = {
  ...faqCrossAccount,
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

  it('prints a liquidation price beyond reach as null with the note and the exact root', async () => {
    // The Demo's hedged cross BTC pair; closing half of the long leaves a root near 1.4 billion.
    const hedge = {
      ...(JSON.parse(
        readFileSync(new URL('../../../shared/risk/testdata/demo-hedge.json', import.meta.url), 'utf8'),
      ) as object),
      whatIf: [{ op: 'close', symbol: 'BTCUSDT', side: 'long', fraction: 0.5 }],
    };
    const { io, out, err } = captureIo({ 'hedge.json': JSON.stringify(hedge) });
    expect(await runRiskCommand(['hedge.json'], io)).toBe(0);
    expect(err).toEqual([]);
    const output = JSON.parse(out[0] ?? '') as {
      positions: { liquidationPrice: number | null }[];
      whatIf: {
        positions: {
          liquidationPrice: number | null;
          liquidationNote?: string;
          liquidationRoot?: number;
          distance: number | null;
        }[];
      };
    };
    expect(output.positions[0]?.liquidationPrice).toBeCloseTo(22_806.8, 0);
    expect(output.positions[0]).not.toHaveProperty('liquidationNote');
    for (const position of output.whatIf.positions) {
      expect(position).toMatchObject({ liquidationPrice: null, liquidationNote: 'beyond reach', distance: null });
      expect(position.liquidationRoot).toBeGreaterThan(10 * 53_587.91);
    }
  });

  it('refuses a price change of 1e308 in one line instead of printing null equity', async () => {
    const huge = { ...account, questions: undefined, whatIf: [{ op: 'price', change: 1e308 }] };
    const { io, out, err } = captureIo({ 'huge.json': JSON.stringify(huge) });
    expect(await runRiskCommand(['huge.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['whatIf[0].change: expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)']);
  });

  it('refuses a target on the wrong side of the mark with the reason instead of offering a withdrawal', async () => {
    const wallet = {
      venue: 'binance-usdm',
      positionMode: 'oneway',
      walletBalance: 1000,
      positions: [
        {
          symbol: 'BTCUSDT',
          side: 'long',
          marginMode: 'isolated',
          size: 0.1,
          entryPrice: 50_000,
          markPrice: 50_000,
          leverage: 10,
          tiers: [{ floor: 0, cap: null, mmr: 0.004 }],
        },
      ],
      questions: [
        { ask: 'collateralForTarget', symbol: 'BTCUSDT', targetPrice: 1e12 },
        { ask: 'leverageForTarget', symbol: 'BTCUSDT', targetPrice: 60_000 },
        { ask: 'collateralForTarget', symbol: 'BTCUSDT', targetPrice: 40_000 },
      ],
    };
    const { io, out } = captureIo({ 'wallet.json': JSON.stringify(wallet) });
    expect(await runRiskCommand(['wallet.json'], io)).toBe(0);
    const output = JSON.parse(out[0] ?? '') as { answers: { refused?: string; collateral?: number }[] };
    expect(output.answers[0]).toMatchObject({
      refused: 'the target 1000000000000 is not below the mark 50000: a long liquidates below the mark',
    });
    expect(output.answers[0]).not.toHaveProperty('collateral');
    expect(output.answers[1]?.refused).toMatch(/^the target 60000 is not below the mark 50000/);
    // A target below the mark gets an answer of the size of the account: 0.1 BTC × about 5,200 further.
    expect(output.answers[2]?.collateral).toBeGreaterThan(0);
    expect(output.answers[2]?.collateral).toBeLessThan(1000);
  });
});
