import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import type { Venue } from '../domain/venue';
import { applyWhatIf } from './apply-what-if';
import { evaluateAccount } from './evaluate-account';
import { maxRemovableMargin } from './max-removable';

const mmr = 0.004;
const btc: RiskPosition = {
  symbol: 'BTCUSDT',
  side: 'long',
  marginMode: 'isolated',
  size: 1,
  contractSize: 1,
  entryPrice: 60000,
  markPrice: 60000,
  leverage: 10,
  isolatedMargin: 6000,
  maxLeverage: null,
  tiers: [{ floor: 0, cap: null, maintenanceMarginRate: mmr, deduction: 0, maxLeverage: 125 }],
};
function account(venue: Venue, position: Partial<RiskPosition> = {}, walletBalance = 10000): RiskAccount {
  return { venue, positionMode: 'oneway', walletBalance, takerFeeRate: 0, positions: [{ ...btc, ...position }] };
}
/** Isolated long, one tier, no deduction, no fee: equity = MM solved by hand. */
const isolatedLongLp = (margin: number, size = 1, entry = 60000): number =>
  (margin - size * entry) / (size * (mmr - 1));
const lp = (result: { positions: readonly { liquidationPrice: number | null }[] }): number | null =>
  result.positions[0]?.liquidationPrice ?? null;

describe('collateral', () => {
  it('adds isolated margin from the wallet and moves the liquidation price by the documented amount', () => {
    const after = applyWhatIf(account('binance-usdm'), [{ op: 'addMargin', symbol: 'BTCUSDT', amount: 1000 }]);
    expect(after.state.positions[0]?.isolatedMargin).toBe(7000);
    expect(after.state.walletBalance).toBe(9000);
    expect(lp(after)).toBeCloseTo(isolatedLongLp(7000), 8);
  });

  it('refuses to move more into an isolated position than the wallet has free', () => {
    const after = applyWhatIf(account('binance-usdm', {}, 500), [{ op: 'addMargin', symbol: 'BTCUSDT', amount: 1000 }]);
    expect(after.refused).toEqual([
      { index: 0, op: 'addMargin', reason: 'only 500 of the wallet is free to move into BTCUSDT long; deposit first' },
    ]);
  });

  it("applies Binance's maximum removable amount: nothing at the opening leverage, the IM difference after a raise", () => {
    const opened = account('binance-usdm');
    expect(maxRemovableMargin(opened, 0)).toBe(0);
    const refused = applyWhatIf(opened, [{ op: 'removeMargin', symbol: 'BTCUSDT', amount: 1 }]);
    expect(refused.refused[0]?.reason).toBe('at most 0 can be removed from BTCUSDT long on Binance USDⓈ-M');
    const raised = applyWhatIf(opened, [
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 20 },
      { op: 'removeMargin', symbol: 'BTCUSDT', amount: 3000 },
    ]);
    expect(raised.refused).toEqual([]);
    expect(raised.state.positions[0]?.isolatedMargin).toBe(3000);
    expect(lp(raised)).toBeCloseTo(isolatedLongLp(3000), 8);
    const tooMuch = applyWhatIf(opened, [
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 20 },
      { op: 'removeMargin', symbol: 'BTCUSDT', amount: 3001 },
    ]);
    expect(tooMuch.refused.map((refusal) => refusal.index)).toEqual([1]);
  });

  it('lets Bybit take back only the added margin', () => {
    const withExtra = account('bybit-linear', { isolatedMargin: 7500 });
    expect(maxRemovableMargin(withExtra, 0)).toBe(1500);
    expect(applyWhatIf(withExtra, [{ op: 'removeMargin', symbol: 'BTCUSDT', amount: 1600 }]).refused).toHaveLength(1);
  });

  it('deposits to and withdraws from the cross wallet, refusing more than is free', () => {
    const cross = account('binance-usdm', { marginMode: 'cross', isolatedMargin: 0, markPrice: 59000 });
    // free = min(wallet, wallet + PnL) − initial margin = 9000 − 5900
    expect(maxRemovableMargin(cross, 0)).toBeCloseTo(3100, 9);
    const after = applyWhatIf(cross, [
      { op: 'withdraw', amount: 3200 },
      { op: 'removeMargin', symbol: 'BTCUSDT', amount: 3000 },
      { op: 'deposit', amount: 50 },
    ]);
    expect(after.refused.map((refusal) => refusal.op)).toEqual(['withdraw']);
    expect(after.state.walletBalance).toBe(7050);
  });
});

