import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSymbols, type SimSymbolSpec } from '../../sim/market/instruments';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { readKeyOf } from '../../sim/testing/mode-accounts';
import { createGateway, type ExchangeGateway } from './gateway';

/*
 * A USDC-margined perpetual (BTCUSDC) in a Binance Multi-Assets account, read through real ccxt from
 * the simulator: its PnL and maintenance count in the USDC wallet at USDC's rates
 * (docs/research/account-modes.md §2), so the core lists USDC as collateral even with nothing in it,
 * settles the position there, and its liquidation price still agrees with the venue's.
 */

const btc = defaultSymbols()[0];
if (btc === undefined) throw new Error('the default market lists BTCUSDT');
const btcUsdc: SimSymbolSpec = {
  ...btc,
  // Venue rules for a hand-made instrument come from each venue's fallback (its Binance-style tiers).
  instrument: {
    symbol: 'BTCUSDC',
    base: 'BTC',
    quote: 'USDC',
    tickSize: btc.instrument.tickSize,
    stepSize: btc.instrument.stepSize,
    maxLeverage: btc.instrument.maxLeverage,
    takerFeeRate: btc.instrument.takerFeeRate,
    tiers: btc.instrument.tiers,
  },
};

let sim: Simulator;
let gateway: ExchangeGateway;

beforeAll(async () => {
  sim = await startSimulator({
    seed: 13,
    scenario: 'calm',
    speed: 0,
    historyDays: 0.05,
    traderCount: 200,
    symbols: [...defaultSymbols(), btcUsdc],
    accounts: [
      {
        id: 'bn-usdc',
        venue: 'binance-usdm',
        mode: 'multi-assets',
        walletBalance: 500,
        collateral: [{ asset: 'ETH', amount: 0.2 }],
        positions: [{ symbol: 'BTCUSDC', side: 'long', size: 0.05, leverage: 20, marginMode: 'cross' }],
      },
    ],
  });
  gateway = createGateway({
    venue: 'binance-usdm',
    baseUrl: sim.baseUrl('binance-usdm'),
    credentials: readKeyOf(sim, 'bn-usdc'),
    timeoutMs: 5000,
  });
});

afterAll(async () => {
  await gateway.close();
  await sim.stop();
});

describe('a USDC-settled perpetual in Binance Multi-Assets mode', () => {
  it('settles in the USDC wallet, listed at zero beside USDT, and matches the venue’s liquidation price', async () => {
    const snapshot = await gateway.fetchAccount();
    expect(snapshot.accountMode).toBe('binance-multi-assets');
    const [position] = snapshot.risk.positions;
    expect(position).toMatchObject({ symbol: 'BTCUSDC', settleAsset: 'USDC' });
    const assets = snapshot.risk.collateral ?? [];
    expect(assets.map((asset) => [asset.asset, asset.amount])).toEqual([
      ['USDT', 500],
      ['USDC', 0],
      ['ETH', 0.2],
    ]);
    expect(assets.find((asset) => asset.asset === 'USDC')?.indexPriceUsd).toBe(1);
    const [row] = snapshot.positions;
    expect(row?.computedNote).toBeNull();
    expect(row?.exchangeLiquidationPrice).not.toBeNull();
    expect(Math.abs(row?.selfCheckDifference ?? Infinity)).toBeLessThanOrEqual((row?.tickSize ?? 0) + 1e-9);
    expect(snapshot.account.marginRatio).toBeCloseTo(snapshot.venueGauge?.value ?? -1, 4);
  });
});
