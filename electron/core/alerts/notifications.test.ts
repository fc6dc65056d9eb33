import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../../shared/alerts';
import { observation } from '../../../shared/alerts/testing/support';
import { toNotifications } from './notifications';

describe('notifications of one evaluation', () => {
  it('are one per position, titled by its worst level and its account, venue, symbol and side, naming what else fired', () => {
    const engine = createAlertEngine();
    const events = engine.evaluate(
      {
        positions: [
          observation({ accountLabel: 'Main HL', marginRatio: 0.75, distance: 0.02 }),
          observation({ accountLabel: 'Main HL', symbol: 'ETHUSDT', displaySymbol: 'ETH/USDT', marginRatio: 0.55 }),
        ],
      },
      1_000,
    );
    expect(events).toHaveLength(3);
    expect(toNotifications(events)).toEqual([
      {
        title: 'Critical: Main HL · Binance USDⓈ-M · BTC/USDT long',
        body: 'liquidation 2 % away crossed critical (2.5 %) Also: margin ratio 75 % crossed danger (70 %).',
        level: 'critical',
        target: { accountId: 'main', symbol: 'BTCUSDT', side: 'long' },
        eventId: events.find((event) => event.level === 'critical')?.id,
      },
      {
        title: 'Warning: Main HL · Binance USDⓈ-M · ETH/USDT long',
        body: 'margin ratio 55 % crossed warning (50 %)',
        level: 'warning',
        target: { accountId: 'main', symbol: 'ETHUSDT', side: 'long' },
        eventId: events.at(-1)?.id,
      },
    ]);
  });

  it('leave out silent events: a snoozed position rings nothing', () => {
    const engine = createAlertEngine();
    engine.evaluate({ positions: [observation({ marginRatio: 0.55 })] }, 1_000);
    engine.snooze({ accountId: 'main', symbol: 'BTCUSDT', side: 'long' }, 10_000);
    const events = engine.evaluate({ positions: [observation({ marginRatio: 0.9, tickTimeMs: 2_000 })] }, 2_000);
    expect(events.map((event) => event.silencedBy)).toEqual(['snoozed']);
    expect(toNotifications(events)).toEqual([]);
  });
});
