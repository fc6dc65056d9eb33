import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ChartParts } from './chart-parts';
import type { EdgeLine } from './EdgeMarkers';
import { mergeCollidingLabels } from './label-collisions';
import { edgeOf } from './price-edge';
import type { PriceLineSpec } from './price-line-specs';
import { syncPriceLines } from './price-lines';
import type { ScaleView } from './scale-watch';

/** A line that becomes an edge marker when it lies beyond the visible prices. */
export interface EdgeTarget {
  readonly id: EdgeLine['id'];
  readonly name: string;
  readonly price: number;
}

const sameEdges = (a: readonly EdgeLine[], b: readonly EdgeLine[]): boolean =>
  a.length === b.length &&
  a.every((line, i) => line.id === b[i]?.id && line.edge === b[i]?.edge && line.price === b[i]?.price);

/** y (CSS px from the pane's top) of a price on the linear scale the view shows; null before a draw. */
function yOfView(view: ScaleView | null): (price: number) => number | null {
  if (view === null || !(view.top > view.bottom)) return () => null;
  const k = view.height / (view.top - view.bottom);
  return (price) => (view.top - price) * k;
}

/**
 * Lays the position's lines out against the visible price range, after every draw that moved it:
 * the price lines with colliding axis labels merged (`mergeCollidingLabels`), the targets kept in
 * the scale while they fit beside the candles (`ScaleWatch`), and the edge markers of those that
 * lie beyond it. Returns the edge markers to show.
 */
export function useScaleLayout(
  parts: RefObject<ChartParts | null>,
  specs: readonly PriceLineSpec[] | null,
  targets: readonly EdgeTarget[],
): EdgeLine[] {
  const [edges, setEdges] = useState<EdgeLine[]>([]);
  const latest = useRef({ specs, targets });
  latest.current = { specs, targets };

  const layout = useCallback(() => {
    const p = parts.current;
    if (p === null) return;
    const view = p.scale.view();
    const { specs: lines, targets: shown } = latest.current;
    if (lines !== null) syncPriceLines(p.series, p.lines, mergeCollidingLabels(lines, yOfView(view)));
    const next: EdgeLine[] = [];
    for (const target of shown) {
      const edge = view === null ? null : edgeOf(target.price, view.top, view.bottom);
      if (edge !== null) next.push({ ...target, edge });
    }
    setEdges((previous) => (sameEdges(previous, next) ? previous : next));
  }, [parts]);

  useEffect(() => {
    const scale = parts.current?.scale;
    scale?.setListener(layout);
    return () => scale?.setListener(null);
  }, [parts, layout]);

  useEffect(() => {
    parts.current?.scale.setTargets(targets.map((target) => target.price));
    layout();
  }, [parts, specs, targets, layout]);

  return edges;
}
