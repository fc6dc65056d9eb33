import { describe, expect, it } from 'vitest';
import { isFiring, type AlertEvent } from '../../../shared/alerts';
import {
  closeByHand,
  liquidateSqueezedShort,
  squeezedHedgeAccount,
  useSimDemoCores,
  type SimDemoRun,
} from '../../../test/support/sim-demo-cores';

/** One Binance account holding `squeezedHedgeAccount`'s legs on the simulated crash, read through real ccxt. */
const account = { id: 'liq-test', venue: 'binance-usdm', ...squeezedHedgeAccount } as const;

describe('a liquidation is an alert event, through real ccxt against the simulator', () => {
  const startRun = useSimDemoCores();
  const start = (): Promise<SimDemoRun> =>
    startRun({ seed: 7, scenario: 'long-squeeze-crash', speed: 0, accounts: [account] });

  const of = (events: readonly AlertEvent[], side: 'long' | 'short'): AlertEvent[] =>
    events.filter((event) => event.symbol === 'BTCUSDT' && event.side === side);

  it('a user close clears; the squeeze liquidates the short: one liquidated event with price and loss, its alerts ended, never cleared', async () => {
    const run = await start();
    const { core, events, notes } = run;
    // Both legs hold alerts before anything moves (the long through its distance, the short through both).
    await expect
      .poll(() => [of(events, 'long').length > 0, of(events, 'short').length > 0], { timeout: 120_000 })
      .toEqual([true, true]);

    await closeByHand(run, { accountId: account.id, symbol: 'BTCUSDT', side: 'long' }, () => of(events, 'long'));
    const userClose = of(events, 'long');
    expect(userClose.filter((event) => event.rule === 'liquidated')).toEqual([]);
    for (const event of userClose.filter((e) => e.cleared)) expect(event.message).toMatch(/position closed/);

    const before = of(events, 'short');
    const record = await liquidateSqueezedShort(run, account.id, () =>
      of(events, 'short').some((event) => event.rule === 'liquidated'),
    );
    expect(record).toMatchObject({ symbol: 'BTCUSDT' });

    const short = of(events, 'short');
    const at = short.findIndex((event) => event.rule === 'liquidated');
    const liquidated = short.slice(before.length).filter((event) => event.rule === 'liquidated');
    expect(liquidated).toHaveLength(1);
    const [event] = liquidated;
    // The venue's forced order gives the price; Binance gives no PnL on it, so the loss is computed.
    expect(event).toMatchObject({
      level: 'critical',
      cleared: false,
      value: record?.price,
      liquidation: { price: record?.price, lossSource: 'computed', evidence: 'venue' },
    });
    expect(event?.liquidation?.lossUsd).toBeCloseTo(((record?.price ?? 0) - (record?.entryPrice ?? 0)) * 0.2, 6);
    // The price as the order printed it, at BTCUSDT's 0.1 tick.
    const printed = (record?.price ?? 0).toLocaleString('en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    expect(event?.message).toMatch(
      new RegExp(
        `^Demo · Binance USDⓈ-M · BTC/USDT short: liquidated at ${printed.replace('.', '\\.')}, loss \\$\\d+ \\(computed`,
      ),
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
