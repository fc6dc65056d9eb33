import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import {
  closeByHand,
  liquidateSqueezedShort,
  squeezedHedgeAccount,
  useSimDemoCores,
} from '../../../test/support/sim-demo-cores';

/** One OKX account holding `squeezedHedgeAccount`'s legs on the simulated crash, read through real ccxt. */
const account = { id: 'liq-okx', venue: 'okx-swap', ...squeezedHedgeAccount } as const;

describe("an OKX position's end judged by OKX's own liquidation orders, through real ccxt against the simulator", () => {
  const startRun = useSimDemoCores();

  const of = (events: readonly AlertEvent[], side: 'long' | 'short'): AlertEvent[] =>
    events.filter((event) => event.symbol === 'BTC-USDT-SWAP' && event.side === side);

  it("a user close is not a liquidation; the squeezed short is liquidated at the order's price and time, with OKX's pnl", async () => {
    const run = await startRun({
      seed: 7,
      scenario: 'long-squeeze-crash',
      speed: 0,
      accounts: [account],
    });
    const { events } = run;
    await expect
      .poll(() => [of(events, 'long').length > 0, of(events, 'short').length > 0], { timeout: 120_000 })
      .toEqual([true, true]);

    await closeByHand(run, { accountId: account.id, symbol: 'BTCUSDT', side: 'long' }, () => of(events, 'long'));
    expect(of(events, 'long').filter((event) => event.rule === 'liquidated')).toEqual([]);

    const record = await liquidateSqueezedShort(run, account.id, () =>
      of(events, 'short').some((event) => event.rule === 'liquidated'),
    );
    expect(record).toMatchObject({ symbol: 'BTCUSDT' });

    const liquidated = of(events, 'short').filter((event) => event.rule === 'liquidated');
    expect(liquidated).toHaveLength(1);
    const [event] = liquidated;
    // The order's fill price and time, and OKX's own pnl (the close's profit, fees apart) as the loss;
    // judged by price alone it would be the last liquidation price, the time the app saw it gone and
    // a computed loss. OKX prints the fill price at the tick: the simulator's record of it is the same
    // tick in binary floating point (54,377.100000000006 for 54,377.1).
    expect(event).toMatchObject({
      level: 'critical',
      cleared: false,
      tickTimeMs: record?.timeMs,
      liquidation: { lossSource: 'venue', evidence: 'venue' },
    });
    expect(event?.value).toBeCloseTo(record?.price ?? 0, 6);
    expect(event?.liquidation?.price).toBeCloseTo(record?.price ?? 0, 6);
    expect(event?.liquidation?.lossUsd).toBeCloseTo(((record?.price ?? 0) - (record?.entryPrice ?? 0)) * 0.2, 6);
    expect(event?.liquidation?.lossUsd).toBeGreaterThan(0);
  }, 360_000);
});
