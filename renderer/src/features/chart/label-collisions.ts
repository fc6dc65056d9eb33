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

/** How many lines a merged label names; the others of its group are counted ("+2"), so a label never grows into a sentence. */
export const namedPerLabel = 2;

/**
 * Merges the axis labels of lines that would collide. A group starts at its topmost line and takes
 * every following line (by y, `yOf`, CSS px) within `minGapPx` of that start or of the group's label,
 * so groups do not chain down a crowded axis: each label lies at least `minGapPx` from the next. The
 * group's highest-ranked line (liquidation, what-if, entry, break-even, stops, thresholds) keeps the
 * price label, titled with the two highest-ranked titles top to bottom and a count of the rest
 * ("MR 85 % · Liq +2"); the others keep their line but show no label and no title. Lines whose y is
 * unknown (null) are left as they are. Returns new specs in the input's order.
 */
export function mergeCollidingLabels(
  specs: readonly PriceLineSpec[],
  yOf: (price: number) => number | null,
  minGapPx = labelHeightPx,
): PriceLineSpec[] {
  type Placed = { spec: PriceLineSpec; index: number; y: number };
  const placed = specs
    .map((spec, index) => ({ spec, index, y: yOf(spec.price) }))
    .filter((entry): entry is Placed => entry.y !== null)
    .sort((a, b) => a.y - b.y);
  const out = [...specs];
  const holderOf = (group: readonly Placed[]): Placed =>
    group.reduce((best, entry) => (rank(entry.spec.id) < rank(best.spec.id) ? entry : best));
  let group: Placed[] = [];
  const flush = (): void => {
    if (group.length > 1) {
      const holder = holderOf(group);
      const named = [...group].sort((a, b) => rank(a.spec.id) - rank(b.spec.id)).slice(0, namedPerLabel);
      const rest = group.length - named.length;
      const title =
        group
          .filter((entry) => named.includes(entry))
          .map((entry) => entry.spec.title)
          .join(' · ') + (rest > 0 ? ` +${rest}` : '');
      for (const entry of group)
        out[entry.index] =
          entry === holder ? { ...entry.spec, title } : { ...entry.spec, title: '', axisLabelVisible: false };
    }
    group = [];
  };
  for (const entry of placed) {
    const first = group[0];
    if (first !== undefined && entry.y - first.y >= minGapPx && entry.y - holderOf(group).y >= minGapPx) flush();
    group.push(entry);
  }
  flush();
  return out;
}
