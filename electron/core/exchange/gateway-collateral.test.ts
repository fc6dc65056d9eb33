import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { SimAccountSpec } from '../../sim/market/account';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { modeAccountSpecs, readKeyOf } from '../../sim/testing/mode-accounts';
import { createGateway, type ExchangeGateway } from './gateway';

/*
 * Multi-asset accounts holding non-stable collateral beside USDT, read through real ccxt from the
 * simulator: the core reads every collateral asset from the venue (Binance assetIndex and account
 * assets; Bybit wallet coins and tiered collateral ratios), so its own liquidation price agrees with
 * the venue's within a tick, and keeps agreeing when the collateral coin's price moves.
 */

// The mode simulator's Multi-Assets positions: a BTC long at 20x and an ETH short in profit.
const positions = modeAccountSpecs().find((spec) => spec.id === 'bn-multi')?.positions ?? [];
const collateral = [
  { asset: 'BTC', amount: 0.05 },
  { asset: 'ETH', amount: 0.5 },
] as const;

const accounts: SimAccountSpec[] = [
  {
    id: 'bn-collateral',
    venue: 'binance-usdm',
    mode: 'multi-assets',
    walletBalance: 400,
    collateral,
    positions,
  },
  { id: 'by-collateral', venue: 'bybit-linear', mode: 'cross', walletBalance: 400, collateral, positions },
];

let sim: Simulator;
const gateways = new Map<string, ExchangeGateway>();

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, scenario: 'calm', speed: 0, historyDays: 0.05, traderCount: 200, accounts });
});

afterAll(async () => {
  for (const gateway of gateways.values()) await gateway.close();
  await sim.stop();
});

function read(accountId: string): Promise<AccountSnapshot> {
  let gateway = gateways.get(accountId);
  if (gateway === undefined) {
    const venue = accounts.find((a) => a.id === accountId)?.venue ?? 'binance-usdm';
    gateway = createGateway({
      venue,
      baseUrl: sim.baseUrl(venue),
      credentials: readKeyOf(sim, accountId),
      timeoutMs: 5000,
    });
    gateways.set(accountId, gateway);
  }
  return gateway.fetchAccount();
}

/** The venue's and LiqLens's liquidation prices agree within a tick, and the account ratio matches the venue's gauge. */
function expectAgreement(snapshot: AccountSnapshot): void {
  expect(snapshot.positions.length).toBeGreaterThan(0);
  for (const position of snapshot.positions) {
    expect(position.computedNote).toBeNull();
    expect(position.exchangeLiquidationPrice).not.toBeNull();
    expect(Math.abs(position.selfCheckDifference ?? Infinity)).toBeLessThanOrEqual((position.tickSize ?? 0) + 1e-9);
  }
  expect(snapshot.venueGauge).not.toBeNull();
  expect(snapshot.account.marginRatio).toBeCloseTo(snapshot.venueGauge?.value ?? -1, 4);
}

/** Advances the market a minute at a time until BTC's index has moved by more than `fraction`. */
function moveBtc(fraction: number): void {
  const start = sim.market.ticker('BTCUSDT').indexPrice;
  for (let minute = 0; minute < 24 * 60; minute++) {
    if (Math.abs(sim.market.ticker('BTCUSDT').indexPrice / start - 1) > fraction) return;
    sim.market.advance(60_000);
  }
  throw new Error(`BTC did not move by ${fraction} in a simulated day`);
}

describe.each([
  ['bn-collateral', 'binance-multi-assets'],
  ['by-collateral', 'bybit-unified-cross'],
] as const)('%s (%s) with BTC and ETH collateral beside USDT', (id, mode) => {
  it("reads each collateral asset from the venue and matches the venue's liquidation price", async () => {
    const snapshot = await read(id);
    expect(snapshot.accountMode).toBe(mode);
    expectAgreement(snapshot);
    const assets = snapshot.risk.collateral ?? [];
    expect(assets.map((a) => a.asset)).toEqual(['USDT', 'BTC', 'ETH']);
    expect(assets.find((a) => a.asset === 'BTC')?.amount).toBeCloseTo(0.05, 8);
    // The simulator's BTC haircut is 5 %: Binance sends it as both buffers, Bybit as one ratio band.
    expect(assets.find((a) => a.asset === 'BTC')?.valuation).toEqual(
      mode === 'binance-multi-assets'
        ? { kind: 'bid-ask', bidBuffer: 0.05, askBuffer: 0.05 }
        : { kind: 'tiered', tiers: [{ floor: 0, cap: null, ratio: 0.95 }] },
    );
    expect(assets.find((a) => a.asset === 'BTC')?.indexPriceUsd).toBeCloseTo(
      sim.market.ticker('BTCUSDT').indexPrice,
      4,
    );
  });

  it('still agrees after the collateral coin’s price moves', async () => {
    const before = await read(id);
    moveBtc(0.003);
    const after = await read(id);
    const btcIndex = (snapshot: AccountSnapshot): number =>
      snapshot.risk.collateral?.find((a) => a.asset === 'BTC')?.indexPriceUsd ?? 0;
    expect(btcIndex(after)).not.toBeCloseTo(btcIndex(before), 0);
    expect(btcIndex(after)).toBeCloseTo(sim.market.ticker('BTCUSDT').indexPrice, 4);
    expectAgreement(after);
  });
});

describe('Bybit collateral ratios and fee rate', () => {
  /** How many times the simulated Bybit was asked for the collateral ratios and for the account's fee rate. */
  const asked = (): { ratios: number; feeRate: number } => {
    const paths = sim.faults.requests('bybit-linear').map((request) => request.path);
    return {
      ratios: paths.filter((path) => path.includes('/v5/spot-margin-trade/collateral')).length,
      feeRate: paths.filter((path) => path.includes('/v5/account/fee-rate')).length,
    };
  };

  it('are read once and kept across refreshes, and read again after a failed read', async () => {
    const gateway = createGateway({
      venue: 'bybit-linear',
      baseUrl: sim.baseUrl('bybit-linear'),
      credentials: readKeyOf(sim, 'by-collateral'),
      timeoutMs: 5000,
    });
    gateways.set('by-collateral-cache', gateway);
    const before = asked();
    expectAgreement(await gateway.fetchAccount());
    const first = asked();
    // One ratio request per collateral coin (USDT, BTC, ETH), one fee-rate request.
    expect(first).toEqual({ ratios: before.ratios + 3, feeRate: before.feeRate + 1 });
    expectAgreement(await gateway.fetchAccount());
    expectAgreement(await gateway.fetchAccount());
    expect(asked()).toEqual(first);
    // The venue fails every attempt of a read: the next read, once it is back, asks for both again.
    sim.faults.inject(
      'bybit-linear',
      { kind: 'server-error', status: 503 },
      { count: 3, path: '/v5/account/wallet-balance' },
    );
    await expect(gateway.fetchAccount()).rejects.toThrow();
    expectAgreement(await gateway.fetchAccount());
    expect(asked()).toEqual({ ratios: first.ratios + 3, feeRate: first.feeRate + 1 });
  });
});
