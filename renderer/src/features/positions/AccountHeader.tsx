import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { accountModeFacts } from '../../../../shared/domain/account-mode';
import { Badge, FreshnessNote } from '../../ui';
import { AccountModeLine } from './AccountModeLine';
import { formatUsd } from './format';
import { MarginGauge } from './MarginGauge';

/** The badge's word: the account's freshness, unless only the user can fix it (`error`). */
const statusWords: Record<AccountSummary['status'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale',
  error: 'Error',
};

/**
 * One account above the positions table: name, mode, status, equity and margin ratio, how fresh its
 * data is and any key warning; `count` says how many of the table's rows are its positions.
 */
export function AccountHeader({ account, count }: { readonly account: AccountSummary; readonly count: number }) {
  return (
    <div
      className={`account account--${account.status}`}
      data-testid="account"
      data-stale={account.freshness.state === 'live' ? undefined : true}
    >
      <span className="account__label">{account.label}</span>
      {account.kind === 'demo' && <Badge tone="demo">Demo</Badge>}
      <AccountModeLine account={account} />
      <span
        className={`account__status account__status--${account.status}`}
        title={account.statusMessage}
        data-testid="account-status"
      >
        {statusWords[account.status]}
      </span>
      <span className="account__count muted" data-testid="account-count">
        {count > 0
          ? `${count} ${count === 1 ? 'position' : 'positions'}`
          : account.status === 'connecting'
            ? 'Loading positions…'
            : 'No open positions.'}
      </span>
      <span className="account__figures">
        Equity {formatUsd(account.equity)} ·{' '}
        <span
          title={
            accountModeFacts(account.accountMode ?? 'manual').liquidationPrice !== 'exact' &&
            account.venueGauge !== null
              ? `LiqLens cannot recompute the ratio in this mode: this is the venue's ${account.venueGauge.name} on LiqLens's scale (100 % = liquidation)`
              : undefined
          }
        >
          Margin ratio <MarginGauge marginRatio={account.marginRatio} />
        </span>
      </span>
      {account.status === 'error' && account.statusMessage ? (
        <span className="account__message" role="status">
          {account.statusMessage}
        </span>
      ) : (
        <FreshnessNote freshness={account.freshness} className="account__message" testId="account-freshness" />
      )}
      {account.permissions?.warning && (
        <span className="account__warning" role="alert">
          {account.permissions.warning}
        </span>
      )}
    </div>
  );
}
