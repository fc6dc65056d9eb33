import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { useSimDemoCores } from '../../../test/support/sim-demo-cores';

/**
 * A Bybit portfolio-margin account on the simulated crash, read through real ccxt: Bybit gives its
 * position no liquidation price, so no distance alert can fire; the account maintenance margin rate
 * (`accountMMRate`) that Bybit liquidates the whole account on rises as the mark climbs against a short, and the
 * margin alerts fire on it, named as such.
 */
const account = {
  id: 'by-pm-alerts',
  venue: 'bybit-linear',
  mode: 'portfolio',
  walletBalance: 400,
  positions: [{ symbol: 'BTCUSDT', side: 'short', size: 0.5, leverage: 50, marginMode: 'cross' }],
} as const;

describe('Bybit portfolio margin: alerts on the account measure, through real ccxt against the simulator', () => {
  const startRun = useSimDemoCores();

  it('the rising mark raises accountMMRate against the short and a margin alert names it; no distance alert', async () => {
    const { sim, core, events } = await startRun({
      seed: 2,
      scenario: 'long-squeeze-crash',
      speed: 0,
      accounts: [account],
    });
    const view = async () => (await core.handlers['positions:list']({}))[0];
    await expect.poll(async () => (await view())?.positions.length, { timeout: 120_000 }).toBe(1);
    const first = (await view())?.positions[0];
    expect(first?.exchangeLiquidationPrice).toBeNull();
    expect(first?.computedLiquidationPrice).toBeNull();
    // Below the first level at the start: the alert below comes from the move.
    expect(first?.marginRatio).toBeLessThan(0.5);

    const fired = (): AlertEvent[] => events.filter((event) => event.rule === 'marginRatio' && !event.cleared);
    // A minute at a time, each followed by a fresh account poll, until the account measure crosses a level.
    const polledAt = async (): Promise<number | undefined> => (await view())?.positions[0]?.updatedAtMs;
    for (let minute = 0; minute < 60 && fired().length === 0; minute++) {
      const before = await polledAt();
      sim.market.advance(60_000);
      await expect.poll(polledAt, { timeout: 60_000 }).not.toBe(before);
    }
    const [alert] = fired();
    expect(alert?.message).toMatch(
      /^Demo · Bybit · BTC\/USDT short: account maintenance margin rate \(Bybit accountMMRate\) \d+ % crossed (warning|danger|critical) \(\d+ %\)$/,
    );
    // The value is the venue's own figure as the position list shows it (the market stands still now).
    expect(alert?.value).toBeGreaterThanOrEqual(0.5);
    expect(alert?.value).toBeCloseTo((await view())?.positions[0]?.marginRatio ?? NaN, 6);
    expect(events.filter((event) => event.rule === 'distance')).toEqual([]);
    const accounts = await core.handlers['accounts:list']({});
    expect(accounts[0]?.venueGauge?.name).toBe('accountMMRate');
  }, 600_000);
});
