/** The alerts as the renderer shows them. */
import type { ActiveAlert, AlertEvent, Level } from '../../alerts';

/** The alerts as the renderer shows them: what is active now, the worst level, and the history, newest first. */
export interface AlertsView {
  readonly active: readonly ActiveAlert[];
  readonly worstLevel: Level | null;
  readonly history: readonly AlertEvent[];
}
