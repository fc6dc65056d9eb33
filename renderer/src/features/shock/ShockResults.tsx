import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { venueRegistry, type Venue } from '../../../../shared/domain/venue';
import type { ShockLiquidation, ShockResult } from '../../../../shared/risk';
import { formatMoney, formatSignedPercent } from '../../lib/format-money';
import { formatPrice } from '../positions/format';

/** Props of the shock results: the engine's answer and what is needed to name and format it. */
export interface ShockResultsProps {
  readonly result: ShockResult;
  readonly positions: ReadonlyMap<string, AccountPositions>;
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
  readonly reference: string;
  /** The reference coin's whole move, signed fraction. */
  readonly referenceMove: number;
}

/** The account's label, with its venue unless the label already names it ("Demo · Bybit"). */
function accountText(label: string, venue: Venue): string {
  const name = venueRegistry[venue].short;
  return label.includes(name) ? label : `${label} · ${name}`;
}

function positionText(entry: ShockLiquidation, positions: ReadonlyMap<string, AccountPositions>) {
  const view = positions
    .get(entry.accountId)
    ?.positions.find((position) => position.symbol === entry.symbol && position.side === entry.side);
  return { name: view?.displaySymbol ?? entry.symbol, tick: view?.tickSize ?? 0.01 };
}

/**
 * What the shock does: the liquidations in the order the move reaches them (with the coin's move at
 * that point and the reference's), then each account's equity before and after, and per account
 * what LiqLens could not recompute. The assumptions close the list.
 */
export function ShockResults({ result, positions, skipped, reference, referenceMove }: ShockResultsProps) {
  const total = result.accounts.reduce((sum, account) => sum + account.positions, 0);
  const count = result.liquidations.length;
  return (
    <section className="shock-results" aria-label="Shock result" aria-live="polite">
      <p className="shock-summary" data-testid="shock-summary">
        {count === 0
          ? `No position liquidates (${total} checked).`
          : `${count} of ${total} positions liquidate, first at ${reference} ${formatSignedPercent(
              (result.liquidations[0]?.pathShare ?? 0) * referenceMove,
            )}.`}
      </p>
      {count > 0 && (
        <ol className="shock-list" aria-label="Liquidations, in the order the move reaches them">
          {result.liquidations.map((entry, index) => {
            const { name, tick } = positionText(entry, positions);
            const atReference = entry.pathShare * referenceMove;
            return (
              <li
                key={`${entry.accountId}:${entry.symbol}:${entry.side}`}
                className="shock-item"
                data-testid="shock-liquidation"
              >
                <span className="shock-item__rank">{index + 1}</span>
                <span className="shock-item__what">
                  <strong>
                    {name} {entry.side}
                  </strong>{' '}
                  <span className="muted">
                    {entry.marginMode} · {accountText(entry.accountLabel, entry.venue)}
                  </span>
                </span>
                <span className="shock-item__when">
                  {entry.pathShare === 0
                    ? 'already at liquidation'
                    : `at ${entry.coin} ${formatSignedPercent(entry.coinMove)}${
                        entry.coin === reference ? '' : ` (${reference} ${formatSignedPercent(atReference)})`
                      }, mark ${formatPrice(entry.markPrice, tick)}`}
                </span>
                <span className="shock-item__lost">
                  {entry.returned ? 'margin left returned: ' : 'margin lost: '}
                  {formatMoney(entry.marginLost)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <table className="shock-accounts" data-testid="shock-accounts">
        <caption className="shock-label">Equity per account</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Now</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
            <th scope="col">Liquidated</th>
          </tr>
        </thead>
        <tbody>
          {result.accounts.map((account) => (
            <tr key={account.accountId} data-testid="shock-account" data-kind={account.kind}>
              <th scope="row">
                {accountText(account.label, account.venue)}
                {account.note !== null && (
                  <span className={`shock-note shock-note--${account.kind}`}>
                    {account.kind === 'off' ? 'Not recomputed: ' : 'Approximate: '}
                    {account.note}
                  </span>
                )}
              </th>
              <td>{formatMoney(account.equityBefore)}</td>
              <td data-testid="shock-equity-after">{formatMoney(account.equityAfter)}</td>
              <td>
                {account.equityBefore === null || account.equityAfter === null
                  ? '—'
                  : formatMoney(account.equityAfter - account.equityBefore)}
              </td>
              <td>{account.kind === 'off' ? '—' : `${account.liquidated} of ${account.positions}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {skipped.map((entry) => (
        <p key={entry.label} className="shock-note shock-note--off">
          {entry.label}: not included, {entry.reason}.
        </p>
      ))}
      <p className="shock-assumptions muted">
        Every coin moves along its own line from now to the full move, all together. A position liquidates where its
        venue's equity meets its requirement (isolated alone, cross with its whole pool). A liquidated position leaves
        what its venue leaves: Hyperliquid returns the margin left; Binance, Bybit and OKX's insurance funds keep it.
        Partial (tier) liquidation, fees, funding and slippage are not counted.
      </p>
    </section>
  );
}
