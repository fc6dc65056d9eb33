import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // electron-store imports `electron` at top level; inlining lets vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
    // These limits only catch a hang: tests wait for states, not for time. Many integration tests
    // start a simulator, a core and real ccxt clients, and on a 2-core machine shared with other
    // work that takes a minute or more, so the limits sit well above it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Most of an integration test's time is spent waiting on its simulator and the clients' rate
    // limits (a test that runs a minute uses about a seventh of a core), so files run four at a time
    // even on two cores: the suite takes a third of the time it takes one file at a time.
    maxWorkers: Math.max(4, availableParallelism() - 1),
  },
});
