import type { RiskAccount } from '../../domain/risk-account';
import type { RiskPosition } from '../../domain/risk-position';
import type { Tier } from '../../domain/tier';
import type { AlertEvent } from '../alert-event';
import type { AlertEngine } from '../engine';
import type { PositionObservation } from '../inputs';

/**
 * Shared by the alert tests only (no product code imports it): fixtures and small drivers.
 */

/** Binance-style BTCUSDT tiers with continuous deductions (0.4 % to $50k, 0.5 % to $500k, then 1 %). */
export const btcTiers: readonly Tier[] = [
  { floor: 0, cap: 50_000, maintenanceMarginRate: 0.004, deduction: 0, maxLeverage: 125 },
  { floor: 50_000, cap: 500_000, maintenanceMarginRate: 0.005, deduction: 50, maxLeverage: 100 },
  { floor: 500_000, cap: null, maintenanceMarginRate: 0.01, deduction: 2_550, maxLeverage: 50 },
];

/** An isolated BTCUSDT position of `size` BTC opened at 60,000 with `leverage` (margin = notional / leverage). */
export function btcPosition(
  side: RiskPosition['side'],
  size: number,
  leverage: number,
  markPrice = 60_000,
): RiskPosition {
  return {
    symbol: 'BTCUSDT',
    side,
    marginMode: 'isolated',
    size,
    contractSize: 1,
    entryPrice: 60_000,
    markPrice,
    leverage,
    isolatedMargin: (size * 60_000) / leverage,
    maxLeverage: 125,
    tiers: btcTiers,
  };
}

/** A Binance USDS-M account holding `positions`. */
export function binanceAccount(positions: readonly RiskPosition[], walletBalance = 10_000): RiskAccount {
  return { venue: 'binance-usdm', positionMode: 'hedge', walletBalance, takerFeeRate: 0, positions };
}

/** The same account with every BTCUSDT mark at `price`. */
export function withMark(account: RiskAccount, price: number): RiskAccount {
  return {
    ...account,
    positions: account.positions.map((position) =>
      position.symbol === 'BTCUSDT' ? { ...position, markPrice: price } : position,
    ),
  };
}

/** A BTC/USDT long on Binance at a safe 10 % margin ratio, 20 % from liquidation, with `patch` applied. */
export function observation(patch: Partial<PositionObservation> = {}): PositionObservation {
  return {
    accountId: 'main',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    displaySymbol: 'BTC/USDT',
    side: 'long',
    markPrice: 60_000,
    liquidationPrice: 48_000,
    marginRatio: 0.1,
    distance: 0.2,
    tickTimeMs: 1_000,
    ...patch,
  };
}

/** Feeds one observation per value (one second apart from `startMs`) and returns every event. */
export function feedValues(
  engine: AlertEngine,
  values: readonly number[],
  make: (value: number, timeMs: number) => PositionObservation,
  startMs = 1_000,
): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const [index, value] of values.entries()) {
    const timeMs = startMs + index * 1_000;
    events.push(...engine.evaluate({ positions: [make(value, timeMs)] }, timeMs));
  }
  return events;
}

/** `rule:level` or `rule:level:cleared` for each event, for compact expectations. */
export function summary(events: readonly AlertEvent[]): string[] {
  return events.map((event) => `${event.rule}:${event.level}${event.cleared ? ':cleared' : ''}`);
}
