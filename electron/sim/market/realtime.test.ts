import { describe, expect, it } from 'vitest';
import { startRealtime } from './realtime';
import type { SimMarket } from './types';

function countingMarket(): { market: SimMarket; advanced: number[]; reached: (calls: number) => Promise<void> } {
  const advanced: number[] = [];
  const waiting: { calls: number; resolve: () => void }[] = [];
  // Only `advance` is driven; the rest of the interface is not reached by the driver.
  const market = {
    advance: (ms: number) => {
      advanced.push(ms);
      for (const w of waiting.filter((w) => advanced.length >= w.calls)) w.resolve();
    },
  } as unknown as SimMarket;
  // Resolves once the driver has called `advance` this many times, however slow the machine is.
  const reached = (calls: number) =>
    new Promise<void>((resolve) => {
      if (advanced.length >= calls) resolve();
      else waiting.push({ calls, resolve });
    });
  return { market, advanced, reached };
}

describe('startRealtime', () => {
  it('advances the market at speed × the real time that passed, and stops', async () => {
    const { market, advanced, reached } = countingMarket();
    const started = performance.now();
    const stop = startRealtime(market, { speed: 3600, tickMs: 5 });
    await reached(3);
    stop();
    const realMs = performance.now() - started;
    const simulatedMs = advanced.reduce((a, b) => a + b, 0);
    expect(advanced.length).toBeGreaterThan(1);
    expect(simulatedMs).toBeGreaterThan(0);
    expect(simulatedMs).toBeLessThanOrEqual(realMs * 3600 + 3600);
    const calls = advanced.length;
    // Several tick periods later a running timer would have fired again; a stopped one has not.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(advanced.length).toBe(calls);
    stop();
  });

  it('rejects a speed or tick that is not positive', () => {
    const { market } = countingMarket();
    expect(() => startRealtime(market, { speed: 0 })).toThrow(/positive/);
    expect(() => startRealtime(market, { speed: 1, tickMs: Number.NaN })).toThrow(/positive/);
  });
});
