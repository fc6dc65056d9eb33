import type { PriceLineSpec } from './price-line-specs';

/** Axis labels closer than this (CSS px, centre to centre) would overlap: the 11 px font's label is about 16 px tall. */
export const labelHeightPx = 17;

/** Which line of a merged group keeps the label: the liquidation first, thresholds last. */
function rank(id: string): number {
  if (id === 'liquidation') return 0;
  if (id === 'ghost') return 1;
  if (id === 'entry') return 2;
  if (id === 'break-even') return 3;
  if (id.startsWith('stop-')) return 4;
  return 5;
}

/**
 * Merges the axis labels of lines that would collide. Lines whose y (`yOf`, CSS px) lie within
 * `labelHeightPx` of the previous one in a group form one group; its highest-ranked line (liquidation,
 * what-if, entry, break-even, stops, thresholds) keeps the price label with every title of the group
 * top to bottom ("Entry · BE"), the others keep their line but show no label and no title. Lines
 * whose y is unknown (null) are left as they are. Returns new specs in the input's order.
 */
export function mergeCollidingLabels(
  specs: readonly PriceLineSpec[],
  yOf: (price: number) => number | null,
  minGapPx = labelHeightPx,
): PriceLineSpec[] {
  const placed = specs
    .map((spec, index) => ({ spec, index, y: yOf(spec.price) }))
    .filter((entry): entry is { spec: PriceLineSpec; index: number; y: number } => entry.y !== null)
    .sort((a, b) => a.y - b.y);
  const out = [...specs];
  let group: typeof placed = [];
  const flush = (): void => {
    if (group.length > 1) {
      const holder = group.reduce((best, entry) => (rank(entry.spec.id) < rank(best.spec.id) ? entry : best));
      const title = group.map((entry) => entry.spec.title).join(' · ');
      for (const entry of group)
        out[entry.index] =
          entry === holder ? { ...entry.spec, title } : { ...entry.spec, title: '', axisLabelVisible: false };
    }
    group = [];
  };
  for (const entry of placed) {
    const previous = group.at(-1);
    if (previous !== undefined && entry.y - previous.y >= minGapPx) flush();
    group.push(entry);
  }
  flush();
  return out;
}
