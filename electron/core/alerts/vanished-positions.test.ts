import { describe, expect, it } from 'vitest';
import type { PositionObservation } from '../../../shared/alerts';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import { GatewayError } from '../exchange/gateway-error';
import { createVanishedPositions, evidenceWaitMs, freshMarkMs } from './vanished-positions';

const risk: RiskAccount = {
  venue: 'okx-swap',
  positionMode: 'hedge',
  walletBalance: 1_000,
  takerFeeRate: 0,
  positions: [
    {
      symbol: 'BTC-USDT-SWAP',
      side: 'long',
      marginMode: 'isolated',
      size: 5,
      contractSize: 0.01,
      entryPrice: 60_000,
      markPrice: 58_000,
      leverage: 10,
      isolatedMargin: 300,
      maxLeverage: 100,
      tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 100 }],
    },
  ],
};
const ref = { accountId: 'okx', symbol: 'BTC-USDT-SWAP', side: 'long' } as const;

function seen(mark: number, tickTimeMs: number, receivedAtMs: number): PositionObservation {
  return {
    ...ref,
    venue: 'okx-swap',
    markPrice: mark,
    liquidationPrice: 54_300,
    marginRatio: 0.3,
    distance: (mark - 54_300) / mark,
    tickTimeMs,
    receivedAtMs,
  };
}

/** A tracker whose force-close reader answers from `answers`, one per call (a thrown value rejects). */
function tracker(answers: (readonly ForceClose[] | Error)[]): ReturnType<typeof createVanishedPositions> {
  return createVanishedPositions(async () => {
    const answer = answers.shift() ?? [];
    if (answer instanceof Error) throw answer;
    return answer;
  });
}

describe('judging a vanished position in the core', () => {
  it('waits while the records cannot be read, then judges a user close once they can', async () => {
    const positions = tracker([new GatewayError('network', 'down'), []]);
    positions.observe('okx', risk, [seen(58_000, 1_000, 1_000)], () => 'okx|BTC', 1007);
    positions.observe('okx', risk, [seen(57_900, 2_000, 2_000)], () => 'okx|BTC', null);
    expect(positions.vanish('okx', [ref], 3_000)).toEqual([]);
    expect(await positions.judge('okx', 3_000)).toEqual({ liquidated: [], closed: [] });
    expect(positions.hasPending('okx')).toBe(true);
    expect(await positions.judge('okx', 4_000)).toEqual({ liquidated: [], closed: [ref] });
    expect(positions.hasPending('okx')).toBe(false);
  });

  it('a stale mark keeps it undecided; a fresh tick past the liquidation price then makes it liquidated', async () => {
    const unsupported = new GatewayError('unsupported', 'none');
    const positions = tracker([unsupported, unsupported]);
    positions.observe('okx', risk, [seen(58_000, 1_000, 1_000)], () => 'okx|BTC', 2007);
    positions.observe('okx', risk, [seen(57_000, 2_000, 2_000)], () => 'okx|BTC', null);
    positions.vanish('okx', [ref], 60_000);
    expect(await positions.judge('okx', 2_000 + freshMarkMs + 1)).toEqual({ liquidated: [], closed: [] });
    expect(positions.pendingStreams()).toEqual(new Set(['okx|BTC']));
    positions.tick('okx|BTC', 54_000, 70_000);
    const verdicts = await positions.judge('okx', 70_000);
    expect(verdicts.closed).toEqual([]);
    expect(verdicts.liquidated).toEqual([
      expect.objectContaining({
        ...ref,
        price: 54_300,
        // 5 contracts of 0.01 BTC: (60,000 − 54,300) × 0.05.
        lossUsd: expect.closeTo(285, 6) as unknown,
        lossSource: 'computed',
        evidence: 'price',
      }),
    ]);
  });

  it('a snapshot that holds the position again cancels the judgement', async () => {
    const positions = tracker([new GatewayError('network', 'down')]);
    positions.observe('okx', risk, [seen(58_000, 1_000, 1_000)], () => 'okx|BTC', 3007);
    positions.vanish('okx', [ref], 3_000);
    positions.observe('okx', risk, [seen(58_100, 4_000, 4_000)], () => 'okx|BTC', 4007);
    expect(positions.hasPending('okx')).toBe(false);
    expect(await positions.judge('okx', 5_000)).toEqual({ liquidated: [], closed: [] });
  });

  it('a snapshot told again (after a failed fetch) is no new sighting: a record from before the later ticks still counts', async () => {
    const record: ForceClose = { ...ref, price: 54_250, size: 0.05, timeMs: 1_500, lossUsd: null };
    const positions = tracker([[record]]);
    positions.observe('okx', risk, [seen(58_000, 1_000, 1_000)], () => 'okx|BTC', 1_007);
    positions.observe('okx', risk, [seen(57_000, 200_000, 200_000)], () => 'okx|BTC', null);
    positions.observe('okx', risk, [seen(57_000, 200_000, 200_000)], () => 'okx|BTC', 1_007);
    positions.observe('okx', risk, [seen(57_000, 200_000, 200_000)], () => 'okx|BTC', 1_007);
    positions.vanish('okx', [ref], 201_000);
    const verdicts = await positions.judge('okx', 201_000);
    expect(verdicts.liquidated).toEqual([expect.objectContaining({ price: 54_250, evidence: 'venue' })]);
  });

  it('waits for unreadable records before the price alone decides, at most evidenceWaitMs', async () => {
    const down = new GatewayError('network', 'down');
    const positions = tracker([down, down]);
    positions.observe('okx', risk, [seen(58_000, 1_000, 1_000)], () => 'okx|BTC', 5_007);
    positions.observe('okx', risk, [seen(54_000, 2_000, 2_000)], () => 'okx|BTC', null);
    positions.vanish('okx', [ref], 3_000);
    expect((await positions.judge('okx', 4_000)).liquidated).toEqual([]);
    const verdicts = await positions.judge('okx', 3_000 + evidenceWaitMs);
    expect(verdicts.liquidated).toEqual([expect.objectContaining({ price: 54_300, evidence: 'price' })]);
  });

  it('a position never observed (the app restarted) closes at once', () => {
    expect(tracker([]).vanish('okx', [ref], 1_000)).toEqual([ref]);
  });
});
