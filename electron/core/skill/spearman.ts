/**
 * Spearman rank correlation with average ranks for ties; 0 when either side is constant. It is
 * Pearson's correlation of the two rank vectors (docs/research/liquidation-maps.md, the bucket-side
 * measure of the real-data scorecard).
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x),
    ry = ranks(y);
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (rx[i] ?? 0) - mean,
      dy = (ry[i] ?? 0) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.value === order[i]?.value) j++;
    for (let k = i; k <= j; k++) out[order[k]?.index ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
