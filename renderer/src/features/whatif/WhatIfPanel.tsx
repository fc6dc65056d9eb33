import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Profile } from '../../../../shared/clusters';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { accountModeFacts } from '../../../../shared/domain/account-mode';
import { coinOfSymbol, evaluateAccount } from '../../../../shared/risk';
import { useMarketField, type MarketSource } from '../market/useMarket';
import { useDrawnMap } from '../market/drawn-map';
import { useMarketKey } from '../market/useMarketKey';
import { shownLiquidationPrice } from '../positions/shown-liquidation';
import { Button, EmptyState, FreshnessNote } from '../../ui';
import { approximationNote } from './approximation-note';
import { closeOutcome } from './close-outcome';
import { LiquidationSteps } from './LiquidationSteps';
import { positionLimits } from './position-limits';
import { TargetQuestion } from './TargetQuestion';
import { findTargetIndex, type WhatIfTarget } from './what-if-controls';
import { draftToControls, liveDraft, type WhatIfDraft } from './what-if-draft';
import { computeWhatIf, sameGhost, type Ghost } from './what-if-model';
import { WhatIfInputs } from './WhatIfInputs';
import { whatIfFreshness } from './what-if-freshness';
import { WhatIfResults } from './WhatIfResults';
import { useShortcut } from '../../app/useShortcut';
import './whatif.css';

/** Props of the what-if panel. */
export interface WhatIfPanelProps {
  /** The selected position's account, with the risk engine's input (`risk`); null before any. */
  readonly account: AccountPositions | null;
  readonly selected: WhatIfTarget | null;
  /**
   * The selected market in the market store: its profile and live mark give "clusters on the way",
   * the same numbers the chart draws. Wins over `profile` when given.
   */
  readonly market?: MarketSource | null;
  /** A fixed cluster profile of the selected market (the harness, without a store); null without. */
  readonly profile?: Profile | null;
  /** The hypothetical liquidation line for the chart; null = show only the live one. */
  readonly onGhostChange: (ghost: Ghost | null) => void;
  /**
   * Whether the core can be reached (default true). Without it the figures are dimmed and say why,
   * as every other number is: they are computed from a snapshot nobody is confirming any more.
   */
  readonly connected?: boolean;
}

function Empty({ heading, children }: { readonly heading: string; readonly children: string }) {
  return (
    <EmptyState heading={heading} testId="whatif-empty">
      {children}
    </EmptyState>
  );
}

/**
 * What-if on the selected position: every control recomputes synchronously with shared/risk (no
 * IPC) and reports the ghost liquidation line. Escape (inside the panel) or Reset returns to the
 * live state; selecting another position starts from the live state too.
 */
export function WhatIfPanel({
  account,
  selected,
  market = null,
  onGhostChange,
  connected = true,
  ...props
}: WhatIfPanelProps) {
  const storeProfile = useMarketField(market, 'profile');
  // The map the chart draws (measured, or the coin's across venues) wins over the venue's estimate.
  const drawn = useDrawnMap(useMarketKey(market));
  const profile = market === null ? (props.profile ?? null) : (drawn ?? storeProfile);
  const risk = account?.risk ?? null;
  const found = risk !== null && selected !== null && findTargetIndex(risk, selected) >= 0;
  const lastGhost = useRef<Ghost | null>(null);
  // The latest callback, so that a parent passing a new function each render neither re-sends the ghost nor clears it.
  const callback = useRef(onGhostChange);
  useLayoutEffect(() => {
    callback.current = onGhostChange;
  });
  const report = useCallback((ghost: Ghost | null) => {
    if (sameGhost(ghost, lastGhost.current)) return;
    lastGhost.current = ghost;
    callback.current(ghost);
  }, []);
  useEffect(() => () => report(null), [report]);
  useEffect(() => {
    if (!found) report(null);
  }, [found, report]);

  if (selected === null || account === null)
    return (
      <Empty heading="Select a position">
        Drag leverage, add or remove collateral, or close part of a position and watch the liquidation price move
        against the clusters.
      </Empty>
    );
  if (risk === null)
    return (
      <Empty heading="What-if is not available for this account">
        Its risk inputs (leverage tiers, margins) have not arrived yet, or the venue did not provide them.
      </Empty>
    );
  // A mode whose what-if is off: the reason, not live controls over a figure LiqLens cannot compute.
  const modeWhatIf = risk.accountMode === undefined ? null : accountModeFacts(risk.accountMode).whatIf;
  if (modeWhatIf?.kind === 'off')
    return <Empty heading="What-if is off in this account mode">{modeWhatIf.reason}</Empty>;
  if (!found)
    return (
      <Empty heading="Position not found">{`${selected.symbol} ${selected.side} is no longer open in this account.`}</Empty>
    );
  return (
    <WhatIfBody
      key={`${account.accountId}:${selected.symbol}:${selected.side}`}
      account={account}
      target={selected}
      profile={profile}
      market={market}
      report={report}
      connected={connected}
    />
  );
}

