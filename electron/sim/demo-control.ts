import type { DemoControlState } from '../../shared/ipc/views/demo';
import type { DemoControl } from '../core/accounts/demo-provider';
import { startRealtime } from './market/realtime';
import type { SimMarketModel } from './market/types';

/** The Demo's clock and scenario, steerable while it runs. */
export interface DemoDriver extends DemoControl {
  /** Lets the clock run (at the current speed); until then it stands still. Idempotent. */
  run(): void;
  /** Stops the clock for good. */
  stop(): void;
}

/**
 * Drives the Demo's market at `initial.speed`× real time (0: not at all) once `run` is called, and lets the user
 * switch scenario (the market's `setScenario`: the new scenario counts from now) and speed (the
 * clock restarts at the new rate, so no simulated time is lost or doubled).
 */
export function createDemoDriver(market: SimMarketModel, initial: { readonly speed: number }): DemoDriver {
  let state: DemoControlState = { scenario: market.scenario, speed: initial.speed };
  let running = false;
  let stopped = false;
  let stopClock: (() => void) | undefined;
  const restartClock = (): void => {
    stopClock?.();
    // Speed 0 is a Demo whose clock stands still (tests drive it by hand).
    stopClock = running && !stopped && state.speed > 0 ? startRealtime(market, { speed: state.speed }) : undefined;
  };
  return {
    state: () => state,
    set(change) {
      if (change.scenario !== undefined) market.setScenario(change.scenario);
      const speedChanged = change.speed !== undefined && change.speed !== state.speed;
      state = { scenario: change.scenario ?? state.scenario, speed: change.speed ?? state.speed };
      if (speedChanged) restartClock();
      return state;
    },
    run() {
      if (running) return;
      running = true;
      restartClock();
    },
    stop() {
      stopped = true;
      stopClock?.();
      stopClock = undefined;
    },
  };
}
