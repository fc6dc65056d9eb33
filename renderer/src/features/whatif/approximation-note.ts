import { accountModeFacts } from '../../../../shared/domain/account-mode';
import type { RiskAccount } from '../../../../shared/domain/risk-account';
import type { PositionView } from '../../../../shared/ipc/views/positions';
import { formatPrice } from '../positions/format';

/**
 * What the what-if card says under its figures in a mode whose what-if is a named approximation
 * (e.g. OKX multi-currency): which approximation, and the venue's own liquidation price beside it,
 * so the approximate figure is never read as the venue's. Null in every other mode.
 */
export function approximationNote(
  account: Pick<RiskAccount, 'accountMode'>,
  position: Pick<PositionView, 'exchangeLiquidationPrice'> | undefined,
  tickSize: number,
): string | null {
  if (account.accountMode === undefined) return null;
  const whatIf = accountModeFacts(account.accountMode).whatIf;
  if (whatIf.kind !== 'approximate') return null;
  const venue = position?.exchangeLiquidationPrice ?? null;
  const venueText =
    venue === null
      ? 'The venue gives no liquidation price for this position.'
      : `The venue's own figure: ${formatPrice(venue, tickSize)}.`;
  return `Approximate (${whatIf.approximation}). ${venueText}`;
}
