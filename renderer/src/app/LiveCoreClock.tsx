import { CoreClock } from '../features/status/CoreClock';
import { useHeartbeat } from './bridge-context';

/** The core clock, the only component a heartbeat re-renders. `stale`: the link to the core is down. */
export function LiveCoreClock({ stale }: { readonly stale: boolean }) {
  return <CoreClock heartbeat={useHeartbeat()} stale={stale} />;
}