describe('leverage', () => {
  it('refuses lowering an open isolated position on Binance and Hyperliquid', () => {
    for (const [venue, name] of [
      ['binance-usdm', 'Binance USDⓈ-M'],
      ['hyperliquid', 'Hyperliquid'],
    ] as const) {
      const after = applyWhatIf(account(venue), [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 5 }]);
      expect(after.refused[0]?.reason).toBe(
        `${name} does not lower the leverage of an open isolated position; add margin instead`,
      );
    }
  });

  it('refuses leverage above the tier maximum or below 1x', () => {
    const after = applyWhatIf(account('binance-usdm'), [
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 150 },
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 0.5 },
    ]);
    expect(after.refused.map((refusal) => refusal.reason)).toEqual([
      'BTCUSDT long allows at most 125x at this size',
      'leverage below 1x is not offered',
    ]);
  });

  it('resets Bybit isolated margin to the new initial margin, paying the difference from or to the wallet', () => {
    const lowered = applyWhatIf(account('bybit-linear', { isolatedMargin: 6000 }), [
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 5 },
    ]);
    expect(lowered.state.positions[0]?.isolatedMargin).toBe(12000);
    expect(lowered.state.walletBalance).toBe(4000);
    const short = applyWhatIf(account('bybit-linear', {}, 1000), [
      { op: 'setLeverage', symbol: 'BTCUSDT', leverage: 5 },
    ]);
    expect(short.refused[0]?.reason).toBe('5x needs 6000 more margin but only 1000 is free');
  });

  it('refuses a Bybit raise that would liquidate at once', () => {
    const losing = account('bybit-linear', { markPrice: 57500 });
    const after = applyWhatIf(losing, [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 25 }]);
    expect(after.refused[0]?.reason).toBe('25x would liquidate BTCUSDT long at once');
  });

  it('leaves a cross liquidation price unchanged and refuses a lowering the wallet cannot carry', () => {
    const cross = account('binance-usdm', { marginMode: 'cross', isolatedMargin: 0, leverage: 20 }, 5000);
    const raised = applyWhatIf(cross, [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 50 }]);
    expect(lp(raised)).toBe(lp(evaluateAccount(cross)));
    const lowered = applyWhatIf(cross, [{ op: 'setLeverage', symbol: 'BTCUSDT', leverage: 10 }]);
    expect(lowered.refused[0]?.reason).toBe('10x needs 1000 more free balance for the initial margin');
  });
});

describe('size', () => {
  it('closes a fraction at the mark: PnL and the released margin go to the wallet, the liquidation price stays', () => {
    const start = account('binance-usdm', { markPrice: 66000 });
    const after = applyWhatIf(start, [{ op: 'close', symbol: 'BTCUSDT', fraction: 0.5 }]);
    expect(after.state.positions[0]).toMatchObject({ size: 0.5, isolatedMargin: 3000 });
    expect(after.state.walletBalance).toBe(16000);
    expect(lp(after)).toBeCloseTo(lp(evaluateAccount(start)) ?? Number.NaN, 8);
    const whole = applyWhatIf(start, [{ op: 'close', symbol: 'BTCUSDT', size: 1 }]);
    expect(whole.positions).toHaveLength(0);
    expect(applyWhatIf(start, [{ op: 'close', symbol: 'BTCUSDT', size: 2 }]).refused[0]?.reason).toBe(
      'cannot close 2: BTCUSDT long is 1',
    );
  });

  it('adds at a price: weighted entry, initial margin from the wallet into the isolated margin', () => {
    const after = applyWhatIf(account('binance-usdm', {}, 10000), [
      { op: 'add', symbol: 'BTCUSDT', size: 1, price: 62000 },
    ]);
    expect(after.state.positions[0]).toMatchObject({ size: 2, entryPrice: 61000, isolatedMargin: 12200 });
    expect(after.state.walletBalance).toBeCloseTo(3800, 9);
    expect(lp(after)).toBeCloseTo(isolatedLongLp(12200, 2, 61000), 8);
    expect(
      applyWhatIf(account('binance-usdm', {}, 100), [{ op: 'add', symbol: 'BTCUSDT', size: 1, price: 62000 }]).refused,
    ).toHaveLength(1);
  });

  it('averages inverse entries by value (COIN-M)', () => {
    const coin = account(
      'binance-coinm',
      { size: 100, contractSize: 100, entryPrice: 40000, markPrice: 40000, isolatedMargin: 0.025 },
      10,
    );
    const after = applyWhatIf(coin, [{ op: 'add', symbol: 'BTCUSDT', size: 100, price: 60000 }]);
    expect(after.state.positions[0]?.entryPrice).toBeCloseTo(200 / (100 / 40000 + 100 / 60000), 8);
  });
});

