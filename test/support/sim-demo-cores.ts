import { afterEach, expect } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { Core } from '../../electron/core/create-core';
import type { NotificationRequest } from '../../electron/core/ports';
import type { SimLiquidation } from '../../electron/sim/market/types';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/sim/simulator';
import { useTempDirs } from './temp-dir';
import { createSimDemoCore } from './test-core';

/**
 * A hedge-mode account's two BTC legs for the simulated crash (seed 7, `long-squeeze-crash`): a 50x
 * short that the squeeze before the crash liquidates (about 20 simulated minutes in), and a 20x long,
 * close enough to liquidation to hold alerts, for the user to close by hand. Wallet 5,000.
 */
export const squeezedHedgeAccount = {
  walletBalance: 5_000,
  positionMode: 'hedge',
  positions: [
    { symbol: 'BTCUSDT', side: 'short', size: 0.2, leverage: 50, marginMode: 'isolated', entryOffset: -0.005 },
    { symbol: 'BTCUSDT', side: 'long', size: 0.2, leverage: 20, marginMode: 'isolated', entryOffset: 0 },
  ],
} as const;

/** A started simulator and a started Demo core reading it, with the alert events and notifications it sent. */
export interface SimDemoRun {
  readonly sim: Simulator;
  readonly core: Core;
  readonly events: AlertEvent[];
  readonly notes: NotificationRequest[];
}

/**
 * Starts a simulator with `options` and a Demo core on it (`createSimDemoCore`, a fresh data folder)
 * per call; both stop after the test, the core first.
 */
export function useSimDemoCores(): (options: SimulatorOptions) => Promise<SimDemoRun> {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (options) => {
    const sim = await startSimulator(options);
    const { core, events, notifications } = createSimDemoCore(tempDir(), sim);
    cleanups.push(async () => {
      await core.stop();
      await sim.stop();
    });
    await core.start();
    return { sim, core, events, notes: notifications };
  };
}

/** `read`, with the market moved a second before each call: polled, it keeps the mark fresh while the core judges. */
export function advancingEachRead<T>(sim: Simulator, read: () => T): () => T {
  return () => {
    sim.market.advance(1_000);
    return read();
  };
}

/**
 * Liquidates the squeezed short of `squeezedHedgeAccount` (`advanceToLiquidation`), checks that the
 * venue recorded it on that leg, then moves the market a second per read until `alerted()` says its
 * alert arrived. Returns the venue's record.
 */
export async function liquidateSqueezedShort(
  run: SimDemoRun,
  accountId: string,
  alerted: () => boolean,
): Promise<SimLiquidation | undefined> {
  const record = await advanceToLiquidation(run, accountId);
  expect(record).toMatchObject({ side: 'short' });
  await expect.poll(advancingEachRead(run.sim, alerted), { timeout: 120_000 }).toBe(true);
  return record;
}

/**
 * Moves the market a minute at a time, each minute followed by a fresh account poll, as a venue's
 * clock moves between polls (a whole crash in one step would leave no snapshot between it and the
 * liquidation), until the account (the run's first) has a liquidation on record or 40 minutes have
 * passed. Returns its first liquidation, if any.
 */
export async function advanceToLiquidation(run: SimDemoRun, accountId: string): Promise<SimLiquidation | undefined> {
  const polledAt = async (): Promise<number | undefined> =>
    (await run.core.handlers['positions:list']({}))[0]?.positions[0]?.updatedAtMs;
  const recorded = (): readonly SimLiquidation[] => run.sim.market.account(accountId)?.liquidations ?? [];
  for (let minute = 0; minute < 40 && recorded().length === 0; minute++) {
    const before = await polledAt();
    run.sim.market.advance(60_000);
    await expect.poll(polledAt, { timeout: 60_000 }).not.toBe(before);
  }
  return recorded()[0];
}

/**
 * The user closes a position by hand, as from the venue's own app; resolves once the core has cleared
 * an alert of it (`eventsOf`: the position's events so far), the market moving a second a poll.
 */
export async function closeByHand(
  run: SimDemoRun,
  position: { readonly accountId: string; readonly symbol: string; readonly side: 'long' | 'short' },
  eventsOf: () => readonly AlertEvent[],
): Promise<void> {
  expect(run.sim.market.closePosition(position.accountId, position.symbol, position.side)).toBe(true);
  await expect
    .poll(
      advancingEachRead(run.sim, () => eventsOf().filter((event) => event.cleared).length),
      { timeout: 120_000 },
    )
    .toBeGreaterThan(0);
}
