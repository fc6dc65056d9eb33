import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { parseRiskInput } from './input-errors';
import { maxRemovableMargin } from './max-removable';

/**
 * The worked cases of docs/research/account-modes.md §2–§5 (testdata/account-mode-cases.json): the
 * venues' own examples where they give one, else prices derived by hand from the venue's equation
 * (each case's `derivation` says which).
 */
interface ModeCase {
  readonly id: string;
  readonly source: string;
  readonly derivation: string;
  readonly account: RiskAccount;
  readonly expected: {
    readonly equity?: number;
    readonly maintenanceMargin?: number;
    readonly marginRatio?: number;
    readonly liquidationPrices: readonly (number | null)[];
    readonly computedNote?: string;
  };
}

const cases = JSON.parse(
  readFileSync(new URL('./testdata/account-mode-cases.json', import.meta.url), 'utf8'),
) as ModeCase[];
const byId = (id: string): ModeCase => {
  const found = cases.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
};

describe('account modes: worked cases', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const result = evaluateAccount(testCase.account);
    const { expected } = testCase;
    if (expected.equity !== undefined) expect(result.account.equity).toBeCloseTo(expected.equity, 6);
    if (expected.maintenanceMargin !== undefined)
      expect(result.account.maintenanceMargin).toBeCloseTo(expected.maintenanceMargin, 6);
    if (expected.marginRatio !== undefined) expect(result.account.marginRatio).toBeCloseTo(expected.marginRatio, 5);
    expect(result.positions).toHaveLength(expected.liquidationPrices.length);
    for (const [index, price] of expected.liquidationPrices.entries()) {
      const computed = result.positions[index]?.liquidationPrice ?? null;
      if (price === null) expect(computed).toBeNull();
      else expect(Math.abs((computed ?? Number.NaN) - price) / price).toBeLessThan(1e-9);
    }
    if (expected.computedNote !== undefined)
      for (const position of result.positions) expect(position.computedNote).toContain(expected.computedNote);
    expect(result.account.accountMode).toBe(testCase.account.accountMode);
  });

  it('passes the venue gauge through untouched where the venue is the truth', () => {
    const portfolio = byId('binance-portfolio-venue-figure').account;
    const result = evaluateAccount(portfolio);
    expect(result.account.venueGauge).toEqual(portfolio.venueGauge);
    expect(result.account.liquidationPriceKind).toBe('venue');
    expect(result.positions[0]?.distance).toBeNull();
  });

  it('moves a long liquidation price up when the collateral is the same coin, not when it is another', () => {
    const moving = evaluateAccount(byId('binance-multi-assets-btc-collateral-behind-btc-long').account);
    const held = evaluateAccount(byId('binance-multi-assets-other-coin-collateral-held').account);
    expect(moving.account.equity).toBeCloseTo(held.account.equity, 9);
    expect(moving.positions[0]?.liquidationPrice ?? 0).toBeGreaterThan(held.positions[0]?.liquidationPrice ?? 0);
  });

  it('puts a short hedged by the same coin as collateral far away, beyond any reach a single-asset account has', () => {
    const result = evaluateAccount(byId('bybit-unified-cross-btc-short-hedging-btc-collateral').account);
    expect(result.positions[0]?.liquidationPrice).toBeGreaterThan(30 * 100_000);
  });
});

