import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { Tier } from '../domain/tier';
import type { Venue } from '../domain/venue';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';

/**
 * The worked cases of docs/research/liquidation-formulas.md §8, kept beside the tests
 * (testdata/liquidation-vectors.json).
 */
interface VectorTier {
  maxNotional: number | null;
  mmr: number;
  maintAmount: number;
  floor?: number;
  minContracts?: number;
  maxContracts?: number;
}
interface VectorPosition {
  symbol: string;
  side: 'long' | 'short';
  size: number;
  entryPrice: number;
  leverage: number | null;
  contractSize?: number;
  markPrice?: number;
  isolatedWallet?: number;
  isolatedMargin?: number | null;
  extraMargin?: number;
  maxLeverage?: number;
}
interface Vector {
  id: string;
  venue: Venue;
  mode: 'isolated' | 'cross';
  positionMode: 'oneway' | 'hedge';
  positions: VectorPosition[];
  walletBalance?: number;
  markPrice: number | null;
  tiers: VectorTier[];
  extra?: { otherTiers?: Record<string, VectorTier[]>; takerFeeRate?: number; feeRate?: number };
  expected: {
    liquidationPrice: number | null;
    liquidationPriceRaw?: string;
    marginRatio?: number;
    lpBeforeAdding?: number;
    lpBefore?: number;
  };
}

const vectors = JSON.parse(
  readFileSync(new URL('./testdata/liquidation-vectors.json', import.meta.url), 'utf8'),
) as Vector[];
const byId = (id: string): Vector => {
  const vector = vectors.find((candidate) => candidate.id === id);
  if (vector === undefined) throw new Error(`no vector ${id}`);
  return vector;
};

function toTiers(raw: readonly VectorTier[], byContracts: boolean): Tier[] {
  let floor = 0;
  return raw.map((tier) => {
    const mapped: Tier = byContracts
      ? {
          floor: tier.minContracts ?? 0,
          cap: tier.maxContracts ?? null,
          maintenanceMarginRate: tier.mmr,
          deduction: tier.maintAmount,
          maxLeverage: null,
        }
      : {
          floor: tier.floor ?? floor,
          cap: tier.maxNotional,
          maintenanceMarginRate: tier.mmr,
          deduction: tier.maintAmount,
          maxLeverage: null,
        };
    floor = tier.maxNotional ?? floor;
    return mapped;
  });
}

/** The account a vector describes: its first position is priced, the others are the rest of the cross account. */
function toAccount(
  vector: Vector,
  walletBalance = vector.mode === 'cross' ? (vector.walletBalance ?? 0) : 0,
): RiskAccount {
  const byContracts = vector.venue === 'okx-swap';
  return {
    venue: vector.venue,
    positionMode: vector.positionMode,
    walletBalance,
    takerFeeRate: vector.extra?.takerFeeRate ?? vector.extra?.feeRate ?? 0,
    positions: vector.positions.map((position, index) => {
      const contractSize = position.contractSize ?? 1;
      const openingMargin =
        position.leverage === null ? 0 : (position.size * contractSize * position.entryPrice) / position.leverage;
      const isolatedMargin =
        position.isolatedWallet ?? position.isolatedMargin ?? openingMargin + (position.extraMargin ?? 0);
      const tiers = index === 0 ? vector.tiers : (vector.extra?.otherTiers?.[position.symbol] ?? []);
      return {
        symbol: position.symbol,
        side: position.side,
        marginMode: vector.mode,
        size: position.size,
        contractSize,
        entryPrice: position.entryPrice,
        markPrice: position.markPrice ?? vector.markPrice ?? position.entryPrice,
        leverage: position.leverage,
        isolatedMargin: vector.mode === 'isolated' ? isolatedMargin : 0,
        maxLeverage: position.maxLeverage ?? null,
        tiers: toTiers(tiers, byContracts),
      };
    }),
  };
}

/**
 * One tick of the price: the last decimal place the vector prints (at least 0.1); on Hyperliquid,
 * whose API prints liquidation prices unrounded, the tick of a 5-significant-figure price.
 */
function tick(expected: number, venue: Venue): number {
  if (venue === 'hyperliquid') return 10 ** (Math.floor(Math.log10(expected)) - 4);
  const decimals = (String(expected).split('.')[1] ?? '').length;
  return 10 ** -Math.max(decimals, 1);
}

function expectWithinTick(actual: number | null | undefined, expected: number, venue: Venue = 'binance-usdm'): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(tick(expected, venue) * (1 + 1e-9));
}

