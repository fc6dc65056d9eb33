/**
 * Run in a fresh process by `liqlens bench`: the soak (soak.ts) with nothing else loaded before it,
 * so its resident-memory figure is the core's, not the other benchmarks' (a vite build, Chromium's
 * driver) nor the simulator's (in a process of its own, sim-child.ts). Prints the figures as one JSON line.
 */
import { measureSoak } from './soak';

process.stdout.write(`${JSON.stringify(await measureSoak())}\n`);
