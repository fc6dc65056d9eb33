import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountModeId } from '../../../shared/domain/account-mode';
import type { AccountSnapshot } from '../../../shared/domain/account-snapshot';
import type { MarkTick } from '../../../shared/domain/stream-state';
import type { SimVenue } from '../../sim/market/types';
import type { Simulator } from '../../sim/simulator';
import { readKeyOf, startModeSimulator } from '../../sim/testing/mode-accounts';
import { maxRemovableMargin } from '../../../shared/risk';
import { driveUntil } from '../../../test/support/sim-gateway';
import { createGateway, type ExchangeGateway } from './gateway';

/*
 * Every account mode read through real ccxt from the simulator's mode accounts: the mode, the
 * venue's gauge, and either LiqLens's own liquidation price (matching the venue's within a tick) or
 * none with the mode's reason.
 */

let sim: Simulator;
const gateways: ExchangeGateway[] = [];

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await sim.stop();
});

function gatewayOf(accountId: string): ExchangeGateway {
  const account = sim.market.account(accountId);
  if (account === undefined) throw new Error(`no account ${accountId}`);
  const venue: SimVenue = account.venue;
  const credentials = venue === 'hyperliquid' ? { address: account.address ?? '' } : readKeyOf(sim, accountId);
  const gateway = createGateway({ venue, baseUrl: sim.baseUrl(venue), credentials, timeoutMs: 5000 });
  gateways.push(gateway);
  return gateway;
}

function read(accountId: string): Promise<AccountSnapshot> {
  return gatewayOf(accountId).fetchAccount();
}

const exactModes: readonly (readonly [string, AccountModeId])[] = [
  ['bn-single', 'binance-single-asset'],
  ['bn-multi', 'binance-multi-assets'],
  ['by-isolated', 'bybit-unified-isolated'],
  ['by-cross', 'bybit-unified-cross'],
  ['okx-futures', 'okx-futures'],
  ['hl-standard', 'hyperliquid-standard'],
  ['hl-unified', 'hyperliquid-unified'],
];

