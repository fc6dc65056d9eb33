/**
 * The simulator of the soak and idle benches, run by sim-child.ts in a process of its own: the Demo
 * market (seed 5, chop) from the start time (Unix ms; empty for the simulator's default) at the speed
 * given as arguments, its key accounts sent once started, then one answer per request.
 */
import { venueFacts } from '../../../shared/domain/venue';
import { demoAccountsOf } from '../../sim/demo-market';
import { startSimulator } from '../../sim/simulator';
import type { SimChildAnswer, SimChildReady, SimChildRequest } from './sim-child';

const startTimeMs = process.argv[2] ? Number(process.argv[2]) : undefined;
const sim = await startSimulator({
  seed: 5,
  scenario: 'chop',
  speed: Number(process.argv[3] ?? '0'),
  ...(startTimeMs === undefined ? {} : { startTimeMs }),
});
const answer = (request: SimChildRequest): SimChildAnswer['value'] => {
  switch (request.op) {
    case 'advance':
      sim.market.advance(request.ms);
      return null;
    case 'now':
      return sim.market.now();
    case 'bar-times':
      return sim.market
        .bars(request.symbol, request.kind, request.startMs, request.endMs, request.limit)
        .map((bar) => bar.openTimeMs);
  }
};
process.on('message', (message: SimChildRequest & { readonly id: number }) => {
  process.send?.({ id: message.id, value: answer(message) } satisfies SimChildAnswer);
});
// Ends with the bench: asked to (SIGTERM), or when the bench's process is gone (its channel closes).
const end = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.once('SIGTERM', end);
process.once('disconnect', end);
const ready: SimChildReady = {
  ready: true,
  accounts: demoAccountsOf(sim).filter((account) => venueFacts(account.venue).credentials !== 'address'),
};
process.send?.(ready);
