import type { ReactNode } from 'react';
import { venueName } from '../../../../shared/domain/venue';
import type { MarketKey } from '../../../../shared/ipc/contract';
import type { ContextFigure, ContextMetric, MarketContextView } from '../../../../shared/ipc/views/market-context';
import { FreshnessNote } from '../../ui';
import { formatUsdCompact } from '../chart/usd-compact';
import { formatFixed } from '../positions/format';
import { CvdSparkline } from './CvdSparkline';
import {
  absentReason,
  baseAmount,
  changesText,
  settlementText,
  fundingDetail,
  fundingRateText,
  signedBase,
  signedPercent,
} from './context-text';
import './context.css';

/** Props of `MarketContextPanel`. */
export interface MarketContextPanelProps {
  /** The charted market; null shows nothing. */
  readonly market: MarketKey | null;
  /** The market's base asset ("BTC"), for open interest and CVD in units. */
  readonly base: string;
  /** The core's last answer (`useMarketContext`), null before the first. */
  readonly view: MarketContextView | null;
  /** Why the last ask failed, null when it did not. */
  readonly error: string | null;
}

/** One row: name, value, detail, or the reason the venue gives no such figure. */
function Row<T>(props: {
  readonly metric: ContextMetric | 'price';
  readonly name: string;
  readonly figure: ContextFigure<T>;
  readonly flagged: boolean;
  readonly render: (figure: T) => { readonly value: ReactNode; readonly detail: ReactNode };
}) {
  const reason = absentReason(props.figure);
  const shown = props.figure.state === 'ok' ? props.render(props.figure) : null;
  return (
    <div
      className={`context-row${props.flagged ? ' context-row--flagged' : ''}`}
      data-testid={`context-${props.metric}`}
      data-state={props.figure.state}
    >
      <dt className="context-row__name">{props.name}</dt>
      <dd className="context-row__value">{shown?.value ?? '—'}</dd>
      <dd className="context-row__detail">{shown?.detail ?? reason}</dd>
    </div>
  );
}

/** The figures of a view, each a row; flagged rows are marked. */
function Figures({
  view,
  base,
  venue,
}: {
  readonly view: MarketContextView;
  readonly base: string;
  readonly venue: string;
}) {
  const flagged = new Set(view.flags.map((flag) => flag.metric));
  return (
    <dl className="context-rows">
      <Row
        metric="price"
        name="Price"
        figure={view.price}
        flagged={false}
        render={(p) => ({ value: formatFixed(p.now, p.now >= 100 ? 1 : 4), detail: changesText(p) })}
      />
      <Row
        metric="openInterest"
        name="Open interest"
        figure={view.openInterest}
        flagged={flagged.has('openInterest')}
        render={(oi) => ({
          value: oi.unit === 'base' ? baseAmount(oi.now, base) : formatUsdCompact(oi.now),
          detail: changesText(oi) + (oi.unit === 'usd' ? ' (in USD: moves with price too)' : ''),
        })}
      />
      <Row
        metric="funding"
        name="Funding"
        figure={view.funding}
        flagged={flagged.has('funding')}
        render={(f) => ({
          value: fundingRateText(f.rate),
          detail: `${settlementText(f.nextSettlementMs === null ? null : f.nextSettlementMs - f.readAtMs)} · ${fundingDetail(f, venue)}`,
        })}
      />
      <Row
        metric="cvd"
        name="CVD (taker net)"
        figure={view.cvd}
        flagged={flagged.has('cvd')}
        render={(c) => ({
          value: (
            <>
              1 h {signedBase(c.net1h, base)}
              <CvdSparkline figure={c} base={base} />
            </>
          ),
          detail: `${signedPercent(c.share1h)} of the hour's volume · 24 h ${c.net24h === null ? '—' : signedBase(c.net24h, base)}`,
        })}
      />
      <Row
        metric="longShort"
        name="Long/short accounts"
        figure={view.longShort}
        flagged={flagged.has('longShort')}
        render={(r) => ({ value: r.now.toFixed(2), detail: changesText(r) })}
      />
      <Row
        metric="volume"
        name="Volume"
        figure={view.volume}
        flagged={flagged.has('volume')}
        render={(v) => ({
          value: `1 h ${formatUsdCompact(v.last1hUsd)}`,
          detail: `24 h ${formatUsdCompact(v.last24hUsd)}${v.relative1h === null ? '' : ` · hour at ${Math.round(v.relative1h * 100)} % of the day's average`}`,
        })}
      />
    </dl>
  );
}

/**
 * The warning signs a trader reads beside the map, for the charted market: open interest and its
 * 1 h / 24 h change, funding with the countdown to its settlement, CVD, the long/short account
 * ratio and volume, each with the venue's reason where it publishes no such feed, and a plain flag
 * wherever one diverges from the price move.
 */
export function MarketContextPanel({ market, base, view, error }: MarketContextPanelProps) {
  if (market === null) return null;
  const venue = venueName(market.venue);
  return (
    <section className="market-context" aria-labelledby="market-context-title" data-testid="market-context">
      <header className="market-context__header">
        <h3 id="market-context-title" className="market-context__title">
          Market context · {venue}
        </h3>
        {view && <FreshnessNote freshness={view.freshness} testId="market-context-freshness" />}
      </header>
      {error && (
        <p className="market-context__error" role="alert">
          Market context not read: {error}
        </p>
      )}
      {view === null ? (
        !error && <p className="market-context__waiting">Reading open interest, funding and flows…</p>
      ) : (
        <>
          <Figures view={view} base={base} venue={venue} />
          {view.flags.length > 0 && (
            <ul className="market-context__flags" aria-label="Divergences from price">
              {view.flags.map((flag) => (
                <li key={flag.metric} className="context-flag" data-testid="context-flag" data-metric={flag.metric}>
                  {flag.text}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