describe('account modes read through ccxt', () => {
  it.each(exactModes)('%s reads as %s and LiqLens recomputes the venue liquidation price', async (id, mode) => {
    const snapshot = await read(id);
    expect(snapshot.accountMode).toBe(mode);
    expect(snapshot.risk.accountMode).toBe(mode);
    expect(snapshot.positions.length).toBeGreaterThan(0);
    for (const position of snapshot.positions) {
      expect(position.computedNote).toBeNull();
      expect(position.exchangeLiquidationPrice).not.toBeNull();
      expect(Math.abs(position.selfCheckDifference ?? Infinity)).toBeLessThanOrEqual((position.tickSize ?? 0) + 1e-9);
    }
  });

  it.each([
    ['bn-pm', 'binance-portfolio'],
    ['okx-mcm', 'okx-multi-currency'],
    ['okx-pm', 'okx-portfolio'],
    ['hl-portfolio', 'hyperliquid-portfolio'],
  ] as const)("%s reads as %s: the venue's figure, none of LiqLens's, and the reason", async (id, mode) => {
    const snapshot = await read(id);
    expect(snapshot.accountMode).toBe(mode);
    for (const position of snapshot.positions) {
      expect(position.exchangeLiquidationPrice).not.toBeNull();
      expect(position.computedLiquidationPrice).toBeNull();
      expect(position.selfCheckDifference).toBeNull();
      expect(position.computedNote).toMatch(/^venue's figure; LiqLens cannot recompute it in this mode/);
    }
  });

  it('Bybit portfolio margin gives no liquidation price, says why, and shows accountMMRate as the gauge', async () => {
    const snapshot = await read('by-pm');
    expect(snapshot.accountMode).toBe('bybit-portfolio');
    expect(snapshot.positions).toHaveLength(2);
    for (const position of snapshot.positions) {
      expect(position.exchangeLiquidationPrice).toBeNull();
      expect(position.computedLiquidationPrice).toBeNull();
      expect(position.computedNote).toMatch(/Bybit gives no liquidation price in portfolio margin/);
    }
    const margin = sim.market.account('by-pm')?.accountMargin;
    expect(snapshot.venueGauge?.name).toBe('accountMMRate');
    expect(snapshot.venueGauge?.value).toBeCloseTo((margin?.requirementUsd ?? 0) / (margin?.equityUsd ?? 1), 3);
    // The margin ratio shown and alerted on is the venue's gauge (1 = liquidation), for the account and its cross positions.
    expect(snapshot.account.marginRatio).toBeCloseTo(snapshot.venueGauge?.value ?? NaN, 9);
    for (const position of snapshot.positions) expect(position.marginRatio).toBe(snapshot.account.marginRatio);
  });

  it('Binance Portfolio Margin is reached through papi (fapi refuses the key) and its uniMMR is the gauge', async () => {
    const snapshot = await read('bn-pm');
    const margin = sim.market.account('bn-pm')?.accountMargin;
    expect(snapshot.venueGauge?.name).toBe('uniMMR');
    expect(snapshot.venueGauge?.liquidationLevel).toBe(1.05);
    expect(snapshot.venueGauge?.value).toBeCloseTo((margin?.equityUsd ?? 0) / (margin?.maintenanceMarginUsd ?? 1), 4);
    // uniMMR liquidates at or below 1.05: on LiqLens's scale that level is 1.
    expect(snapshot.account.marginRatio).toBeCloseTo(1.05 / (snapshot.venueGauge?.value ?? NaN), 9);
  });

  it("OKX account levels 3 and 4 show the account's mgnRatio; futures mode shows none", async () => {
    expect((await read('okx-mcm')).venueGauge?.name).toBe('mgnRatio');
    expect((await read('okx-pm')).venueGauge?.value).toBeGreaterThan(1);
    expect((await read('okx-futures')).venueGauge).toBeNull();
  });

  it('reads OKX spot mode as holding no perpetuals', async () => {
    const snapshot = await read('okx-spot');
    expect(snapshot.accountMode).toBe('okx-spot');
    expect(snapshot.positions).toHaveLength(0);
  });
});

describe('auto-deleveraging ranks', () => {
  it.each([
    ['bn-multi', 'BTCUSDT', 'ETHUSDT', 4],
    ['by-pm', 'BTCUSDT', 'ETHUSDT', 5],
  ] as const)(
    '%s: the profitable short stands nearer the front of the queue than the long at entry',
    async (id, long, short, max) => {
      const snapshot = await read(id);
      const rankOf = (symbol: string): number | undefined =>
        snapshot.positions.find((p) => p.symbol === symbol)?.adlRank?.value;
      expect(snapshot.positions.every((p) => p.adlRank?.max === max)).toBe(true);
      expect(rankOf(short)).toBeGreaterThan(rankOf(long) ?? Infinity);
    },
  );

  it('Hyperliquid publishes no rank: null, not a guess', async () => {
    const snapshot = await read('hl-standard');
    expect(snapshot.positions.every((p) => p.adlRank === null)).toBe(true);
  });
});

describe('changes the venue makes on its own', () => {
  it("a Bybit risk limit the venue lowers shows on the position's next read", async () => {
    const gateway = gatewayOf('by-isolated');
    const before = await gateway.fetchAccount();
    expect(before.positions[0]?.riskLimitLoweredAtMs).toBeNull();
    sim.market.adjustPosition('by-isolated', 'ETHUSDT', { maintenanceMarginRate: 0.05 });
    const after = await gateway.fetchAccount();
    expect(after.positions[0]?.riskLimitLoweredAtMs).toBe(sim.market.now());
    expect(after.positions[0]?.leverageLoweredAtMs).toBeNull();
  });
});

describe('Hyperliquid HIP-3 dexes', () => {
  it('reads a position on a HIP-3 dex as its own isolated-only market, beside the main dex, checked against the venue', async () => {
    const snapshot = await read('hl-hip3');
    expect(snapshot.accountMode).toBe('hyperliquid-standard');
    expect(snapshot.positions.map((p) => p.symbol).sort()).toEqual(['BTC', 'xyz:BTC']);
    const main = snapshot.positions.find((p) => p.symbol === 'BTC');
    const hip3 = snapshot.positions.find((p) => p.symbol === 'xyz:BTC');
    const simulated = sim.market.account('hl-hip3')?.positions.find((p) => p.dex === 'xyz');
    expect(main?.isolatedOnly).toBe(false);
    expect(hip3).toMatchObject({
      unifiedSymbol: 'XYZ-BTC/USDC:USDC',
      side: 'short',
      marginMode: 'isolated',
      size: 0.1,
      isolatedOnly: true,
      computedNote: null,
    });
    // The mark is the venue's positionValue (6 decimals) over the size.
    expect(hip3?.markPrice).toBeCloseTo(simulated?.markPrice ?? NaN, 4);
    expect(hip3?.exchangeLiquidationPrice).toBeCloseTo(simulated?.liquidationPrice ?? NaN, 6);
    expect(Math.abs(hip3?.selfCheckDifference ?? Infinity)).toBeLessThanOrEqual((hip3?.tickSize ?? 0) + 1e-9);
  });

  it('keeps the margin of a HIP-3 position in place: none of it can be removed', async () => {
    const snapshot = await read('hl-hip3');
    const index = snapshot.risk.positions.findIndex((p) => p.symbol === 'xyz:BTC');
    expect(snapshot.risk.positions[index]?.isolatedOnly).toBe(true);
    expect(maxRemovableMargin(snapshot.risk, index)).toMatch(/isolated-only/);
  });

  it("streams the HIP-3 market's own mark", async () => {
    const ticks: MarkTick[] = [];
    const stop = gatewayOf('hl-hip3').watchMarkPrice(
      'xyz:BTC',
      (tick) => ticks.push(tick),
      () => undefined,
    );
    await driveUntil(sim, () => ticks.length >= 2, 1000);
    stop();
    expect(ticks.every((tick) => tick.symbol === 'xyz:BTC')).toBe(true);
    expect(ticks.at(-1)?.markPrice).toBeGreaterThan(0);
  });
});
