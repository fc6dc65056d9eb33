import type { AlertEvent } from '../../../shared/alerts';

/**
 * The line `liqlens watch` prints for one alert event: with `json`, one JSON object (`time`,
 * `account`, `symbol`, `side`, `rule`, `level`, `cleared`, `value`, `tickTime`, `emittedAt`, and for
 * `"rule":"liquidated"` also `price`, `lossUsd` (USD, positive = lost; null unknown), `lossSource`
 * (`venue` or `computed`) and `ended`, the alert levels it ended); otherwise the time, the level and
 * the message. `nowMs`: when it is printed, Unix ms.
 */
export function watchLine(event: AlertEvent, json: boolean, nowMs: number): string {
  if (!json)
    return `${new Date(event.timeMs).toISOString()} ${event.level.padEnd(8)} ${event.cleared ? 'cleared ' : ''}${event.message}`;
  return JSON.stringify({
    time: new Date(event.timeMs).toISOString(),
    account: event.accountId,
    symbol: event.symbol,
    side: event.side,
    rule: event.rule,
    level: event.level,
    cleared: event.cleared,
    value: event.value,
    tickTime: new Date(event.tickTimeMs).toISOString(),
    emittedAt: new Date(nowMs).toISOString(),
    ...(event.liquidation === undefined
      ? {}
      : {
          price: event.liquidation.price,
          lossUsd: event.liquidation.lossUsd,
          lossSource: event.liquidation.lossSource,
          ended: event.liquidation.ended,
        }),
  });
}
