import { describe, expect, it } from 'vitest';
import { startRealtime } from './realtime';
import type { SimMarket } from './types';

function countingMarket(): { market: SimMarket; advanced: number[] } {
  const advanced: number[] = [];
  // Only `advance` is driven; the rest of the interface is not reached by the driver.
  const market = { advance: (ms: number) => void advanced.push(ms) } as unknown as SimMarket;
  return { market, advanced };
}

describe('startRealtime', () => {
  it('advances the market at speed × the real time that passed, and stops', async () => {
    const { market, advanced } = countingMarket();
    const started = performance.now();
    const stop = startRealtime(market, { speed: 3600, tickMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    stop();
    const realMs = performance.now() - started;
    const simulatedMs = advanced.reduce((a, b) => a + b, 0);
    expect(advanced.length).toBeGreaterThan(1);
    expect(simulatedMs).toBeGreaterThan(0);
    expect(simulatedMs).toBeLessThanOrEqual(realMs * 3600 + 3600);
    const calls = advanced.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(advanced.length).toBe(calls);
    stop();
  });

  it('rejects a speed or tick that is not positive', () => {
    const { market } = countingMarket();
    expect(() => startRealtime(market, { speed: 0 })).toThrow(/positive/);
    expect(() => startRealtime(market, { speed: 1, tickMs: Number.NaN })).toThrow(/positive/);
  });
});