interface BodyProps {
  readonly account: AccountPositions;
  readonly target: WhatIfTarget;
  readonly profile: Profile | null;
  readonly market: MarketSource | null;
  readonly report: (ghost: Ghost | null) => void;
  readonly connected: boolean;
}

function WhatIfBody({ account, target, profile, market, report, connected }: BodyProps) {
  const risk = account.risk;
  const [draft, setDraft] = useState<WhatIfDraft>(liveDraft);
  // The what-if's own evaluation of the live state: in a mode whose what-if is a named approximation,
  // the approximate figure every change builds on (the 'current' one would have no price at all).
  const live = useMemo(() => (risk === null ? null : evaluateAccount(risk, 'what-if')), [risk]);
  const { controls, errors } = useMemo(() => draftToControls(draft), [draft]);
  const view = useMemo(
    () => (risk === null || live === null ? null : computeWhatIf({ account: risk, live, target, controls, profile })),
    [risk, live, target, controls, profile],
  );
  const limits = useMemo(
    () => (risk === null ? null : positionLimits(risk, findTargetIndex(risk, target))),
    [risk, target],
  );
  const positionView = account.positions.find(
    (position) => position.symbol === target.symbol && position.side === target.side,
  );
  const tickSize = positionView?.tickSize ?? 0.01;
  const closing = useMemo(
    () => (risk === null ? null : closeOutcome(risk, target, controls.closeFraction)),
    [risk, target, controls.closeFraction],
  );
  const change = useCallback((patch: Partial<WhatIfDraft>) => setDraft((previous) => ({ ...previous, ...patch })), []);
  const reset = useCallback(() => setDraft(liveDraft), []);
  useShortcut('r', reset);
  // Layout effect: the chart hears of the new ghost before the browser paints this frame.
  useLayoutEffect(() => report(view?.ghost ?? null), [view, report]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    reset();
  };
  if (risk === null || view === null || limits === null) return null;
  const { current } = view;
  const freshness = whatIfFreshness(positionView, connected);
  const stale = freshness.state !== 'live';
  return (
    <div
      className="wi"
      onKeyDown={onKeyDown}
      data-testid="whatif-panel"
      data-stale={stale || undefined}
      aria-keyshortcuts="Escape"
    >
      <div className="wi-top">
        <header className="wi-head">
          <div className="wi-head__title">
            <span className={`side side--${target.side}`}>{target.side === 'long' ? 'Long' : 'Short'}</span>
            <span className="wi-head__symbol">{positionView?.displaySymbol ?? target.symbol}</span>
            <span className="muted">
              {current.marginMode} {current.leverage ?? '?'}x
            </span>
          </div>
          <Button
            size="sm"
            onClick={reset}
            disabled={view.pristine}
            aria-keyshortcuts="Escape R"
            title="Return to the live state (Esc, or R anywhere)"
            data-testid="whatif-reset"
          >
            Reset <kbd>Esc</kbd>
          </Button>
        </header>
        {/* The figures below rest on this snapshot: not live, they are dimmed and this line says why. */}
        <FreshnessNote freshness={freshness} className="wi-stale" testId="whatif-stale" />
        <WhatIfResults
          view={view}
          tickSize={tickSize}
          profile={profile}
          market={market}
          shownLiquidation={shownLiquidationPrice(positionView)}
          approximation={approximationNote(risk, positionView, tickSize)}
        />
      </div>
      <WhatIfInputs
        draft={draft}
        errors={errors}
        onChange={change}
        current={current}
        next={view.next}
        limits={limits}
        tickSize={tickSize}
        sizeBase={positionView?.sizeBase ?? current.size}
        modeHypothetical={view.notes.some((note) => note.includes('margin mode'))}
        closing={closing}
      />
      <TargetQuestion
        account={risk}
        target={target}
        markPrice={current.markPrice}
        tickSize={tickSize}
        profile={profile}
        onApplyCollateral={(amount) => change({ collateralSide: 'add', collateralText: String(amount) })}
        onApplyLeverage={(leverage) => change({ leverage })}
      />
      <LiquidationSteps
        account={risk}
        target={target}
        tickSize={tickSize}
        sizeBase={positionView?.sizeBase ?? current.size}
        coin={coinOfSymbol(target.symbol)}
      />
    </div>
  );
}
