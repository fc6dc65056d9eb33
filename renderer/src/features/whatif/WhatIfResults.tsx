import { formatPercent, formatPrice } from '../positions/format';
import { MarginGauge } from '../positions/MarginGauge';
import type { Profile } from '../../../../shared/clusters';
import type { MarketSource } from '../market/useMarket';
import { ClustersOnTheWay } from './ClustersOnTheWay';
import { changeText, liquidationLabel } from './liquidation-change';
import type { PositionFigures, WhatIfView } from './what-if-model';

/** The margin ratio, or "liquidated" once the mark is at or past the liquidation price (the ratio may be unknowable then). */
function MarginRatio({ position }: { readonly position: PositionFigures | null }) {
  if (position?.liquidatable) return <span className="wi-liquidated">liquidated</span>;
  return <MarginGauge marginRatio={position?.marginRatio ?? null} />;
}

/** The distance to liquidation where one is within reach, else what stands in for it. */
function distanceText(position: PositionFigures | null): string {
  if (position === null) return '—';
  if (position.reach.kind === 'beyond') return 'none within reach';
  return formatPercent(position.reach.kind === 'none' ? null : position.distance, 2);
}

/** The what-if outcome: liquidation price now and after, margin ratio, distance, clusters on the way, refusals and notes. */
export function WhatIfResults({
  view,
  tickSize,
  profile,
  market = null,
  shownLiquidation = null,
  approximation = null,
}: {
  readonly view: WhatIfView;
  readonly tickSize: number;
  /** The selected market's cluster profile; null without cluster data. */
  readonly profile: Profile | null;
  /** The selected market in the store, for the live mark of "clusters on the way". */
  readonly market?: MarketSource | null;
  /** The live liquidation price the chart draws (exchange's, else engine's); see `ClustersOnTheWay`. */
  readonly shownLiquidation?: number | null;
  /** In a mode whose what-if is an approximation: which, and the venue's own figure; null otherwise. */
  readonly approximation?: string | null;
}) {
  const { current, next, movement } = view;
  const direction =
    view.pristine || movement === null || movement === 'same' ? 'flat' : movement === 'further' ? 'safer' : 'riskier';
  const now = liquidationLabel(current, tickSize);
  const after = next === null ? null : liquidationLabel(next, tickSize);
  return (
    <section className="wi-results" aria-label="What-if result" data-pristine={view.pristine || undefined}>
      <div className="wi-liq" aria-live="polite" aria-atomic="true">
        <span className="wi-label">Liquidation price</span>
        <div className="wi-liq__row">
          <span
            className="wi-liq__now"
            data-testid="whatif-liq-current"
            title={now.title ?? 'Live, from the same engine as the positions table'}
          >
            {approximation !== null && now.text !== 'none' ? `≈ ${now.text}` : now.text}
          </span>
          {!view.pristine && (
            <>
              <span className="wi-liq__arrow" aria-hidden="true">
                →
              </span>
              <span
                className={`wi-liq__next wi-liq__next--${direction}`}
                data-testid="whatif-liq-next"
                title={after?.title}
              >
                {after === null ? 'closed' : after.text}
              </span>
            </>
          )}
        </div>
        <span className={`wi-liq__delta wi-liq__delta--${direction}`} data-testid="whatif-liq-delta">
          {changeText(view, tickSize)}
        </span>
        {approximation !== null && (
          <span className="wi-approx" data-testid="whatif-approximation">
            {approximation}
          </span>
        )}
      </div>
      <dl className="wi-metrics">
        <div>
          <dt>Margin ratio</dt>
          <dd data-testid="whatif-margin-ratio">
            <MarginRatio position={next} />
            {!view.pristine && <span className="wi-was">was {formatPercent(current.marginRatio)}</span>}
          </dd>
        </div>
        <div>
          <dt>Distance</dt>
          <dd data-testid="whatif-distance">
            {distanceText(next)}
            {!view.pristine && <span className="wi-was">was {distanceText(current)}</span>}
          </dd>
        </div>
        <div>
          <dt>Mark</dt>
          <dd>{formatPrice(next?.markPrice ?? current.markPrice, tickSize)}</dd>
        </div>
        <div>
          <dt title="Estimated liquidation volume of other traders between the mark and this liquidation price: the fuel of a cascade into it">
            Clusters on the way
          </dt>
          <dd data-testid="whatif-cascade">
            <ClustersOnTheWay view={view} profile={profile} market={market} shownLiquidation={shownLiquidation} />
          </dd>
        </div>
      </dl>
      {/* Always there, with a fixed height: a refusal appearing mid-drag must not move the controls below. */}
      <ul className="wi-messages" aria-live="polite" data-testid="whatif-messages">
        {view.refused.map((refusal) => (
          <li key={`r${refusal.index}`} className="wi-message wi-message--refused" data-testid="whatif-refusal">
            <strong>Refused by the venue's rules:</strong> {refusal.reason}
          </li>
        ))}
        {view.notes.map((note) => (
          <li key={note} className="wi-message wi-message--note">
            <strong>Hypothetical:</strong> {note}
          </li>
        ))}
        {view.hints.map((hint) => (
          <li key={hint} className="wi-message wi-message--hint">
            {hint}
          </li>
        ))}
      </ul>
    </section>
  );
}
