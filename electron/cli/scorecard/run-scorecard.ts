import {
  buildProfile,
  createLedger,
  createPriceGrid,
  defaultLedgerParams,
  type LedgerParams,
} from '../../../shared/clusters/index';
import { createSimMarket } from '../../sim/market/index';
import type { SimScenarioName } from '../../sim/market/types';
import { createCandleDirectionBaseline } from './baseline-candle-direction';
import { createVolumeSpikeBaseline } from './baseline-volume-spike';
import type { Estimator } from './estimator';
import { scorePoint, type PointScores } from './metrics';
import { publishedBars, simVenueMarket } from './sim-feed';

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** What to evaluate. */
export interface ScorecardOptions {
  readonly seed: number;
  /** Days of evaluation after the warm-up (up to 30). */
  readonly days: number;
  readonly scenario: SimScenarioName;
  /** Time between evaluation points, ms (default 3 h). */
  readonly evaluateEveryMs?: number;
  /** Days of history fed before the first evaluation (default 1): traders the ledger never saw open have closed by then. */
  readonly warmupDays?: number;
  /** Ledger parameters (default `defaultLedgerParams`). */
  readonly params?: LedgerParams;
}

/** The four figures of one model, averaged over evaluation points and symbols. */
export interface ModelScores {
  readonly top10Capture: number;
  readonly rankCorrelation: number;
  readonly imbalanceSignAgreement: number;
  readonly imbalanceRatioError: number;
}

/** The scorecard (`liqlens scorecard --json` prints exactly this). */
export interface ScorecardReport {
  readonly seed: number;
  readonly days: number;
  readonly scenario: SimScenarioName;
  readonly model: ModelScores;
  readonly baselines: { readonly candleDirection: ModelScores; readonly volumeSpike: ModelScores };
}

/**
 * Runs the simulator (every symbol it lists) and, at evaluation points every `evaluateEveryMs`,
 * scores the ledger and the two baselines against the simulator's true liquidation levels. The
 * estimators are fed only what a venue publishes (`sim-feed.ts`). Deterministic for its options.
 */
export function runScorecard(options: ScorecardOptions): ScorecardReport {
  const every = options.evaluateEveryMs ?? 3 * 3_600_000;
  const market = createSimMarket({
    seed: options.seed,
    scenario: options.scenario,
    historyDays: options.warmupDays ?? 1,
    accounts: [],
  });
  const grid = createPriceGrid((options.params ?? defaultLedgerParams).binSize);
  const tracks = market.instruments.map((instrument) => {
    const ledger = createLedger({
      markets: [simVenueMarket(instrument)],
      ...(options.params ? { params: options.params } : {}),
    });
    const model: Estimator = {
      name: 'model',
      update: (bar) => ledger.update('binance-usdm', bar.ledger),
      profile: () => buildProfile(ledger),
    };
    return {
      symbol: instrument.symbol,
      estimators: [model, createCandleDirectionBaseline(grid), createVolumeSpikeBaseline(grid)],
      fedMs: market.historyStartMs,
    };
  });
  const scores: PointScores[][] = [[], [], []];
  const points = Math.max(1, Math.round((options.days * dayMs) / every));
  for (let point = 0; point < points; point++) {
    market.advance(every);
    const now = Math.floor(market.now() / minuteMs) * minuteMs;
    for (const track of tracks) {
      for (const bar of publishedBars(market, track.symbol, track.fedMs, now))
        for (const estimator of track.estimators) estimator.update(bar);
      track.fedMs = now;
      const truth = market.truth(track.symbol);
      const mark = market.ticker(track.symbol).markPrice;
      track.estimators.forEach((estimator, index) => scores[index]?.push(scorePoint(estimator.profile(), mark, truth)));
    }
  }
  const [model = [], candleDirection = [], volumeSpike = []] = scores;
  return {
    seed: options.seed,
    days: options.days,
    scenario: options.scenario,
    model: summarise(model),
    baselines: { candleDirection: summarise(candleDirection), volumeSpike: summarise(volumeSpike) },
  };
}

/** Averages point scores (imbalance figures over every point and window). */
export function summarise(points: readonly PointScores[]): ModelScores {
  const mean = (values: readonly number[]): number =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  return {
    top10Capture: round(mean(points.map((p) => p.top10Capture))),
    rankCorrelation: round(mean(points.map((p) => p.rankCorrelation))),
    imbalanceSignAgreement: round(mean(points.flatMap((p) => p.signAgreements.map((agree) => (agree ? 1 : 0))))),
    imbalanceRatioError: round(mean(points.flatMap((p) => p.ratioErrors))),
  };
}
