import { accountModeFacts, accountModeLabel, type AccountGauge } from '../../../../shared/domain/account-mode';
import { venueFacts } from '../../../../shared/domain/venue';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { PositionView } from '../../../../shared/ipc/views/positions';

/**
 * The account header's mode line, e.g. "Bybit · unified · cross"; the venue's short name alone
 * before the first read tells the mode.
 */
export function accountModeHeading(account: Pick<AccountSummary, 'venue' | 'accountMode'>): string {
  const venue = venueFacts(account.venue).short;
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

/** Why no liquidation line is drawn for a position, or null when one is (the venue gave a price). */
export function noLiquidationLineText(
  position: Pick<PositionView, 'exchangeLiquidationPrice' | 'computedNote'>,
): string | null {
  if (position.exchangeLiquidationPrice !== null) return null;
  return position.computedNote === null ? null : `No liquidation line: ${position.computedNote}`;
}
