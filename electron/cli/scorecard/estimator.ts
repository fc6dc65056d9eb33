import type { Profile } from '../../../shared/clusters/index';
import type { EvalBar } from './sim-feed';

/** A liquidation-map model under evaluation: fed bar by bar, read as a profile on the common grid. */
export interface Estimator {
  readonly name: string;
  update(bar: EvalBar): void;
  /** Long and short amount per bin (USD, or the model's own units: every metric is scale-free). */
  profile(): Profile;
}
