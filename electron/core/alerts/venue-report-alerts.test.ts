import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { useSimDemoCores, type SimDemoRun } from '../../../test/support/sim-demo-cores';
import type { SimAccountSpec } from '../../sim/market/account';
import type { Core } from '../create-core';

/**
 * A Bybit isolated account with a 10x ETH short opened 5 % above the starting mark: in profit, which
 * the simulator ranks by return on margin (3 of Bybit's 0–5 at 8x, 2 at 5x: not the front).
 */
const account: SimAccountSpec = {
  id: 'by-adl',
  venue: 'bybit-linear',
  mode: 'isolated',
  walletBalance: 2_000,
  positions: [{ symbol: 'ETHUSDT', side: 'short', size: 4, leverage: 10, marginMode: 'isolated', entryOffset: 0.05 }],
};

describe("the venue's own report raises alerts, through real ccxt against the simulated Bybit", () => {
  const startRun = useSimDemoCores();
  const start = (): Promise<SimDemoRun> => startRun({ seed: 7, scenario: 'calm', speed: 0, accounts: [account] });

  const adlRankOf = async (core: Core): Promise<number | null> => {
    const rows = (await core.handlers['positions:list']({})).flatMap((entry) => entry.positions);
    return rows.find((row) => row.symbol === 'ETHUSDT')?.adlRank?.value ?? null;
  };
  const ruled = (events: readonly AlertEvent[], rule: AlertEvent['rule']): AlertEvent[] =>
    events.filter((event) => event.symbol === 'ETHUSDT' && event.rule === rule);

  it('the ADL front fires once and ends without clearing; each venue cut fires once, an old stamp never', async () => {
    const { sim, core, events, notes } = await start();
    // A leverage cut made before LiqLens watched: its stamp is there at first sight and is no news.
    sim.market.adjustPosition(account.id, 'ETHUSDT', { leverage: 8 });
    await expect.poll(() => adlRankOf(core), { timeout: 60_000 }).toBe(3);
    expect(ruled(events, 'adlFront')).toEqual([]);

    sim.market.adjustPosition(account.id, 'ETHUSDT', { adlQuantile: 4 });
    await expect.poll(() => ruled(events, 'adlFront').length, { timeout: 60_000 }).toBe(1);
    const [front] = ruled(events, 'adlFront');
    expect(front).toMatchObject({ level: 'warning', cleared: false, value: 5, threshold: 5 });
    expect(front?.adl?.rank).toEqual({ value: 5, min: 0, max: 5 });
    expect(front?.adl?.unrealizedPnl).toBeGreaterThan(0);
    expect(front?.message).toMatch(
      /^Demo · Bybit · ETH\/USDT short: at the front of the ADL queue \(rank 5 of 0–5\) with \$[\d.]+k? unrealised profit/,
    );

    // The venue lowers the leverage (a later stamp than the one first seen): one alert naming it.
    sim.market.advance(1_000);
    sim.market.adjustPosition(account.id, 'ETHUSDT', { leverage: 5 });
    await expect.poll(() => ruled(events, 'venueLowered').length, { timeout: 60_000 }).toBe(1);
    const [cut] = ruled(events, 'venueLowered');
    expect(cut).toMatchObject({
      level: 'danger',
      cleared: false,
      value: 5,
      lowered: { riskLimitLoweredAtMs: null, leverageLoweredAtMs: sim.market.now(), leverage: 5 },
    });
    expect(cut?.message).toBe(
      'Demo · Bybit · ETH/USDT short: Bybit lowered the leverage to 5x on its own, the liquidation price moves closer: danger',
    );
    // The snapshots that carried the cut still ranked the short at the front: no second ADL alert.
    expect(ruled(events, 'adlFront')).toHaveLength(1);

    // It leaves the front (to rank 2: at 5x its margin is larger, its return on it smaller): the alert
    // ends (not cleared), and the cut is not reported again.
    sim.market.adjustPosition(account.id, 'ETHUSDT', { adlQuantile: null });
    await expect.poll(() => ruled(events, 'adlFront').length, { timeout: 60_000 }).toBe(2);
    expect(ruled(events, 'adlFront')[1]).toMatchObject({ cleared: false, end: 'left-front', value: 2 });
    expect(ruled(events, 'venueLowered')).toHaveLength(1);

    // Then the risk limit: one more alert, naming it.
    sim.market.advance(1_000);
    sim.market.adjustPosition(account.id, 'ETHUSDT', { maintenanceMarginRate: 0.05 });
    await expect.poll(() => ruled(events, 'venueLowered').length, { timeout: 60_000 }).toBe(2);
    expect(ruled(events, 'venueLowered')[1]?.message).toMatch(/Bybit lowered the risk limit on its own/);

    // Notifications ring for the fires, none for the end; the history holds every one of them.
    expect(notes.map((note) => note.title)).toEqual([
      'Front of the ADL queue: Demo · Bybit · ETH/USDT short',
      'Exchange lowered your limit: Demo · Bybit · ETH/USDT short',
      'Exchange lowered your limit: Demo · Bybit · ETH/USDT short',
    ]);
    const history = (await core.handlers['alerts:list']({})).history;
    expect(history.filter((event) => event.symbol === 'ETHUSDT').map((event) => [event.rule, event.end])).toEqual([
      ['venueLowered', undefined],
      ['adlFront', 'left-front'],
      ['venueLowered', undefined],
      ['adlFront', undefined],
    ]);
  }, 180_000);
});
