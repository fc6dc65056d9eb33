import type { AlertEvent } from '../../../shared/alerts';

/**
 * The line `liqlens watch` prints for one alert event: with `json`, one JSON object (`time`,
 * `account` (its id), `accountLabel` (the name the user gave it), `symbol`, `side`, `rule`, `level`, `cleared`, `value`, `tickTime`, `emittedAt`, and for
 * `"rule":"liquidated"` also `price`, `lossUsd` (USD, positive = lost; null unknown), `lossSource`
 * (`venue` or `computed`) and `ended`, the alert levels it ended; for `"rule":"adlFront"` `adlRank`
 * (`{value,min,max}` on the venue's scale, or null) and `unrealizedPnl` (quote currency, or null),
 * and on its end `end` (`left-front`, `closed`, `switched-off`: never `cleared`); for
 * `"rule":"venueLowered"` `riskLimitLoweredAt` / `leverageLoweredAt` (ISO time of the venue's stamp,
 * null when not part of this change) and `leverage` (the new one, or null)); otherwise the time, the
 * level and the message. `nowMs`: when it is printed, Unix ms.
 */
export function watchLine(event: AlertEvent, json: boolean, nowMs: number): string {
  if (!json)
    return `${new Date(event.timeMs).toISOString()} ${event.level.padEnd(8)} ${event.cleared ? 'cleared ' : event.end === undefined ? '' : 'ended '}${event.message}`;
  return JSON.stringify({
    time: new Date(event.timeMs).toISOString(),
    account: event.accountId,
    accountLabel: event.accountLabel,
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
    ...(event.end === undefined ? {} : { end: event.end }),
    ...(event.adl === undefined ? {} : { adlRank: event.adl.rank, unrealizedPnl: event.adl.unrealizedPnl }),
    ...(event.lowered === undefined
      ? {}
      : {
          riskLimitLoweredAt: isoOrNull(event.lowered.riskLimitLoweredAtMs),
          leverageLoweredAt: isoOrNull(event.lowered.leverageLoweredAtMs),
          leverage: event.lowered.leverage,
        }),
  });
}

function isoOrNull(timeMs: number | null): string | null {
  return timeMs === null ? null : new Date(timeMs).toISOString();
}
