import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { accountModeHeading, alertBasisNote, gaugeText, whatIfModeNote } from './account-mode-text';

/**
 * The account header's mode part: "Bybit · testnet · unified · cross", the venue's own gauge where the mode
 * publishes one (the truth where LiqLens cannot recompute), what the alerts watch where distance alerts
 * do not apply, and what the what-if does in this mode.
 */
export function AccountModeLine({ account }: { readonly account: AccountSummary }) {
  const whatIf = whatIfModeNote(account);
  const alertBasis = alertBasisNote(account);
  return (
    <>
      <span className="account__mode" data-testid="account-mode">
        {accountModeHeading(account)}
      </span>
      {account.venueGauge && (
        <span className="account__gauge" data-testid="venue-gauge" title={account.venueGauge.definition}>
          Venue gauge: {gaugeText(account.venueGauge)}
        </span>
      )}
      {alertBasis && (
        <span className="account__whatif muted" data-testid="alert-basis">
          {alertBasis}
        </span>
      )}
      {whatIf && (
        <span className="account__whatif muted" data-testid="whatif-mode">
          {whatIf}
        </span>
      )}
    </>
  );
}
