import type { ActiveAlert } from '../../../../shared/alerts';
import { freshnessText } from '../../../../shared/domain/freshness';
import { isAdlFront } from '../../../../shared/domain/adl-rank';
import { venueFacts } from '../../../../shared/domain/venue';
import type { MarketStore } from '../market/market-store';
import { noLiquidationLineText } from './account-mode-text';
import { AlertBadge } from './AlertBadge';
import { formatPercent, formatPrice, formatUsd } from './format';
import { MarginGauge } from './MarginGauge';
import { PositionNearestCluster } from './NearestCluster';
import type { PositionRowData } from './position-sort';
import { SelfCheck } from './SelfCheck';

/** Props of `PositionRow`. */
export interface PositionRowProps {
  readonly row: PositionRowData;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly alert: ActiveAlert | undefined;
  readonly markets: MarketStore;
}

/** `value` written by `format` with its sign always shown, one minus sign for money and percent ("+$12.30", "−4.1 %"). */
function signed(value: number, format: (magnitude: number) => string): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${format(Math.abs(value))}`;
}

/** The ADL cell: the rank on the venue's scale, named "front" (explained on hover) at the front of the queue. */
function AdlCell({ row }: { readonly row: PositionRowData }) {
  const rank = row.position.adlRank;
  if (!rank) return <span className="muted">—</span>;
  if (!isAdlFront(rank)) return <>{`${rank.value}/${rank.max}`}</>;
  return (
    <span
      className="adl-front"
      data-testid="adl-front"
      title={`At the front of ${venueFacts(row.account.venue).full}'s auto-deleveraging queue: when a liquidation cannot be filled in the market, the venue closes positions at the front first.`}
    >
      ADL {rank.value}/{rank.max} · front
    </span>
  );
}

/**
 * One position in the table, two lines a cell where two figures belong together (notional over
 * size, PnL over its percentage, margin over mode and leverage). Click, Enter or Space selects it.
 */
export function PositionRow({ row, selected, onSelect, alert, markets }: PositionRowProps) {
  const { account, position, figures } = row;
  const noLine = noLiquidationLineText(position);
  const base = position.displaySymbol.split('/')[0] ?? '';
  const pnlTone = figures.pnlUsd > 0 ? 'pnl--up' : figures.pnlUsd < 0 ? 'pnl--down' : '';
  return (
    <tr
      data-testid="position-row"
      data-account={account.label}
      data-stale={position.freshness.state === 'live' ? undefined : true}
      title={position.freshness.state === 'live' ? undefined : freshnessText(position.freshness, Date.now())}
      className={selected ? 'is-selected' : undefined}
      aria-selected={selected}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
        }
      }}
    >
      <td>
        <AlertBadge alert={alert} />
        <span className={`side side--${position.side}`}>{position.side === 'long' ? 'Long' : 'Short'}</span>{' '}
        {position.displaySymbol}
        <span className="cell-sub position-account" title={account.label} data-testid="position-account">
          {account.label}
        </span>
      </td>
      <td className="num">
        {formatUsd(figures.notionalUsd)}
        <span className="cell-sub">
          {position.sizeBase.toLocaleString('en-US', { maximumFractionDigits: 4 })} {base}
        </span>
      </td>
      <td className="num">
        {formatPrice(position.entryPrice, position.tickSize)}
        <span className="cell-sub">{formatPrice(position.markPrice, position.tickSize)}</span>
      </td>
      <td className={`num pnl ${pnlTone}`} data-testid="position-pnl">
        {signed(figures.pnlUsd, formatUsd)}
        <span className="cell-sub">
          {figures.pnlFraction === null ? '—' : signed(figures.pnlFraction, formatPercent)}
        </span>
      </td>
      <td className="num" data-testid="position-margin">
        {formatUsd(figures.marginUsd)}
        <span className="cell-sub">
          {position.marginMode}
          {position.leverage ? ` ${position.leverage}x` : ''}
        </span>
      </td>
      <td className="num" data-testid="liquidation-price">
        {/* Without the venue's figure (a position typed in by hand) LiqLens's own is the price, as on the chart. */}
        {noLine !== null ? (
          <span className="position-note" title={noLine}>
            {noLine}
          </span>
        ) : (
          formatPrice(position.exchangeLiquidationPrice ?? position.computedLiquidationPrice, position.tickSize)
        )}{' '}
        {noLine === null && <SelfCheck position={position} />}
      </td>
      <td className="num">{formatPercent(position.distance)}</td>
      <td>
        <MarginGauge marginRatio={position.marginRatio} />
      </td>
      <td className="num">
        <PositionNearestCluster position={position} markets={markets} />
      </td>
      <td className="num" data-testid="position-adl">
        <AdlCell row={row} />
      </td>
    </tr>
  );
}
