import { describe, expect, it } from 'vitest';
import type { SimAccountSpec } from './account';
import { createSimMarket } from './market';
import { accountModeIds } from '../../../shared/domain/account-mode';
import { modeAccountSpecs } from '../testing/mode-accounts';
import { accountModeIdOf } from '../venues/sim-venues';
import type { SimAccount } from './types';

const btcLong = { symbol: 'BTCUSDT', side: 'long', size: 1, leverage: 50, marginMode: 'cross' } as const;

function market(accounts: SimAccountSpec[], scenario: 'calm' | 'long-squeeze-crash' = 'calm') {
  return createSimMarket({ seed: 2, scenario, historyDays: 0.1, traderCount: 300, accounts });
}

const lpOf = (account: SimAccount | undefined): number => account!.positions[0]!.liquidationPrice!;

describe('account modes: what the simulated venue liquidates by', () => {
  it('liquidates a Binance Portfolio Margin account earlier than Multi-Assets: at uniMMR 1.05, not 1', () => {
    const collateral = [{ asset: 'USDC', amount: 2000 }] as const;
    const sim = market([
      { id: 'pm', venue: 'binance-usdm', mode: 'portfolio', walletBalance: 0, collateral, positions: [btcLong] },
      { id: 'ma', venue: 'binance-usdm', mode: 'multi-assets', walletBalance: 0, collateral, positions: [btcLong] },
    ]);
    expect(lpOf(sim.account('pm'))).toBeGreaterThan(lpOf(sim.account('ma')));
    const pm = sim.account('pm')!.accountMargin!;
    expect(pm.liquidationThreshold).toBe(1.05);
  });

  it('moves a cross long’s liquidation price with BTC collateral: higher than the same value held in USDC', () => {
    const sim = market([]);
    const mark = sim.ticker('BTCUSDT').markPrice;
    const usdValue = 0.05 * mark;
    const withBtc = market([
      {
        id: 'btc',
        venue: 'bybit-linear',
        mode: 'cross',
        walletBalance: 0,
        collateral: [{ asset: 'BTC', amount: 0.05 }],
        positions: [btcLong],
      },
      {
        id: 'usdc',
        venue: 'bybit-linear',
        mode: 'cross',
        walletBalance: 0,
        // The same margin value: BTC counts at 95 %.
        collateral: [{ asset: 'USDC', amount: usdValue * 0.95 }],
        positions: [btcLong],
      },
    ]);
    // Falling BTC takes the collateral down with the position: liquidation comes sooner.
    expect(lpOf(withBtc.account('btc'))).toBeGreaterThan(lpOf(withBtc.account('usdc')));
  });

  it('gives a Bybit portfolio-margin position no liquidation price, yet liquidates the account when its MM rate reaches 100 %', () => {
    const sim = market(
      [
        {
          id: 'pm',
          venue: 'bybit-linear',
          mode: 'portfolio',
          walletBalance: 1500,
          positions: [{ ...btcLong, size: 0.5 }],
        },
      ],
      'long-squeeze-crash',
    );
    let lastRate = 0;
    sim.on('ticker', () => {
      const account = sim.account('pm')!;
      if (account.positions.length === 0) return;
      expect(account.positions[0]!.liquidationPrice).toBeNull();
      const margin = account.accountMargin!;
      lastRate = margin.requirementUsd / margin.equityUsd;
    });
    sim.advance(sim.scenarioDurationMs);
    expect(sim.account('pm')!.liquidations).toHaveLength(1);
    expect(lastRate).toBeLessThan(1);
    expect(lastRate).toBeGreaterThan(0.5);
  });

  it('serves every account mode the app knows, each under the app’s name for it', () => {
    const sim = market(modeAccountSpecs());
    const served = new Set(sim.accounts().map(accountModeIdOf));
    expect([...served].sort()).toEqual(accountModeIds.filter((id) => id !== 'manual').sort());
  });

  it('switches an account’s mode with its positions held: the new mode is reported and its rule liquidates', () => {
    const sim = market([{ id: 'bn', venue: 'binance-usdm', walletBalance: 2000, positions: [btcLong] }]);
    const before = lpOf(sim.account('bn'));
    expect(accountModeIdOf(sim.account('bn')!)).toBe('binance-single-asset');
    sim.changeAccountMode('bn', 'portfolio');
    expect(accountModeIdOf(sim.account('bn')!)).toBe('binance-portfolio');
    // Portfolio Margin liquidates at uniMMR 1.05: the long's price moves up towards the mark.
    expect(lpOf(sim.account('bn'))).toBeGreaterThan(before);
    expect(sim.account('bn')!.accountMargin!.liquidationThreshold).toBe(1.05);
  });

  it('refuses a switch to a mode that would not hold the account’s positions, and keeps the mode it had', () => {
    const sim = market([
      {
        id: 'iso',
        venue: 'bybit-linear',
        mode: 'isolated',
        walletBalance: 1000,
        positions: [{ ...btcLong, marginMode: 'isolated' }],
      },
      { id: 'okx', venue: 'okx-swap', mode: 'futures', walletBalance: 1000, positions: [btcLong] },
    ]);
    expect(() => sim.changeAccountMode('okx', 'spot')).toThrow(/trades no perpetuals/);
    expect(() => sim.changeAccountMode('okx', 'unified')).toThrow(/has no account mode "unified"/);
    expect(() => sim.changeAccountMode('nobody', 'cross')).toThrow(/No simulated account nobody/);
    expect(() => sim.changeAccountMode('iso', 'cross')).toThrow(/allows no isolated BTCUSDT position/);
    expect(sim.account('okx')!.mode).toBe('futures');
    expect(accountModeIdOf(sim.account('iso')!)).toBe('bybit-unified-isolated');
    sim.changeAccountMode('okx', 'multi-currency');
    expect(accountModeIdOf(sim.account('okx')!)).toBe('okx-multi-currency');
  });

  it('refuses a mode the venue lacks, a margin mode the mode forbids, and collateral it does not count', () => {
    const base = { id: 'x', venue: 'binance-usdm', walletBalance: 1000, positions: [btcLong] } as const;
    expect(() => market([{ ...base, mode: 'unified' }])).toThrow(/has no account mode "unified"/);
    expect(() =>
      market([{ ...base, mode: 'multi-assets', positions: [{ ...btcLong, marginMode: 'isolated' }] }]),
    ).toThrow(/allows no isolated/);
    expect(() => market([{ ...base, collateral: [{ asset: 'BTC', amount: 1 }] }])).toThrow(/counts no BTC collateral/);
    expect(() => market([{ ...base, venue: 'okx-swap', mode: 'spot' }])).toThrow(/trades no perpetuals/);
    expect(() =>
      market([{ ...base, venue: 'binance-usdm', positions: [{ ...btcLong, marginMode: 'isolated', dex: 'xyz' }] }]),
    ).toThrow(/HIP-3/);
  });
});
