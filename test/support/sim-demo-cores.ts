import { afterEach } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { Core } from '../../electron/core/create-core';
import type { NotificationRequest } from '../../electron/core/ports';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/sim/simulator';
import { useTempDirs } from './temp-dir';
import { createSimDemoCore } from './test-core';

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