describe('every worked case of the vectors file', () => {
  it('has the cases it should', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(28);
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))(
    '%s: liquidation price within one tick',
    (_id, vector) => {
      const result = evaluateAccount(toAccount(vector));
      const position = result.positions[0];
      if (vector.expected.liquidationPrice === null) {
        expect(position?.liquidationPrice).toBeNull();
        return;
      }
      expectWithinTick(position?.liquidationPrice, vector.expected.liquidationPrice, vector.venue);
      if (vector.expected.liquidationPriceRaw !== undefined) {
        expect(position?.liquidationPrice).toBeCloseTo(Number(vector.expected.liquidationPriceRaw), 6);
      }
    },
  );

  const withRatio = vectors.filter((vector) => vector.expected.marginRatio !== undefined);
  it.each(withRatio.map((vector) => [vector.id, vector] as const))(
    '%s: margin ratio in the venue convention',
    (_id, vector) => {
      const position = evaluateAccount(toAccount(vector)).positions[0];
      expect(position?.venueMarginRatio).toBeCloseTo(vector.expected.marginRatio ?? Number.NaN, 5);
      // The comparable ratio is the venue's on every venue but OKX, where it is the reciprocal.
      const comparable =
        vector.venue === 'okx-swap' ? 1 / (vector.expected.marginRatio ?? Number.NaN) : vector.expected.marginRatio;
      expect(position?.marginRatio).toBeCloseTo(comparable ?? Number.NaN, 5);
    },
  );

  it('bn-usdm-faq: the account cross ratio is the FAQ example account ratio', () => {
    const account = evaluateAccount(toAccount(byId('bn-usdm-faq-cross-eth-with-btc'))).account;
    expect(account.marginRatio).toBeCloseTo(
      byId('bn-usdm-faq-cross-eth-with-btc').expected.marginRatio ?? Number.NaN,
      5,
    );
    expect(account.cross?.marginRatio).toBe(account.marginRatio);
  });
});

describe('what-if cases of the vectors file', () => {
  it('bn-usdm-125x-long + add 100 collateral = bn-usdm-125x-long-add-100-margin', () => {
    const start = toAccount(byId('bn-usdm-125x-long'), 1000);
    const after = applyWhatIf(start, [{ op: 'addMargin', symbol: 'BTCUSDT', amount: 100 }]);
    expect(after.refused).toEqual([]);
    expectWithinTick(
      after.positions[0]?.liquidationPrice,
      byId('bn-usdm-125x-long-add-100-margin').expected.liquidationPrice ?? Number.NaN,
    );
    expect(after.state.walletBalance).toBe(900);
  });

  it('bn-usdm-iso-leverage-raise-10x-to-20x: raising keeps the isolated wallet and the liquidation price', () => {
    const vector = byId('bn-usdm-iso-leverage-raise-10x-to-20x');
    const opened = toAccount(vector);
    const at10x = { ...opened, positions: opened.positions.map((position) => ({ ...position, leverage: 10 })) };
    const after = applyWhatIf(at10x, [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 20 }]);
    expect(after.refused).toEqual([]);
    expect(after.state.positions[0]?.isolatedMargin).toBe(6000);
    expectWithinTick(after.positions[0]?.liquidationPrice, vector.expected.liquidationPrice ?? Number.NaN);
  });

  it('bybit-usdt-iso-add-margin-1000: 9,500 before, 8,500 after adding 1,000', () => {
    const vector = byId('bybit-usdt-iso-add-margin-1000');
    const base = toAccount(vector, 5000);
    const before = { ...base, positions: base.positions.map((position) => ({ ...position, isolatedMargin: 500 })) };
    expectWithinTick(
      evaluateAccount(before).positions[0]?.liquidationPrice,
      vector.expected.lpBeforeAdding ?? Number.NaN,
    );
    const after = applyWhatIf(before, [{ op: 'addMargin', symbol: 'BTCUSDT', amount: 1000 }]);
    expectWithinTick(after.positions[0]?.liquidationPrice, vector.expected.liquidationPrice ?? Number.NaN);
  });

  it('bybit-usdt-iso-add-margin-then-add-position: the added margin is spread over the enlarged position', () => {
    const after = applyWhatIf(toAccount(byId('bybit-usdt-iso-add-margin-1000'), 5000), [
      { op: 'add', symbol: 'BTCUSDT', size: 1, price: 10000 },
    ]);
    expect(after.refused).toEqual([]);
    expectWithinTick(
      after.positions[0]?.liquidationPrice,
      byId('bybit-usdt-iso-add-margin-then-add-position').expected.liquidationPrice ?? Number.NaN,
    );
  });

  it('bybit-usdt-iso-leverage-change-resets-extra-margin: 8,500 with added margin, 9,000 after going to 10x', () => {
    const vector = byId('bybit-usdt-iso-leverage-change-resets-extra-margin');
    const withExtra = toAccount(byId('bybit-usdt-iso-add-margin-1000'), 5000);
    expectWithinTick(evaluateAccount(withExtra).positions[0]?.liquidationPrice, vector.expected.lpBefore ?? Number.NaN);
    const after = applyWhatIf(withExtra, [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 10 }]);
    expect(after.refused).toEqual([]);
    expectWithinTick(after.positions[0]?.liquidationPrice, vector.expected.liquidationPrice ?? Number.NaN);
    expect(after.state.walletBalance).toBe(5500);
  });
});
