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

describe('liqlens watch lines', () => {
  it('a liquidation prints "rule":"liquidated" with its price, its loss and whose figure the loss is', () => {
    if (liquidated === undefined) throw new Error('the engine should emit the liquidated event');
    const line = JSON.parse(watchLine(liquidated, true, Date.UTC(2026, 0, 5, 3, 0, 3))) as Record<string, unknown>;
    expect(line).toEqual({
      time: '2026-01-05T03:00:02.000Z',
      account: 'demo-1',
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
      '2026-01-05T03:00:02.000Z critical ETH/USDT long on Binance USDⓈ-M: liquidated at 2,540.4, loss $755 (computed from entry and size)',
    );
  });
});
