import type { ActiveAlert } from '../../../../shared/alerts';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions, PositionView } from '../../../../shared/ipc/views/positions';
import { freshnessText } from '../../../../shared/domain/freshness';
import { Badge, EmptyState, FreshnessNote } from '../../ui';
import { formatPercent, formatPrice, formatUsd } from './format';
import { AccountModeLine } from './AccountModeLine';
import { MarginGauge } from './MarginGauge';
import { accountModeFacts } from '../../../../shared/domain/account-mode';
import { isAdlFront } from '../../../../shared/domain/adl-rank';
import { venueFacts } from '../../../../shared/domain/venue';
import { noLiquidationLineText } from './account-mode-text';
import type { MarketStore } from '../market/market-store';
import { PositionNearestCluster } from './NearestCluster';

/** The badge's word: the account's freshness, unless only the user can fix it (`error`). */
const statusWords: Record<AccountSummary['status'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale',
  error: 'Error',
};

function SelfCheck({ position }: { readonly position: PositionView }) {
  // A mode LiqLens cannot recompute is not a mismatch: say whose figure it is and why.
  if (position.computedNote !== null)
    return (
      <span
        className="self-check self-check--unknown position-note"
        title={position.computedNote}
        data-testid="self-check"
      >
        {position.computedNote}
      </span>
    );
  if (position.selfCheckOk === null)
    return (
      <span
        className="self-check self-check--unknown"
        title="The exchange reports no liquidation price to check against"
      >
        n/a
      </span>
    );
  const difference = position.selfCheckDifference ?? 0;
  const title = `LiqLens computes ${formatPrice(position.computedLiquidationPrice, position.tickSize)}; the exchange reports ${formatPrice(position.exchangeLiquidationPrice, position.tickSize)} (difference ${difference.toFixed(6)})`;
  return (
    <span
      className={`self-check ${position.selfCheckOk ? 'self-check--ok' : 'self-check--off'}`}
      title={title}
      data-testid="self-check"
    >
      {position.selfCheckOk ? '✓ matches' : `Δ ${formatPrice(difference, position.tickSize)}`}
    </span>
  );
}

/** A position's worst active alert level, with the rules holding it in the tooltip. */
function AlertBadge({ alert }: { readonly alert: ActiveAlert | undefined }) {
  if (!alert) return null;
  return (
    <Badge
      tone={`alert-${alert.level}`}
      className="position-alert"
      title={`${alert.level}: ${alert.rules.map((r) => `${r.rule} ${r.level}`).join(', ')}`}
      data-testid="position-alert"
    >
      {alert.level === 'critical' ? '!!' : '!'}
    </Badge>
  );
}