describe('scenarios and refusals', () => {
  it('switches isolated to cross and back as a hypothetical, with a note', () => {
    const after = applyWhatIf(account('binance-usdm'), [
      { op: 'setMarginMode', symbol: 'BTCUSDT', marginMode: 'cross' },
    ]);
    expect(after.state).toMatchObject({
      walletBalance: 16000,
      positions: [{ marginMode: 'cross', isolatedMargin: 0 }],
    });
    expect(lp(after)).toBeCloseTo(isolatedLongLp(16000), 8);
    expect(after.notes).toHaveLength(1);
    const back = applyWhatIf(after.state, [{ op: 'setMarginMode', symbol: 'BTCUSDT', marginMode: 'isolated' }]);
    expect(back.state).toMatchObject({ walletBalance: 10000, positions: [{ isolatedMargin: 6000 }] });
  });

  it('moves prices: one symbol to a mark, or every mark by a fraction; liquidatable past the price', () => {
    const start = account('binance-usdm');
    const crash = applyWhatIf(start, [{ op: 'price', change: -0.2 }]);
    expect(crash.state.positions[0]?.markPrice).toBeCloseTo(48000, 8);
    expect(crash.positions[0]?.liquidatable).toBe(true);
    expect(crash.positions[0]?.distance).toBeLessThan(0);
    expect(applyWhatIf(start, [{ op: 'price', symbol: 'ETHUSDT', markPrice: 1 }]).refused[0]?.reason).toBe(
      'no open position in ETHUSDT',
    );
  });

  it('pays funding from isolated margin (Binance) or from the wallet first (Bybit)', () => {
    const funding = { op: 'funding' as const, symbol: 'BTCUSDT', rate: 0.0001, hours: 24 };
    expect(applyWhatIf(account('binance-usdm'), [funding]).state.positions[0]?.isolatedMargin).toBeCloseTo(
      6000 - 18,
      9,
    );
    const bybit = applyWhatIf(account('bybit-linear'), [funding]).state;
    expect(bybit.walletBalance).toBeCloseTo(10000 - 18, 9);
    expect(bybit.positions[0]?.isolatedMargin).toBe(6000);
    expect(
      applyWhatIf(account('hyperliquid'), [{ ...funding, hours: 1 }]).state.positions[0]?.isolatedMargin,
    ).toBeCloseTo(6000 - 6, 9);
  });

  it('asks for a side when a hedge symbol has two legs, and keeps applying after a refusal', () => {
    const hedge: RiskAccount = {
      ...account('binance-usdm'),
      positionMode: 'hedge',
      positions: [btc, { ...btc, side: 'short' }],
    };
    const after = applyWhatIf(hedge, [
      { op: 'addMargin', symbol: 'BTCUSDT', amount: 10 },
      { op: 'addMargin', symbol: 'BTCUSDT', side: 'short', amount: 10 },
    ]);
    expect(after.refused).toEqual([
      { index: 0, op: 'addMargin', reason: 'BTCUSDT has a long and a short leg: say which side' },
    ]);
    expect(after.state.positions[1]?.isolatedMargin).toBe(6010);
  });

  it('reports no liquidation price for a long whose price would be <= 0', () => {
    const result = evaluateAccount(account('binance-usdm', { isolatedMargin: 60000, leverage: 1 }));
    expect(result.positions[0]).toMatchObject({ liquidationPrice: null, distance: null, liquidatable: false });
  });
});