describe('account modes: the what-if per mode', () => {
  it('refuses every operation with the reason where the mode has no what-if', () => {
    const account = byId('bybit-portfolio-no-price').account;
    const result = applyWhatIf(account, [
      { op: 'price', change: -0.1 },
      { op: 'close', symbol: 'BTCUSDT', fraction: 0.5 },
    ]);
    expect(result.refused.map((refusal) => refusal.index)).toEqual([0, 1]);
    expect(result.refused[0]?.reason).toMatch(/stress-test/);
    expect(result.state).toBe(account);
  });

  it('labels the approximation and prices it where the mode allows an approximate what-if', () => {
    const account: RiskAccount = {
      ...byId('binance-portfolio-venue-figure').account,
      venue: 'okx-swap',
      accountMode: 'okx-multi-currency',
      positions: (byId('binance-portfolio-venue-figure').account.positions ?? []).map((position) => ({
        ...position,
        symbol: 'BTC-USDT-SWAP',
      })),
    };
    expect(evaluateAccount(account).positions[0]?.liquidationPrice).toBeNull();
    const result = applyWhatIf(account, [{ op: 'deposit', amount: 500 }]);
    expect(result.notes[0]).toMatch(/^approximate: .*adjusted equity/);
    expect(result.positions[0]?.liquidationPrice).toBeGreaterThan(0);
    expect(result.positions[0]?.computedNote).toBeNull();
  });

  it('never removes margin from an isolated-only market, and closing half releases half of it', () => {
    const base = byId('hyperliquid-unified-cross-from-spot-total').account;
    const account: RiskAccount = {
      ...base,
      accountMode: 'hyperliquid-standard',
      walletBalance: 5000,
      positions: base.positions.map((position) =>
        position.marginMode === 'isolated' ? { ...position, symbol: 'xyz:TSLA', isolatedOnly: true } : position,
      ),
    };
    expect(maxRemovableMargin(account, 1)).toMatch(/isolated-only/);
    const removed = applyWhatIf(account, [{ op: 'removeMargin', symbol: 'xyz:TSLA', amount: 10 }]);
    expect(removed.refused[0]?.reason).toMatch(/cannot be removed/);
    const toCross = applyWhatIf(account, [{ op: 'setMarginMode', symbol: 'xyz:TSLA', marginMode: 'cross' }]);
    expect(toCross.refused).toHaveLength(1);
    const closed = applyWhatIf(account, [{ op: 'close', symbol: 'xyz:TSLA', fraction: 0.5 }]);
    expect(closed.refused).toEqual([]);
    expect(closed.state.positions[1]?.isolatedMargin).toBeCloseTo(500, 9);
  });
});

describe('account modes: the risk input', () => {
  const binanceInput = {
    venue: 'binance-usdm',
    positionMode: 'oneway',
    walletBalance: 0,
    accountMode: 'binance-multi-assets',
    collateral: [
      {
        asset: 'USDT',
        amount: 200,
        indexPriceUsd: 0.99,
        valuation: { kind: 'bid-ask', bidBuffer: 0.01, askBuffer: 0.005 },
      },
      { asset: 'USDC', amount: 220, indexPriceUsd: 1, valuation: { kind: 'bid-ask', bidBuffer: 0, askBuffer: 0 } },
    ],
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'long',
        marginMode: 'cross',
        size: 0.5,
        entryPrice: 20_000,
        markPrice: 20_000,
        settleAsset: 'USDT',
        tiers: [{ floor: 0, cap: null, mmr: 0.008 }],
      },
    ],
  };

  it('reads the mode and the collateral, and prices the account on them', () => {
    const parsed = parseRiskInput(JSON.stringify(binanceInput));
    if (!parsed.ok) throw new Error(parsed.error);
    const result = evaluateAccount(parsed.value.account);
    expect(result.account.accountMode).toBe('binance-multi-assets');
    expect(result.account.equity).toBeCloseTo(416.02, 9);
  });

  it('names the field when the mode belongs to another venue or a discount is out of range', () => {
    expect(parseRiskInput(JSON.stringify({ ...binanceInput, accountMode: 'okx-futures' }))).toEqual({
      ok: false,
      error: 'accountMode: okx-futures is not a mode of Binance USDⓈ-M',
    });
    const badBuffer = structuredClone(binanceInput);
    badBuffer.collateral[0]!.valuation.bidBuffer = 1.5;
    expect(parseRiskInput(JSON.stringify(badBuffer))).toEqual({
      ok: false,
      error: 'collateral[0].valuation.bidBuffer: expected a fraction from 0 to 1',
    });
  });
});
