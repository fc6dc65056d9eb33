import { describe, expect, it } from 'vitest';
import { isFiring, type AlertEvent } from '../../../shared/alerts';
import { useSimDemoCores, type SimDemoRun } from '../../../test/support/sim-demo-cores';

/**
 * One Binance account in hedge mode on the simulated crash, read through real ccxt: a 50x BTC short
 * that the squeeze before the crash liquidates (about 26 simulated minutes in), and a 20x BTC long,
 * close enough to liquidation to hold alerts, that the user closes before anything happens.
 */
const account = {
  id: 'liq-test',
  venue: 'binance-usdm',
  walletBalance: 5_000,
  positionMode: 'hedge',
  positions: [
    { symbol: 'BTCUSDT', side: 'short', size: 0.2, leverage: 50, marginMode: 'isolated', entryOffset: -0.005 },
    { symbol: 'BTCUSDT', side: 'long', size: 0.2, leverage: 20, marginMode: 'isolated', entryOffset: 0 },
  ],
} as const;

describe('a liquidation is an alert event, through real ccxt against the simulator', () => {
  const startRun = useSimDemoCores();
  const start = (): Promise<SimDemoRun> =>
    startRun({ seed: 7, scenario: 'long-squeeze-crash', speed: 0, accounts: [account] });

  const of = (events: readonly AlertEvent[], side: 'long' | 'short'): AlertEvent[] =>
    events.filter((event) => event.symbol === 'BTCUSDT' && event.side === side);

  it('a user close clears; the squeeze liquidates the short: one liquidated event with price and loss, its alerts ended, never cleared', async () => {
    const { sim, core, events, notes } = await start();
    // Both legs hold alerts before anything moves (the long through its distance, the short through both).
    await expect
      .poll(() => [of(events, 'long').length > 0, of(events, 'short').length > 0], { timeout: 120_000 })
      .toEqual([true, true]);

    expect(sim.market.closePosition(account.id, 'BTCUSDT', 'long')).toBe(true);
    // Each poll moves the market a second, so the mark stays fresh while the close is judged.
    await expect
      .poll(
        () => {
          sim.market.advance(1_000);
          return of(events, 'long').filter((event) => event.cleared).length;
        },
        { timeout: 120_000 },
      )
      .toBeGreaterThan(0);
    const userClose = of(events, 'long');
    expect(userClose.filter((event) => event.rule === 'liquidated')).toEqual([]);
    for (const event of userClose.filter((e) => e.cleared)) expect(event.message).toMatch(/position closed/);

    const before = of(events, 'short');
    // A minute at a time, each followed by a fresh account poll, as a venue's clock moves between
    // polls (a whole crash in one step would leave no snapshot between it and the liquidation).
    const polledAt = async (): Promise<number | undefined> =>
      (await core.handlers['positions:list']({}))[0]?.positions[0]?.updatedAtMs;
    for (let minute = 0; minute < 40 && (sim.market.account(account.id)?.liquidations ?? []).length === 0; minute++) {
      const before = await polledAt();
      sim.market.advance(60_000);
      await expect.poll(polledAt, { timeout: 60_000 }).not.toBe(before);
    }
    const record = sim.market.account(account.id)?.liquidations?.[0];
    expect(record).toMatchObject({ symbol: 'BTCUSDT', side: 'short' });
    await expect
      .poll(
        () => {
          sim.market.advance(1_000);
          return of(events, 'short').some((event) => event.rule === 'liquidated');
        },
        { timeout: 120_000 },
      )
      .toBe(true);

    const short = of(events, 'short');
    const at = short.findIndex((event) => event.rule === 'liquidated');
    const liquidated = short.slice(before.length).filter((event) => event.rule === 'liquidated');
    expect(liquidated).toHaveLength(1);
    const [event] = liquidated;
    const entry = 53_322.09496048046;
    // The venue's forced order gives the price; Binance gives no PnL on it, so the loss is computed.
    expect(event).toMatchObject({
      level: 'critical',
      cleared: false,
      value: record?.price,
      liquidation: { price: record?.price, lossSource: 'computed', evidence: 'venue' },
    });
    expect(event?.liquidation?.lossUsd).toBeCloseTo(((record?.price ?? 0) - entry) * 0.2, 6);
    expect(event?.message).toMatch(
      /^Demo · Binance USDⓈ-M · BTC\/USDT short: liquidated at 54,181\.5, loss \$\d+ \(computed/,
    );
    // Its alerts end as part of it: each rule's level that was still open is listed there, and no
    // "cleared" event for the short follows.
    const rank = { warning: 1, danger: 2, critical: 3 } as const;
    const highest = new Map<string, number>();
    for (const earlier of short.slice(0, at)) {
      if (isFiring(earlier)) highest.set(earlier.rule, rank[earlier.level]);
      else if (earlier.cleared) highest.set(earlier.rule, rank[earlier.clearedTo ?? earlier.level] - 1);
    }
    for (const [rule, held] of highest) if (held === 0) highest.delete(rule);
    expect(highest.size).toBeGreaterThan(0);
    expect(new Map(event?.liquidation?.ended.map((ended) => [ended.rule, rank[ended.level]]))).toEqual(highest);
    expect(short.slice(at + 1).filter((e) => e.cleared)).toEqual([]);
    expect((await core.handlers['alerts:list']({})).active).toEqual([]);
    expect(
      notes.some(
        (note) =>
          note.title === 'Liquidated: Demo · Binance USDⓈ-M · BTC/USDT short' &&
          event?.message.endsWith(`: ${note.body}`),
      ),
    ).toBe(true);
    // Later polls do not judge it again.
    for (let k = 0; k < 3; k++) await core.handlers['positions:list']({});
    expect(of(events, 'short').filter((e) => e.rule === 'liquidated')).toHaveLength(1);
  }, 360_000);
});