function AccountHeader({ account }: { readonly account: AccountSummary }) {
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

/** Names the position the chart and what-if follow. */
export interface PositionSelection {
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
}

/** Props of the positions table. */
export interface PositionsTableProps {
  readonly accounts: readonly AccountSummary[];
  readonly positions: ReadonlyMap<string, AccountPositions>;
  readonly selected: PositionSelection | null;
  readonly onSelect: (selection: PositionSelection) => void;
  /** The active alerts, to mark each position with its worst level. */
  readonly alerts?: readonly ActiveAlert[];
  /** The renderer's market store: a row whose market is open there reads its nearest cluster from it. */
  readonly markets: MarketStore;
}

/**
 * Every position of every account, grouped by account, with the exchange's liquidation and the
 * self-check. A row selects its position for the chart and the what-if panel (click, Enter or Space).
 */
export function PositionsTable({ accounts, positions, selected, onSelect, alerts = [], markets }: PositionsTableProps) {
  if (accounts.length === 0) {
    return (
      <EmptyState heading="No accounts yet">
        Connect a read-only exchange key, track a Hyperliquid address, or type a position in by hand.
      </EmptyState>
    );
  }
  return (
    <div className="positions" data-testid="positions">
      {accounts.map((account) => {
        const rows = positions.get(account.id)?.positions ?? [];
        return (
          <div key={account.id} className="positions__group">
            <AccountHeader account={account} />
            {rows.length === 0 ? (
              <p className="positions__none">
                {account.status === 'connecting' ? 'Loading positions…' : 'No open positions.'}
              </p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Symbol</th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col" className="num">
                      Entry
                    </th>
                    <th scope="col" className="num">
                      Mark
                    </th>
                    <th scope="col" className="num">
                      Liq. price
                    </th>
                    <th scope="col" className="num">
                      Distance
                    </th>
                    <th scope="col">Margin ratio</th>
                    <th
                      scope="col"
                      className="num"
                      title="The nearest large cluster of other traders' liquidations on this position's liquidation side"
                    >
                      Nearest cluster
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((position) => {
                    const isSelected =
                      selected?.accountId === account.id &&
                      selected.symbol === position.symbol &&
                      selected.side === position.side;
                    const select = (): void =>
                      onSelect({ accountId: account.id, symbol: position.symbol, side: position.side });
                    return (
                      <tr
                        key={`${position.symbol}-${position.side}`}
                        data-testid="position-row"
                        data-stale={position.freshness.state === 'live' ? undefined : true}
                        title={
                          position.freshness.state === 'live'
                            ? undefined
                            : freshnessText(position.freshness, Date.now())
                        }
                        className={isSelected ? 'is-selected' : undefined}
                        aria-selected={isSelected}
                        tabIndex={0}
                        onClick={select}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            select();
                          }
                        }}
                      >
                        <td>
                          <AlertBadge
                            alert={alerts.find(
                              (a) =>
                                a.accountId === account.id && a.symbol === position.symbol && a.side === position.side,
                            )}
                          />
                          <span className={`side side--${position.side}`}>
                            {position.side === 'long' ? 'Long' : 'Short'}
                          </span>{' '}
                          {position.displaySymbol}
                          <span className="muted">
                            {' '}
                            {position.marginMode}
                            {position.leverage ? ` ${position.leverage}x` : ''}
                            {position.adlRank && !isAdlFront(position.adlRank) && (
                              <> · ADL {`${position.adlRank.value}/${position.adlRank.max}`}</>
                            )}
                          </span>
                          {isAdlFront(position.adlRank) && position.adlRank && (
                            <span
                              className="adl-front"
                              data-testid="adl-front"
                              title={`At the front of ${venueFacts(account.venue).full}'s auto-deleveraging queue: when a liquidation cannot be filled in the market, the venue closes positions at the front first.`}
                            >
                              ADL {position.adlRank.value}/{position.adlRank.max} · front
                            </span>
                          )}
                        </td>
                        <td className="num">
                          {position.sizeBase.toLocaleString('en-US', { maximumFractionDigits: 4 })}
                        </td>
                        <td className="num">{formatPrice(position.entryPrice, position.tickSize)}</td>
                        <td className="num">{formatPrice(position.markPrice, position.tickSize)}</td>
                        <td className="num" data-testid="liquidation-price">
                          {/* Without the venue's figure (a position typed in by hand) LiqLens's own is the price, as on the chart. */}
                          {noLiquidationLineText(position) !== null ? (
                            <span className="position-note" title={noLiquidationLineText(position) ?? ''}>
                              {noLiquidationLineText(position)}
                            </span>
                          ) : (
                            formatPrice(
                              position.exchangeLiquidationPrice ?? position.computedLiquidationPrice,
                              position.tickSize,
                            )
                          )}{' '}
                          {noLiquidationLineText(position) === null && <SelfCheck position={position} />}
                        </td>
                        <td className="num">{formatPercent(position.distance)}</td>
                        <td>
                          <MarginGauge marginRatio={position.marginRatio} />
                        </td>
                        <td className="num">
                          <PositionNearestCluster position={position} markets={markets} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </div>
  );
}
