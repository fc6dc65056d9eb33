import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { venues } from '../../../shared/domain/venue';
import { applyWhatIf, isWithinReach, parseRiskInput } from '../../../shared/risk/index';
import { riskReport } from './risk';

/**
 * Random accounts, operations and questions, with every figure drawn from ordinary values and from
 * finite but absurd ones (1e12 and beyond, up to 1e308, subnormals): `liqlens risk` either refuses
 * the input in one line naming the field, or prints only finite figures, and no liquidation price
 * outside the reachable band of its own mark.
 */
const absurd = fc.constantFrom(1.0000001e12, 2e15, 1e200, 1e308, Number.MAX_VALUE, 5e-324, 1e-300);
const ordinary = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true });
const figure = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: ordinary(min, max), weight: 30 }, { arbitrary: absurd, weight: 1 });

const tierArb = fc.record({
  floor: fc.constant(0),
  cap: fc.constant(null),
  mmr: ordinary(0.001, 0.3),
  deduction: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: figure(0, 5e4), weight: 1 }),
});

const positionArb = (symbol: string) =>
  fc
    .record({
      side: fc.constantFrom('long', 'short'),
      marginMode: fc.constantFrom('cross', 'isolated'),
      size: figure(0.001, 50),
      entryPrice: figure(0.01, 1e5),
      move: ordinary(0.5, 1.5),
      leverage: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 125 }), weight: 30 }, { arbitrary: absurd, weight: 1 }),
      tiers: fc.array(tierArb, { minLength: 1, maxLength: 1 }),
    })
    .map(({ move, ...position }) => ({ symbol, ...position, markPrice: position.entryPrice * move }));

const opArb = (symbols: readonly string[]) => {
  const symbol = fc.constantFrom(...symbols);
  return fc.oneof(
    fc.record({ op: fc.constant('price'), change: figure(-0.95, 12) }),
    fc.record({ op: fc.constant('price'), symbol, markPrice: figure(0.01, 2e5) }),
    fc.record({ op: fc.constant('close'), symbol, fraction: ordinary(0.01, 1) }),
    fc.record({ op: fc.constant('addMargin'), symbol, amount: figure(1, 1e5) }),
    fc.record({ op: fc.constant('removeMargin'), symbol, amount: figure(1, 1e5) }),
    fc.record({ op: fc.constant('deposit'), amount: figure(1, 1e6) }),
    fc.record({ op: fc.constant('withdraw'), amount: figure(1, 1e6) }),
    fc.record({ op: fc.constant('setLeverage'), symbol, leverage: figure(1, 125) }),
    fc.record({ op: fc.constant('add'), symbol, size: figure(0.001, 10), price: figure(0.01, 1e5) }),
    fc.record({ op: fc.constant('funding'), symbol, rate: figure(-0.01, 0.01), hours: figure(1, 72) }),
  );
};

const questionArb = (symbols: readonly string[]) =>
  fc.oneof(
    fc.record({
      ask: fc.constantFrom('collateralForTarget', 'leverageForTarget'),
      symbol: fc.constantFrom(...symbols),
      targetFactor: figure(0.01, 100),
    }),
    fc.record({
      ask: fc.constant('fundingDrift'),
      symbol: fc.constantFrom(...symbols),
      rate: figure(-0.05, 0.05),
      hours: figure(1, 200),
    }),
  );

const inputArb = fc
  .record({
    venue: fc.constantFrom(...venues),
    walletBalance: figure(0, 1e6),
    positions: fc.constantFrom(['AAA'], ['AAA', 'BBB']).chain((symbols) => fc.tuple(...symbols.map(positionArb))),
  })
  .chain((account) => {
    const symbols = account.positions.map((position) => position.symbol);
    return fc.record({
      account: fc.constant(account),
      whatIf: fc.array(opArb(symbols), { maxLength: 4 }),
      questions: fc.array(questionArb(symbols), { maxLength: 2 }),
    });
  })
  .map(({ account, whatIf, questions }) => ({
    ...account,
    positionMode: 'oneway',
    whatIf,
    questions: questions.map((question) =>
      'targetFactor' in question
        ? {
            ask: question.ask,
            symbol: question.symbol,
            targetPrice:
              (account.positions.find((p) => p.symbol === question.symbol)?.markPrice ?? 1) * question.targetFactor,
          }
        : question,
    ),
  }));

/** Every number in `value`, with its path, for the finiteness check. */
function numbersIn(value: unknown, path = 'output'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

interface Printed {
  positions: { liquidationPrice: number | null }[];
  whatIf?: { positions: { liquidationPrice: number | null }[] };
  answers?: { symbol: string; liquidationPriceNow?: number | null; points?: { liquidationPrice: number | null }[] }[];
}

describe('liqlens risk never prints an absurd figure', () => {
  it('refuses in one line, or prints finite figures and liquidation prices within reach of their marks', () => {
    let printed = 0;
    let refused = 0;
    let beyond = 0;
    fc.assert(
      fc.property(inputArb, (json) => {
        const input = parseRiskInput(JSON.stringify(json));
        if (!input.ok) {
          expect(input.error).toMatch(/^[\w[\].]+: [^\n]+$/);
          refused++;
          return;
        }
        printed++;
        const output = riskReport(input.value) as unknown as Printed;
        if (JSON.stringify(output).includes('"liquidationNote":"beyond reach"')) beyond++;
        for (const [path, number] of numbersIn(output)) expect(Number.isFinite(number), path).toBe(true);
        const marks = input.value.account.positions.map((position) => position.markPrice);
        for (const [index, position] of output.positions.entries()) {
          const price = position.liquidationPrice;
          if (price !== null) expect(isWithinReach(price, marks[index] ?? Number.NaN)).toBe(true);
        }
        for (const drift of output.answers ?? []) {
          const mark = input.value.account.positions.find((p) => p.symbol === drift.symbol)?.markPrice ?? Number.NaN;
          for (const price of [drift.liquidationPriceNow, ...(drift.points ?? []).map((p) => p.liquidationPrice)])
            if (price !== undefined && price !== null) expect(isWithinReach(price, mark)).toBe(true);
        }
        const state = applyWhatIf(input.value.account, input.value.whatIf).state;
        for (const [index, position] of (output.whatIf?.positions ?? []).entries()) {
          const price = position.liquidationPrice;
          if (price !== null) expect(isWithinReach(price, state.positions[index]?.markPrice ?? Number.NaN)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // Every branch was exercised: absurd inputs refused, others printed, some roots beyond reach.
    expect(printed).toBeGreaterThan(150);
    expect(refused).toBeGreaterThan(30);
    expect(beyond).toBeGreaterThan(15);
  });
});
