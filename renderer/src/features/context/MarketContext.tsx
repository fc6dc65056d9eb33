import { useRef, useState } from 'react';
import type { LiqLensApi, MarketKey } from '../../../../shared/ipc/contract';
import { coreLostReason } from '../../../../shared/domain/freshness';
import { Button } from '../../ui';
import { usePopoverDismiss } from '../accounts/usePopoverDismiss';
import { CvdSparkline } from './CvdSparkline';
import { MarketContextPanel } from './MarketContextPanel';
import { useFitStrip } from './fit-strip';
import { stripItems } from './strip-items';
import { useMarketContext } from './useMarketContext';
import './context.css';

/** Props of `MarketContext`. */
export interface MarketContextProps {
  readonly api: LiqLensApi;
  /** The charted market; null shows nothing. */
  readonly market: MarketKey | null;
  /** The market's base asset ("BTC"). */
  readonly base: string;
  readonly connected: boolean;
}

/**
 * The market context in the chart's title bar, in view at every window size without taking height
 * from the chart or the what-if: one line of figures (flagged ones marked, the divergences counted),
 * and "Details" opening the full panel over the chart's corner (Escape or a press outside closes it).
 */
export function MarketContext({ api, market, base, connected }: MarketContextProps) {
  const { view, error } = useMarketContext(api, market, connected);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  usePopoverDismiss(root, open, false, () => setOpen(false));
  const items = view === null ? [] : stripItems(view, base);
  const flags = view?.flags ?? [];
  // What sets the line's width: the values, the warning, the stale mark.
  const hidden = useFitStrip(list, `${items.map((item) => item.value).join('|')}|${flags.length}|${connected}`);
  if (market === null) return null;
  return (
    <div
      className="context-strip"
      ref={root}
      data-testid="market-context-strip"
      data-stale={connected ? undefined : 'true'}
    >
      {/* Its figures stay on screen without the core, dimmed and said to be old. */}
      {!connected && (
        <span className="context-strip__stale" data-testid="context-strip-stale" title={`stale · ${coreLostReason}`}>
          stale
        </span>
      )}
      <ul className="context-strip__items" aria-label="Market context" ref={list}>
        {view === null && <li className="context-strip__waiting">{error ? 'Context not read' : 'Reading context…'}</li>}
        {items.map((item) => (
          <li
            key={item.metric}
            className={`context-strip__item${item.flagged ? ' context-strip__item--flagged' : ''}`}
            title={item.title}
            data-testid={`context-strip-${item.metric}`}
            data-metric={item.metric}
            data-name={item.name}
          >
            <span className="context-strip__name">{item.name}</span>{' '}
            <span className="context-strip__value">{item.value}</span>
            {item.metric === 'cvd' && view?.cvd.state === 'ok' && <CvdSparkline figure={view.cvd} base={base} />}
          </li>
        ))}
        {flags.length > 0 && (
          <li
            className="context-strip__item context-strip__item--flagged"
            title={flags.map((flag) => flag.text).join('\n')}
            data-testid="context-strip-flags"
            data-metric="flags"
            data-name="divergences"
          >
            ⚠ {flags.length === 1 ? '1 divergence' : `${flags.length} divergences`}
          </li>
        )}
      </ul>
      <Button
        variant="ghost"
        size="sm"
        className="context-strip__details"
        aria-expanded={open}
        aria-controls="market-context-details"
        onClick={() => setOpen((was) => !was)}
        title={hidden.length > 0 ? `Not in the line for lack of room: ${hidden.join(', ')}` : undefined}
        data-testid="market-context-toggle"
      >
        {open ? 'Hide' : hidden.length > 0 ? `Details +${hidden.length}` : 'Details'}
      </Button>
      {open && (
        <div className="context-popover" id="market-context-details">
          <MarketContextPanel market={market} base={base} view={view} error={error} />
        </div>
      )}
    </div>
  );
}
