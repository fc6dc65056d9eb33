import type { SimAccountModes, SimAccountPosition, SimInstrument } from '../../market/types';
import { decimalText, stepText } from '../common/decimal-text';
import { bybitTiers, tierCap, tierIndexFor } from './bybit-instruments';

/**
 * Initial margin Bybit reports for a position (`positionIM`, quote units): the isolated margin as
 * held, or for cross the position value at the mark price over the leverage (the Sep 2025 rule:
 * cross IM at mark). Fees to close are not included.
 */
export function positionInitialMargin(position: SimAccountPosition): number {
  return position.marginMode === 'isolated'
    ? position.isolatedMargin
    : (position.size * position.markPrice) / position.leverage;
}

/**
 * One `GET /v5/position/list` row. `liqPrice` is the account's reported value ('' when none, as
 * Bybit sends). `bustPrice` and `positionBalance` are deprecated on v5: `bustPrice` is always '' as
 * on the live API; `positionBalance` repeats `positionIM`. `tradeMode` carries the position's margin
 * mode (0 cross, 1 isolated) because the simulator keeps margin mode per position. In hedge mode
 * `positionIdx` is 1 for the long leg and 2 for the short leg, 0 in one-way mode. In portfolio
 * margin `liqPrice`, `positionIM` and `positionMM` are '' and `riskId` 0, `leverage` '' (Bybit: the
 * fields do not apply). `adlRankIndicator` is the ADL quantile + 1 (1-5); the two `*SysUpdatedTime`
 * fields carry when the venue lowered the risk limit or the leverage on its own, else ''.
 */
export function positionRow(
  position: SimAccountPosition,
  instrument: SimInstrument,
  updatedTimeMs: number,
  mode: SimAccountModes['bybit-linear'] = 'isolated',
): Record<string, unknown> {
  const portfolio = mode === 'portfolio';
  const price = (value: number): string => stepText(value, instrument.tickSize);
  const money = (value: number): string => decimalText(value, 8);
  const valueAtMark = position.size * position.markPrice;
  const tierIndex = tierIndexFor(instrument, valueAtMark);
  const tier = bybitTiers(instrument)[tierIndex];
  const initialMargin = positionInitialMargin(position);
  return {
    positionIdx: position.positionSide === 'long' ? 1 : position.positionSide === 'short' ? 2 : 0,
    riskId: portfolio ? 0 : tierIndex + 1,
    riskLimitValue: tier ? decimalText(tierCap(tier), 2) : '',
    symbol: position.symbol,
    side: position.side === 'long' ? 'Buy' : 'Sell',
    size: stepText(position.size, instrument.stepSize),
    avgPrice: price(position.entryPrice),
    positionValue: money(position.size * position.entryPrice),
    tradeMode: position.marginMode === 'isolated' ? 1 : 0,
    autoAddMargin: 0,
    positionStatus: 'Normal',
    leverage: portfolio ? '' : decimalText(position.leverage, 2),
    markPrice: price(position.markPrice),
    liqPrice: portfolio || position.liquidationPrice === null ? '' : price(position.liquidationPrice),
    bustPrice: '',
    positionIM: portfolio ? '' : money(initialMargin),
    positionIMByMp: portfolio ? '' : money(initialMargin),
    positionMM: portfolio ? '' : money(position.maintenanceMargin),
    positionMMByMp: portfolio ? '' : money(position.maintenanceMargin),
    positionBalance: money(initialMargin),
    takeProfit: '0',
    stopLoss: '0',
    trailingStop: '0',
    sessionAvgPrice: '',
    delta: '',
    gamma: '',
    vega: '',
    theta: '',
    unrealisedPnl: money(position.unrealizedPnl),
    curRealisedPnl: '0',
    cumRealisedPnl: '0',
    adlRankIndicator: (position.adlQuantile ?? 0) + 1,
    createdTime: String(updatedTimeMs),
    updatedTime: String(updatedTimeMs),
    seq: updatedTimeMs,
    isReduceOnly: false,
    mmrSysUpdatedTime: position.riskLimitLoweredAtMs === undefined ? '' : String(position.riskLimitLoweredAtMs),
    leverageSysUpdatedTime: position.leverageLoweredAtMs === undefined ? '' : String(position.leverageLoweredAtMs),
    breakEvenPrice: price(position.entryPrice),
  };
}
