/**
 * Run in a fresh process by `liqlens bench`: the idle measure (measureIdle in soak.ts) with nothing
 * else loaded before it, so its CPU figure is the core's process alone, not the bench's. Prints the
 * figures as one JSON line.
 */
import { measureIdle } from './soak';

process.stdout.write(`${JSON.stringify(await measureIdle())}\n`);
