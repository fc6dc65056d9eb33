import { createDemoTestCore, positionsStillLoading } from '../../../test/support/test-core';
import { accountInput, driveUntil } from '../../../test/support/sim-gateway';
import { useTempDirs } from '../../../test/support/temp-dir';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertConfigInput, AlertEvent } from '../../../shared/alerts';
import { demoSource, sourceIdOf, type MarketKey } from '../../../shared/domain/market-source';
import type { MarketUpdate } from '../../../shared/ipc/views/markets';
import { demoAccountsOf } from '../../sim/demo-market';
import { startSimulator, type Simulator } from '../../sim/simulator';

/**
 * Rules that a position's own numbers on these two markets never reach (distance under 0.3 %,
 * margin ratio over 97 %), and that a position priced at the other market's mark does: the other
 * simulator's ETH sits about 20 % away, beyond the liquidation price of the 25x ETH long.
 */
const onlyPastLiquidation: AlertConfigInput = {
  rules: {
    marginRatio: { levels: { warning: 0.97, danger: 0.98, critical: 0.99 }, band: 0.005 },
    distance: { levels: { warning: 0.003, danger: 0.002, critical: 0.001 }, band: 0.0005 },
    cluster: { enabled: false },
    imbalance: { enabled: false },
    cascade: { enabled: false },
    stale: { enabled: false },
  },
};

const near = (value: number | null | undefined, expected: number): boolean =>
  value !== null && value !== undefined && Math.abs(value - expected) / expected < 0.002;

describe('a market is (venue, source, symbol): the Demo and a keyed account on one venue never mix', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('each account gets its own simulator’s mark and map, and the Demo’s ticks raise no alert for the keyed account', async () => {
    // Two simulators of one venue with different seeds: their ETH marks lie about 20 % apart.
    const demoSim: Simulator = await startSimulator({ seed: 7, scenario: 'calm', speed: 0 });
    const ownSim: Simulator = await startSimulator({ seed: 3, scenario: 'calm', speed: 0 });
    const { core } = createDemoTestCore(tempDir(), async () => ({
      accounts: demoAccountsOf(demoSim).filter((account) => account.venue === 'binance-usdm'),
      stop: async () => undefined,
    }));
    cleanups.push(async () => {
      await core.stop();
      await Promise.all([demoSim.stop(), ownSim.stop()]);
    });
    const demoMark = demoSim.market.ticker('ETHUSDT').markPrice;
    const ownMark = ownSim.market.ticker('ETHUSDT').markPrice;
    expect(Math.abs(demoMark - ownMark) / ownMark, 'the two markets must be told apart').toBeGreaterThan(0.1);

    const events: AlertEvent[] = [];
    const updates: MarketUpdate[] = [];
    core.on('alerts:event', (event) => events.push(event));
    core.on('market:update', (update) => updates.push(update));
    await core.start();
    await core.handlers['alerts:config-set']({ config: onlyPastLiquidation });
    const own = await core.handlers['accounts:add']({ account: accountInput(ownSim, 'binance-usdm', 'Main') });
    const ownSource = sourceIdOf({ baseUrl: ownSim.baseUrl('binance-usdm') });

    // Every position names its account's own source, and its market's model loads from there.
    await expect.poll(() => positionsStillLoading(core), { timeout: 180_000 }).toBe(0);
    const entries = await core.handlers['positions:list']({});
    const rowsOf = (accountId: string) => entries.find((entry) => entry.accountId === accountId)?.positions ?? [];
    const demoAccount = entries.find((entry) => entry.accountId !== own.id)?.accountId ?? '';
    expect(rowsOf(own.id).map((row) => row.source)).toEqual(rowsOf(own.id).map(() => ownSource));
    expect(rowsOf(demoAccount).map((row) => row.source)).toEqual(rowsOf(demoAccount).map(() => demoSource));
    for (const row of rowsOf(own.id).filter((position) => position.symbol === 'ETHUSDT'))
      expect(near(row.markPrice, ownMark), `own ${row.side} mark ${row.markPrice}`).toBe(true);

    // Each account's chart: its own simulator's mark, and a map built around that mark.
    const demoEth: MarketKey = { venue: 'binance-usdm', source: demoSource, symbol: 'ETHUSDT' };
    const ownEth: MarketKey = { venue: 'binance-usdm', source: ownSource, symbol: 'ETHUSDT' };
    const demoView = await core.handlers['market:open']({ market: demoEth, timeframe: '1m' });
    const ownView = await core.handlers['market:open']({ market: ownEth, timeframe: '1m' });
    expect([demoView.source, ownView.source]).toEqual([demoSource, ownSource]);
    expect(near(demoView.markPrice, demoMark), `Demo chart mark ${demoView.markPrice}`).toBe(true);
    expect(near(ownView.markPrice, ownMark), `own chart mark ${ownView.markPrice}`).toBe(true);
    expect(near(demoView.clusters?.price, demoMark), 'the Demo map is around the Demo mark').toBe(true);
    expect(near(ownView.clusters?.price, ownMark), 'the own map is around the own mark').toBe(true);

    // The Demo's market moves: its ticks reach its chart, and never the keyed account's positions.
    const demoTicks = (): MarketUpdate[] =>
      updates.filter((update) => update.source === demoSource && update.symbol === 'ETHUSDT' && !update.stale);
    const before = demoTicks().length;
    await driveUntil(demoSim, () => demoTicks().length >= before + 8, 2000, 3000);
    expect(events.filter((event) => event.accountId === own.id)).toEqual([]);
    const ownUpdates = updates.filter((update) => update.source === ownSource && update.markPrice !== null);
    for (const update of ownUpdates)
      expect(near(update.markPrice, ownMark), `own update ${update.markPrice}`).toBe(true);
    expect((await core.handlers['alerts:list']({})).active.filter((alert) => alert.accountId === own.id)).toEqual([]);
  }, 300_000);
});
