import { imbalance, topClusters, type Profile } from '../../../shared/clusters/index';
import type { SimTruthLevel } from '../../sim/market/types';
import { spearman } from '../../core/skill/spearman';

/** Scores of one model at one evaluation point (definitions in README.md). */
export interface PointScores {
  readonly top10Capture: number;
  readonly rankCorrelation: number;
  /** One entry per imbalance window: does the sign of ln(short/long) agree with the truth's? */
  readonly signAgreements: readonly boolean[];
  /** One entry per window: |ln r_model − ln r_true|, ratios clamped to [1/100, 100]. */
  readonly ratioErrors: readonly number[];
}

/** The evaluation's fixed choices, as data. */
export const evaluationSettings = {
  /** ± window around each top cluster that counts as captured, fraction of the cluster price. */
  captureFraction: 0.005,
  clusterCount: 10,
  /** Profiles are compared on bins of this width (fraction of the mark) over ± `rankRange`. */
  rankBinFraction: 0.0025,
  rankRange: 0.1,
  imbalanceWindows: [0.05, 0.1],
  ratioClamp: 100,
} as const;

/** True liquidation USD of a level: size × liquidation price (the notional the forced order would carry). */
export function truthUsd(level: SimTruthLevel): number {
  return level.size * level.liquidationPrice;
}

export { spearman };

/** Long + short amount per comparison bin (width rankBinFraction × mark, over mark ± rankRange). */
function binned(amounts: Iterable<readonly [price: number, amount: number]>, mark: number): number[] {
  const width = evaluationSettings.rankBinFraction * mark,
    from = mark * (1 - evaluationSettings.rankRange);
  const out = new Array<number>(
    Math.round((2 * evaluationSettings.rankRange) / evaluationSettings.rankBinFraction),
  ).fill(0);
  for (const [price, amount] of amounts) {
    const index = Math.floor((price - from) / width);
    if (index >= 0 && index < out.length) out[index] = (out[index] ?? 0) + amount;
  }
  return out;
}

function* profileAmounts(profile: Profile): Generator<readonly [number, number]> {
  for (let i = 0; i < profile.long.length; i++) {
    const amount = (profile.long[i] ?? 0) + (profile.short[i] ?? 0);
    if (amount > 0) yield [profile.grid.mid(profile.firstBin + i), amount];
  }
}

function logRatio(short: number, long: number): number {
  const clamp = evaluationSettings.ratioClamp;
  if (short <= 0 && long <= 0) return 0;
  if (long <= 0) return Math.log(clamp);
  if (short <= 0) return -Math.log(clamp);
  return Math.max(-Math.log(clamp), Math.min(Math.log(clamp), Math.log(short / long)));
}

/** Scores `profile` against the true levels at mark price `mark`. */
export function scorePoint(profile: Profile, mark: number, truth: readonly SimTruthLevel[]): PointScores {
  const clusters = topClusters(profile, mark, { count: evaluationSettings.clusterCount });
  let total = 0,
    captured = 0;
  for (const level of truth) {
    const usd = truthUsd(level);
    total += usd;
    if (
      clusters.some((c) => Math.abs(level.liquidationPrice - c.price) <= evaluationSettings.captureFraction * c.price)
    )
      captured += usd;
  }
  const rankCorrelation = spearman(
    binned(profileAmounts(profile), mark),
    binned(
      truth.map((level) => [level.liquidationPrice, truthUsd(level)] as const),
      mark,
    ),
  );
  const signAgreements: boolean[] = [],
    ratioErrors: number[] = [];
  for (const fraction of evaluationSettings.imbalanceWindows) {
    const model = imbalance(profile, mark, { kind: 'fraction', fraction });
    let shortTrue = 0,
      longTrue = 0;
    for (const level of truth) {
      const p = level.liquidationPrice;
      if (level.side === 'short' && p > mark && p <= mark * (1 + fraction)) shortTrue += truthUsd(level);
      if (level.side === 'long' && p < mark && p >= mark * (1 - fraction)) longTrue += truthUsd(level);
    }
    const m = logRatio(model.shortAboveUsd, model.longBelowUsd),
      t = logRatio(shortTrue, longTrue);
    signAgreements.push(Math.sign(m) === Math.sign(t));
    ratioErrors.push(Math.abs(m - t));
  }
  return { top10Capture: total > 0 ? captured / total : 0, rankCorrelation, signAgreements, ratioErrors };
}
