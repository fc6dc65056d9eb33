import { describe, expect, it } from 'vitest';
import { parseRiskInput } from './input-errors';

const position = {
  symbol: 'ETHUSDT',
  side: 'long',
  marginMode: 'cross',
  size: 3683.979,
  contractSize: 1,
  entryPrice: 1456.84,
  markPrice: 1335.18,
  leverage: 10,
  isolatedMargin: 0,
  maxLeverage: 50,
  tiers: [{ floor: 0, cap: 50000, mmr: 0.004, deduction: 0 }],
};
const input = {
  venue: 'binance-usdm',
  positionMode: 'oneway',
  walletBalance: 1535443.01,
  takerFeeRate: 0.0005,
  positions: [position],
  whatIf: [{ op: 'addMargin', symbol: 'ETHUSDT', side: 'long', amount: 100 }],
};
const errorOf = (value: unknown): string => {
  const parsed = parseRiskInput(JSON.stringify(value));
  return parsed.ok ? 'parsed' : parsed.error;
};
const withPosition = (changes: Record<string, unknown>): unknown => ({
  ...input,
  positions: [{ ...position, ...changes }],
});

describe('risk input schema', () => {
  it('accepts the documented shape and maps it to domain types with defaults', () => {
    const parsed = parseRiskInput(
      JSON.stringify({
        ...input,
        takerFeeRate: undefined,
        positions: [{ ...position, contractSize: undefined, tiers: [{ floor: 0, cap: null, mmr: 0.01 }] }],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.account).toMatchObject({
      takerFeeRate: 0,
      positions: [
        { contractSize: 1, leverage: 10, tiers: [{ maintenanceMarginRate: 0.01, deduction: 0, maxLeverage: null }] },
      ],
    });
    expect(parsed.value.whatIf).toEqual(input.whatIf);
  });

  it('derives Hyperliquid tiers from maxLeverage and an isolated margin from the leverage', () => {
    const parsed = parseRiskInput(
      JSON.stringify({
        ...input,
        venue: 'hyperliquid',
        positions: [{ ...position, marginMode: 'isolated', isolatedMargin: undefined, tiers: undefined }],
      }),
    );
    expect(parsed.ok && parsed.value.account.positions[0]).toMatchObject({
      isolatedMargin: (3683.979 * 1456.84) / 10,
      tiers: [{ maintenanceMarginRate: 0.01 }],
    });
  });

  it.each([
    ['a negative entry price', withPosition({ entryPrice: -1 }), 'positions[0].entryPrice: expected a positive number'],
    ['a string size', withPosition({ size: '3' }), 'positions[0].size: expected a positive number'],
    ['a missing venue', { ...input, venue: undefined }, 'venue: required'],
    [
      'an unknown venue',
      { ...input, venue: 'ftx' },
      'venue: expected one of binance-usdm, binance-coinm, bybit-linear, okx-swap, hyperliquid',
    ],
    ['an unknown side', withPosition({ side: 'up' }), 'positions[0].side: expected one of long, short'],
    ['a misspelt field', withPosition({ entryprice: 1 }), 'positions[0].entryprice: unknown field'],
    ['no tiers', withPosition({ tiers: [] }), 'positions[0].tiers: expected at least one tier'],
    [
      'a rate of 1 or more',
      withPosition({ tiers: [{ floor: 0, cap: null, mmr: 1.5 }] }),
      'positions[0].tiers[0].mmr: expected a fraction below 1',
    ],
    [
      'tiers out of order',
      withPosition({
        tiers: [
          { floor: 0, cap: 10, mmr: 0.01 },
          { floor: 0, cap: null, mmr: 0.02 },
        ],
      }),
      "positions[0].tiers[1].floor: expected above the previous tier's floor",
    ],
    [
      'an open middle tier',
      withPosition({
        tiers: [
          { floor: 0, cap: null, mmr: 0.01 },
          { floor: 10, cap: null, mmr: 0.02 },
        ],
      }),
      'positions[0].tiers[0].cap: only the last tier may have no cap',
    ],
    [
      'an isolated position without margin or leverage',
      withPosition({ marginMode: 'isolated', isolatedMargin: undefined, leverage: undefined }),
      'positions[0].isolatedMargin: required for an isolated position (or give leverage)',
    ],
    [
      'margin on a cross position',
      withPosition({ isolatedMargin: 5 }),
      'positions[0].isolatedMargin: only isolated positions hold their own margin',
    ],
    [
      'a symbol twice in one-way mode',
      { ...input, positions: [position, { ...position, side: 'short' }] },
      'positions[1].symbol: ETHUSDT appears twice in oneway mode',
    ],
    [
      'hedge mode on Hyperliquid',
      { ...input, venue: 'hyperliquid', positionMode: 'hedge' },
      'positionMode: Hyperliquid has one-way positions only',
    ],
    [
      'Hyperliquid without tiers or max leverage',
      { ...input, venue: 'hyperliquid', positions: [{ ...position, tiers: undefined, maxLeverage: undefined }] },
      'positions[0].maxLeverage: required when tiers are not given',
    ],
    [
      'an unknown operation',
      { ...input, whatIf: [{ op: 'hodl' }] },
      'whatIf[0].op: expected one of addMargin, removeMargin, deposit, withdraw, setLeverage, close, add, setMarginMode, price, funding',
    ],
    [
      'a negative amount',
      { ...input, whatIf: [{ op: 'addMargin', symbol: 'ETHUSDT', amount: -5 }] },
      'whatIf[0].amount: expected a positive number',
    ],
    [
      'a close with both fraction and size',
      { ...input, whatIf: [{ op: 'close', symbol: 'ETHUSDT', fraction: 0.5, size: 1 }] },
      'whatIf[0].fraction: give exactly one of fraction and size',
    ],
    [
      'a mark without a symbol',
      { ...input, whatIf: [{ op: 'price', markPrice: 5 }] },
      'whatIf[0].symbol: required with markPrice',
    ],
    [
      'a crash of 100 %',
      { ...input, whatIf: [{ op: 'price', change: -1 }] },
      'whatIf[0].change: expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
    ],
    [
      'a price change of 1e308',
      { ...input, whatIf: [{ op: 'price', change: 1e308 }] },
      'whatIf[0].change: expected a relative change from -0.9 to 9 (the mark within 1/10 to 10x)',
    ],
    [
      'a mark beyond 1e12',
      withPosition({ markPrice: 2e12 }),
      'positions[0].markPrice: expected a price from 1e-12 to 1e12',
    ],
    [
      'a scenario mark beyond 1e12',
      { ...input, whatIf: [{ op: 'price', symbol: 'ETHUSDT', markPrice: 1e13 }] },
      'whatIf[0].markPrice: expected a price from 1e-12 to 1e12',
    ],
    [
      'a target beyond 1e12',
      { ...input, questions: [{ ask: 'collateralForTarget', symbol: 'ETHUSDT', targetPrice: 1e308 }] },
      'questions[0].targetPrice: expected a price from 1e-12 to 1e12',
    ],
    ['a wallet of 1e308', { ...input, walletBalance: 1e308 }, 'walletBalance: expected at most 1e15'],
    ['a leverage of 1e6', withPosition({ leverage: 1e6 }), 'positions[0].leverage: expected a leverage from 1 to 1000'],
    [
      'a funding rate of 5 per interval',
      { ...input, questions: [{ ask: 'fundingDrift', symbol: 'ETHUSDT', rate: 5, hours: 8 }] },
      'questions[0].rate: expected a funding rate from -1 to 1',
    ],
    [
      'a deduction larger than the notional at the mark',
      withPosition({ size: 1, tiers: [{ floor: 0, cap: null, mmr: 0.01, deduction: 5000 }] }),
      "positions[0].tiers[0].deduction: expected at most the position's notional at the mark (1335.18)",
    ],
    [
      'an unknown question',
      { ...input, questions: [{ ask: 'when moon' }] },
      'questions[0].ask: expected one of collateralForTarget, leverageForTarget, fundingDrift',
    ],
    ['an array', [], 'input: expected a JSON object'],
  ])('names the field and the problem for %s', (_name, value, message) => {
    expect(errorOf(value)).toBe(message);
  });

  it('reports text that is not JSON', () => {
    const parsed = parseRiskInput('{ "venue": ');
    expect(!parsed.ok && parsed.error).toMatch(/^input: not valid JSON \(/);
  });
});
