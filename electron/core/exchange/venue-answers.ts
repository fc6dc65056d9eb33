// What the venue files' readers build from a venue's own answers. Free of ccxt (unlike map-ccxt.ts),
// so the venue profiles load before ccxt does and the core starts without it.
import type { TakerVolumePoint } from '../../../shared/domain/open-interest';
import type { PermissionReport } from '../../../shared/domain/permission-report';

/** One taker statistic row as a point, or none when a figure is missing. */
export function takerPoint(timeMs: number | null, buy: number | null, sell: number | null): TakerVolumePoint[] {
  return timeMs === null || buy === null || sell === null
    ? []
    : [{ timeMs, buyVolume: buy, sellVolume: sell, source: 'venue' }];
}

/**
 * A permission report from what a venue's permission answer says, with the detail line the account
 * dialog shows; `venueLine` names the venue's endpoint ("Binance API restrictions").
 */
export function permissionReport(
  canRead: boolean,
  canTrade: boolean,
  canWithdraw: boolean,
  venueLine: string,
): PermissionReport {
  const readOnly = canRead && !canTrade && !canWithdraw;
  const detail = readOnly
    ? `Read-only key (${venueLine}).`
    : `This key can ${[canTrade ? 'trade' : '', canWithdraw ? 'withdraw' : ''].filter(Boolean).join(' and ')}: LiqLens only reads; create a read-only key (${venueLine}).`;
  return { canRead, canTrade, canWithdraw, readOnly, detail };
}
