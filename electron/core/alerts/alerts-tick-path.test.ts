import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { MarkTick } from '../../../shared/domain/stream-state';
import type { AccountPositions, PositionView } from '../../../shared/ipc/views/positions';
import { createManualClock } from '../../../test/support/manual-clock';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createSilentLogger } from '../logger';
import type { NotificationRequest } from '../ports';
import { createAlertsService } from './alerts-service';

const source = { venue: 'binance-usdm', source: 'demo' } as const;

/** A cross BTC long of 1 BTC from 100 at 10x on a 50 USDT wallet: liquidated near 50.25. */
function account(accountId: string, markPrice: number): AccountPositions {
  const risk: RiskAccount = {
    venue: 'binance-usdm',
    positionMode: 'oneway',
    walletBalance: 50,
    takerFeeRate: 0,
    positions: [
      {
        symbol: 'BTCUSDT',
        side: 'long',
        marginMode: 'cross',
        size: 1,
        contractSize: 1,
        entryPrice: 100,
        markPrice,
        leverage: 10,
        isolatedMargin: 0,
        maxLeverage: 20,
        tiers: [{ floor: 0, cap: null, maintenanceMarginRate: 0.005, deduction: 0, maxLeverage: 20 }],
      },
    ],
  };
  // The service reads these fields of a position's view; the rest belongs to the renderer.
  const view: Partial<PositionView> = {
    accountId,
    symbol: 'BTCUSDT',
    displaySymbol: 'BTC/USDT',
    side: 'long',
    adlRank: null,
    riskLimitLoweredAtMs: null,
    leverageLoweredAtMs: null,
  };
  return { accountId, positions: [view as PositionView], risk };
}

describe('a mark tick that raises alerts in several accounts', () => {
  const tempDir = useTempDirs();

  it('emits every account’s alert before the flushed history write, then writes and notifies them all', async () => {
    const dataDir = tempDir();
    const historyFile = join(dataDir, 'alerts', 'history.jsonl');
    const historyLines = (): number =>
      existsSync(historyFile) ? readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).length : 0;
    const ticks: ((tick: MarkTick) => void)[] = [];
    const emitted: { event: AlertEvent; linesOnDisk: number }[] = [];
    const notifications: NotificationRequest[] = [];
    const alerts = createAlertsService({
      dataDir,
      clock: createManualClock(),
      logger: createSilentLogger(),
      notifier: { notify: (notification) => notifications.push(notification) },
      subscribeMarks: (_market, onTick) => {
        ticks.push(onTick);
        return () => undefined;
      },
      onEvent: (event) => emitted.push({ event, linesOnDisk: historyLines() }),
      onChanged: () => undefined,
    });
    try {
      alerts.onPositions(account('first', 100), source);
      alerts.onPositions(account('second', 100), source);
      expect(emitted).toEqual([]); // far from liquidation: nothing yet
      expect(ticks).toHaveLength(1); // one stream for the market both accounts hold

      ticks[0]?.({ symbol: 'BTCUSDT', markPrice: 51, indexPrice: null, fundingRate: null, timeMs: 1 });

      const accountsAlerted = new Set(emitted.map(({ event }) => event.accountId));
      expect(accountsAlerted).toEqual(new Set(['first', 'second']));
      // No account's alert waited for another account's write to disk.
      expect(emitted.map(({ linesOnDisk }) => linesOnDisk)).toEqual(emitted.map(() => 0));
      // Written (and flushed) before the tick's handling ended, every one of them.
      expect(historyLines()).toBe(emitted.length);
      expect(new Set(notifications.map((notification) => notification.target?.accountId))).toEqual(accountsAlerted);
      expect(alerts.view().history).toHaveLength(emitted.length);
    } finally {
      await alerts.stop();
    }
  });
});
