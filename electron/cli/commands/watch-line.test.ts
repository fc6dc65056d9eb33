import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../../shared/alerts';
import { watchLine } from './watch-line';

const [liquidated] = createAlertEngine().evaluate(
  {
    liquidated: [
      {
        accountId: 'demo-1',
        venue: 'binance-usdm',
        symbol: 'ETHUSDT',
        displaySymbol: 'ETH/USDT',
        side: 'long',
        timeMs: Date.UTC(2026, 0, 5, 3),
        price: 2540.4,
        lossUsd: 755.3,
        lossSource: 'computed',
        evidence: 'venue',
        liquidationPrice: 2542.1,
      },
    ],
  },
  Date.UTC(2026, 0, 5, 3, 0, 2),
);

/** A Bybit short at the front of the ADL queue, then the venue cutting its leverage, then its end. */
function venueReportEvents() {
  const engine = createAlertEngine();
  const at = (timeMs: number, adl: number, leverageLoweredAtMs: number | null) =>
    engine.evaluate(
      {
        positions: [
          {
            accountId: 'by-1',
            venue: 'bybit-linear',
            symbol: 'ETHUSDT',
            displaySymbol: 'ETH/USDT',
            side: 'short',
            markPrice: 2_400,
            liquidationPrice: 3_120,
            marginRatio: 0.1,
            distance: 0.3,
            tickTimeMs: timeMs,
            venueReport: {
              adlRank: { value: adl, min: 0, max: 5 },
              unrealizedPnl: 420.5,
              leverage: 5,
              riskLimitLoweredAtMs: null,
              leverageLoweredAtMs,
            },
          },
        ],
      },
      timeMs,
    );
  const start = Date.UTC(2026, 0, 5, 3);
  const [front] = at(start, 5, null);
  const [cut] = at(start + 2_000, 5, start + 1_000);
  const [end] = at(start + 3_000, 3, start + 1_000);
  if (front === undefined || cut === undefined || end === undefined) throw new Error('three events expected');
  return { front, cut, end };
}

describe('liqlens watch lines', () => {
  it('the ADL front prints "rule":"adlFront" with the rank and the PnL, its end "end" (not cleared); a venue cut what it lowered', () => {
    const { front, cut, end } = venueReportEvents();
    const json = (event: typeof front) => JSON.parse(watchLine(event, true, 0)) as Record<string, unknown>;
    expect(json(front)).toMatchObject({
      rule: 'adlFront',
      cleared: false,
      value: 5,
      adlRank: { value: 5, min: 0, max: 5 },
      unrealizedPnl: 420.5,
    });
    expect(json(front)).not.toHaveProperty('end');
    expect(json(end)).toMatchObject({ rule: 'adlFront', cleared: false, end: 'left-front', adlRank: { value: 3 } });
    expect(json(cut)).toMatchObject({
      rule: 'venueLowered',
      level: 'danger',
      riskLimitLoweredAt: null,
      leverageLoweredAt: '2026-01-05T03:00:01.000Z',
      leverage: 5,
    });
    expect(watchLine(end, false, 0)).toMatch(
      /^2026-01-05T03:00:03\.000Z warning {2}ended by-1 · Bybit · ETH\/USDT short: left/,
    );
  });

  it('a liquidation prints "rule":"liquidated" with its price, its loss and whose figure the loss is', () => {
    if (liquidated === undefined) throw new Error('the engine should emit the liquidated event');
    const line = JSON.parse(watchLine(liquidated, true, Date.UTC(2026, 0, 5, 3, 0, 3))) as Record<string, unknown>;
    expect(line).toEqual({
      time: '2026-01-05T03:00:02.000Z',
      account: 'demo-1',
      accountLabel: 'demo-1',
      symbol: 'ETHUSDT',
      side: 'long',
      rule: 'liquidated',
      level: 'critical',
      cleared: false,
      value: 2540.4,
      tickTime: '2026-01-05T03:00:00.000Z',
      emittedAt: '2026-01-05T03:00:03.000Z',
      price: 2540.4,
      lossUsd: 755.3,
      lossSource: 'computed',
      ended: [],
    });
  });

  it('the text line says what happened in one sentence', () => {
    if (liquidated === undefined) throw new Error('the engine should emit the liquidated event');
    expect(watchLine(liquidated, false, 0)).toBe(
      '2026-01-05T03:00:02.000Z critical demo-1 · Binance USDⓈ-M · ETH/USDT long: liquidated at 2,540.4, loss $755 (computed from entry and size)',
    );
  });
});
