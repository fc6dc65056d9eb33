import type { RecordedSkill, VenueMarket } from '../../../shared/clusters/index';
import type { Venue } from '../../../shared/domain/venue';
import type { Clock, Logger } from '../ports';
import type { Recorder } from '../recorder/recorder';
import { measureRecordedSkill } from './recorded-skill';

const dayMs = 86_400_000;

/** What the measurement of one market on its own recordings needs. */
export interface RecordedSkillJobDeps {
  readonly recorder: Recorder;
  readonly venue: Venue;
  /** The venue's symbol, as the recordings' folder names it. */
  readonly symbol: string;
  /** The contract the map prices (the market's tiers). */
  readonly market: VenueMarket;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onMeasured: (skill: RecordedSkill) => void;
}

/** A running measurement job: its stop, and the first measurement (settles when done, never rejects). */
export interface RecordedSkillJob {
  readonly stop: () => void;
  readonly first: Promise<void>;
}

/**
 * Measures the map on the market's own recordings now and then once a day (`measureRecordedSkill`
 * replays every recorded minute: far too much for every bar). A failed read is logged and left to
 * the next day.
 */
export function startRecordedSkill(deps: RecordedSkillJobDeps): RecordedSkillJob {
  let stopped = false,
    running = false;
  const measure = async (): Promise<void> => {
    if (running || stopped) return;
    running = true;
    try {
      const recording = await deps.recorder.read(deps.venue, deps.symbol, -Infinity, Infinity);
      if (stopped) return;
      const skill = await measureRecordedSkill(recording, deps.market, deps.clock.now());
      if (!stopped) deps.onMeasured(skill);
    } catch (error) {
      deps.logger.warn('measuring the map on the recordings failed', {
        venue: deps.venue,
        symbol: deps.symbol,
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      running = false;
    }
  };
  const first = measure();
  const stopTimer = deps.clock.every(dayMs, () => void measure());
  return {
    stop: () => {
      stopped = true;
      stopTimer();
    },
    first,
  };
}
