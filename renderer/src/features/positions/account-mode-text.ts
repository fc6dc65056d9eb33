import {
  accountModeFacts,
  accountModeLabel,
  gaugeTitles,
  type AccountGauge,
} from '../../../../shared/domain/account-mode';
import { marketSourceName, productionSource } from '../../../../shared/domain/market-source';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { PositionView } from '../../../../shared/ipc/views/positions';

/**
 * The account header's mode line: the venue, its data source when not production (as the chart
 * legend names it: "Bybit · testnet", "Binance · simulator"), then the mode, e.g.
 * "Bybit · testnet · unified · cross". The venue and source alone before the first read tells the
 * mode. A Demo account's source is left to its "Demo" badge.
 */
export function accountModeHeading(account: Pick<AccountSummary, 'venue' | 'source' | 'kind' | 'accountMode'>): string {
  const source = account.kind === 'demo' ? productionSource : account.source;
  const venue = marketSourceName({ venue: account.venue, source });
  return account.accountMode === null ? venue : `${venue} · ${accountModeLabel(account.accountMode)}`;
}

/** The venue gauge as a trader reads it: "uniMMR 31.94 (liquidation at or below 105 %)". */
export function gaugeText(gauge: AccountGauge): string {
  const level = `${(gauge.liquidationLevel * 100).toFixed(0)} %`;
  const side = gauge.direction === 'at-or-below' ? 'at or below' : 'at or above';
  const value = gauge.direction === 'at-or-below' ? gauge.value.toFixed(2) : `${(gauge.value * 100).toFixed(2)} %`;
  return `${gauge.name} ${value} (liquidation ${side} ${level})`;
}

/**
 * Where the account's mode puts the what-if: null when it is exact, else the words the panel shows
 * (the approximation's name, or why it is off).
 */
export function whatIfModeNote(account: Pick<AccountSummary, 'accountMode'>): string | null {
  if (account.accountMode === null) return null;
  const whatIf = accountModeFacts(account.accountMode).whatIf;
  if (whatIf.kind === 'exact') return null;
  return whatIf.kind === 'approximate'
    ? `What-if approximate: ${whatIf.approximation}`
    : `What-if off: ${whatIf.reason}`;
}

/**
 * What the account's alerts watch when its mode leaves LiqLens no liquidation price of its own (Bybit
 * portfolio margin gives none; in the other such modes LiqLens cannot recompute the venue's): distance
 * alerts do not apply, and the margin alerts follow the venue's account gauge, named as the alerts name
 * it. Null where the mode is recomputed or publishes no gauge.
 */
export function alertBasisNote(account: Pick<AccountSummary, 'accountMode'>): string | null {
  if (account.accountMode === null) return null;
  const facts = accountModeFacts(account.accountMode);
  if (facts.liquidationPrice === 'exact' || facts.gauge === null) return null;
  const why =
    facts.liquidationPrice === 'none'
      ? 'the venue gives no liquidation price in this mode'
      : 'LiqLens cannot recompute the liquidation price in this mode';
  const gauge = facts.gauge;
  return `Distance alerts do not apply (${why}); margin alerts follow the ${gaugeTitles[gauge.name]} (${gauge.name}), liquidation ${gauge.direction === 'at-or-below' ? 'at or below' : 'at or above'} ${(gauge.liquidationLevel * 100).toFixed(0)} %`;
}

/** Why no liquidation line is drawn for a position, or null when one is (the venue gave a price). */
export function noLiquidationLineText(
  position: Pick<PositionView, 'exchangeLiquidationPrice' | 'computedNote'>,
): string | null {
  if (position.exchangeLiquidationPrice !== null) return null;
  return position.computedNote === null ? null : `No liquidation line: ${position.computedNote}`;
}
