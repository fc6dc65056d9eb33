/** A close price at a time: the part of a candle the beta needs. */
export interface TimedClose {
  /** Bar open time, Unix ms. */
  readonly openTimeMs: number;
  readonly close: number;
}

/** Fewest paired returns a beta is computed from; fewer say nothing a trader should lean on. */
export const minimumBetaReturns = 20;

/**
 * The beta of a coin to a reference coin (BTC): cov(r, r_ref) / var(r_ref) over the log returns of
 * the bars both series hold (matched by open time), so that a −10 % reference move maps to
 * `beta × −10 %` for the coin. The usual market-model estimate (ordinary least squares of the
 * coin's returns on the reference's); it ignores that betas drift and that crashes raise
 * correlations. Returns a reason instead when fewer than `minimumBetaReturns` paired returns exist
 * or the reference did not move.
 */
export function betaToReference(coin: readonly TimedClose[], reference: readonly TimedClose[]): number | string {
  const referenceByTime = new Map(reference.map((bar) => [bar.openTimeMs, bar.close]));
  const pairs: [number, number][] = [];
  let previous: { coin: number; reference: number } | null = null;
  for (const bar of [...coin].sort((a, b) => a.openTimeMs - b.openTimeMs)) {
    const referenceClose = referenceByTime.get(bar.openTimeMs);
    if (referenceClose === undefined || !(referenceClose > 0) || !(bar.close > 0)) {
      previous = null;
      continue;
    }
    if (previous !== null)
      pairs.push([Math.log(bar.close / previous.coin), Math.log(referenceClose / previous.reference)]);
    previous = { coin: bar.close, reference: referenceClose };
  }
  if (pairs.length < minimumBetaReturns)
    return `${pairs.length} paired returns; a beta needs at least ${minimumBetaReturns}`;
  const meanCoin = pairs.reduce((sum, [r]) => sum + r, 0) / pairs.length;
  const meanReference = pairs.reduce((sum, [, r]) => sum + r, 0) / pairs.length;
  let covariance = 0;
  let variance = 0;
  for (const [r, rr] of pairs) {
    covariance += (r - meanCoin) * (rr - meanReference);
    variance += (rr - meanReference) ** 2;
  }
  if (!(variance > 0)) return 'the reference did not move over the window';
  return covariance / variance;
}
