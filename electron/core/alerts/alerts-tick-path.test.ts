import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertConfigInput, AlertEvent } from '../../../shared/alerts';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { MarkTick } from '../../../shared/domain/stream-state';
import type { AccountPositions, PositionView } from '../../../shared/ipc/views/positions';
import { createManualClock } from '../../../test/support/manual-clock';
import { useTempDirs } from '../../../test/support/temp-dir';
import { createSilentLogger } from '../logger';
import type { NotificationRequest } from '../ports';
import { evaluateAccount } from '../../../shared/risk';
import { createAlertsService, type AlertsService } from './alerts-service';

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

/** Resolves after the end of the current turn of the event loop, where the ticks of the turn are evaluated. */
const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** An alerts service whose accounts hold BTCUSDT alone: `tick` sends it a mark, `emitted` gathers its events. */
function serviceOnOneMarket(
  dataDir: string,
  clock: ReturnType<typeof createManualClock>,
  config?: AlertConfigInput,
): { alerts: AlertsService; emitted: AlertEvent[]; tick: (markPrice: number, timeMs: number) => void } {
  const ticks: ((tick: MarkTick) => void)[] = [];
  const emitted: AlertEvent[] = [];
  const alerts = createAlertsService({
    dataDir,
    clock,
    logger: createSilentLogger(),
    notifier: { notify: () => undefined },
    ...(config === undefined ? {} : { config }),
    subscribeMarks: (_market, onTick) => {
      ticks.push(onTick);
      return () => undefined;
    },
    onEvent: (event) => emitted.push(event),
    onChanged: () => undefined,
  });
  const tick = (markPrice: number, timeMs: number): void =>
    ticks[0]?.({ symbol: 'BTCUSDT', markPrice, indexPrice: null, fundingRate: null, timeMs });
  return { alerts, emitted, tick };
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

      // Evaluated right after the turn the tick arrived in, together with any tick of the same turn.
      await expect
        .poll(() => new Set(emitted.map(({ event }) => event.accountId)))
        .toEqual(new Set(['first', 'second']));
      const accountsAlerted = new Set(emitted.map(({ event }) => event.accountId));
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

  it('evaluates a cross account on every mark that moved: ticks of two symbols in one turn both count', async () => {
    const ticks = new Map<string, (tick: MarkTick) => void>();
    const emitted: AlertEvent[] = [];
    const alerts = createAlertsService({
      dataDir: tempDir(),
      clock: createManualClock(),
      logger: createSilentLogger(),
      notifier: { notify: () => undefined },
      subscribeMarks: (market, onTick) => {
        ticks.set(market.symbol, onTick);
        return () => undefined;
      },
      onEvent: (event) => emitted.push(event),
      onChanged: () => undefined,
    });
    try {
      // The BTC long of `account` beside a cross ETH long of 10 from 10: both draw on the one wallet.
      const entry = account('cross', 100);
      const btc = entry.risk?.positions[0];
      if (entry.risk === null || btc === undefined) throw new Error('no position');
      const eth = { ...btc, symbol: 'ETHUSDT', size: 10, entryPrice: 10, markPrice: 10 };
      const risk: RiskAccount = { ...entry.risk, walletBalance: 60, positions: [btc, eth] };
      const ethView = { ...entry.positions[0], symbol: 'ETHUSDT', displaySymbol: 'ETH/USDT' } as PositionView;
      alerts.onPositions({ ...entry, positions: [...entry.positions, ethView], risk }, source);
      expect(emitted).toEqual([]);

      // Neither move alone brings BTC within 10 % of its liquidation price; both together do.
      const btcDistance = (btcMark: number, ethMark: number): number => {
        const marks: Readonly<Record<string, number>> = { BTCUSDT: btcMark, ETHUSDT: ethMark };
        const moved = { ...risk, positions: risk.positions.map((p) => ({ ...p, markPrice: marks[p.symbol] ?? 0 })) };
        return evaluateAccount(moved).positions.find((p) => p.symbol === 'BTCUSDT')?.distance ?? Number.NaN;
      };
      expect(btcDistance(70, 10)).toBeGreaterThan(0.105);
      expect(btcDistance(100, 7.5)).toBeGreaterThan(0.105);
      const expected = btcDistance(70, 7.5);
      expect(expected).toBeLessThan(0.1);
      ticks.get('BTCUSDT')?.({ symbol: 'BTCUSDT', markPrice: 70, indexPrice: null, fundingRate: null, timeMs: 2 });
      ticks.get('ETHUSDT')?.({ symbol: 'ETHUSDT', markPrice: 7.5, indexPrice: null, fundingRate: null, timeMs: 2 });

      await expect
        .poll(() => emitted.some((event) => event.symbol === 'BTCUSDT' && event.rule === 'distance'))
        .toBe(true);
      const distance = emitted.find((event) => event.symbol === 'BTCUSDT' && event.rule === 'distance');
      expect(distance?.value).toBeCloseTo(expected, 12);
    } finally {
      await alerts.stop();
    }
  });
});

describe('two marks of one symbol in one turn', () => {
  const tempDir = useTempDirs();

  it('are both judged: a dip past a level and back within one read still raises the alert', async () => {
    const { alerts, emitted, tick } = serviceOnOneMarket(tempDir(), createManualClock());
    try {
      alerts.onPositions(account('dip', 100), source);
      // Both marks reach the core in the same turn (one socket read): near liquidation, then far again.
      tick(51, 1000);
      tick(100, 1001);
      await endOfTurn();
      const moved = { ...account('dip', 51).risk } as RiskAccount;
      const expected = evaluateAccount(moved).positions[0]?.distance;
      expect(emitted.find((event) => event.rule === 'distance' && !event.cleared)?.value).toBe(expected);
    } finally {
      await alerts.stop();
    }
  });
});

describe('a mark tick that brings the same mark again', () => {
  const tempDir = useTempDirs();

  it('keeps the position’s data fresh, with the figures of the engine, and a later move still counts', async () => {
    const clock = createManualClock();
    // The stale rule watches every position here, whatever its margin ratio.
    const { alerts, emitted, tick } = serviceOnOneMarket(tempDir(), clock, { rules: { stale: { minMarginRatio: 0 } } });
    try {
      const entry = account('same', 100);
      alerts.onPositions(entry, source);
      // A quiet market: the venue sends the unchanged mark every few seconds for half a minute.
      for (let second = 5; second <= 30; second += 5) {
        clock.advance(5000);
        tick(100, second * 1000);
        await endOfTurn();
      }
      await expect.poll(() => alerts.nearWarning('same')).toBe(false);
      expect(emitted.filter((event) => event.rule === 'stale')).toEqual([]);

      // The mark then falls near the liquidation price: the alert carries the engine's own distance.
      tick(51, 31_000);
      await expect.poll(() => emitted.some((event) => event.rule === 'distance')).toBe(true);
      const moved = { ...entry.risk, positions: entry.risk?.positions.map((p) => ({ ...p, markPrice: 51 })) ?? [] };
      const expected = evaluateAccount(moved as RiskAccount).positions[0]?.distance;
      expect(emitted.find((event) => event.rule === 'distance')?.value).toBe(expected);
      // And the same low mark again raises nothing new.
      const count = emitted.length;
      tick(51, 32_000);
      await endOfTurn();
      expect(emitted).toHaveLength(count);
    } finally {
      await alerts.stop();
    }
  });
});
