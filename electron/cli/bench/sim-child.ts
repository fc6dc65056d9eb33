import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoAccount } from '../../core/accounts/demo-provider';

/** What the bench asks of a simulator in another process (sim-child-main.ts answers). */
export type SimChildRequest =
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'now' }
  | {
      readonly op: 'bar-times';
      readonly symbol: string;
      readonly kind: 'last' | 'mark';
      readonly startMs: number;
      readonly endMs: number;
      readonly limit: number;
    };

/** The first message of the child: its key accounts (Binance, Bybit, OKX), read-only keys included. */
export interface SimChildReady {
  readonly ready: true;
  readonly accounts: readonly DemoAccount[];
}

/** The answer to one request: `value` is the market time (ms) or the bars' open times. */
export interface SimChildAnswer {
  readonly id: number;
  readonly value: number | readonly number[] | null;
}

/** The simulated market driven from the bench, in a process of its own so its memory and CPU are not the core's. */
export interface SimChild {
  readonly accounts: readonly DemoAccount[];
  /** Moves simulated time on by `ms`; resolves once the market has advanced. */
  advance(ms: number): Promise<void>;
  /** The market's time, Unix ms. */
  now(): Promise<number>;
  /** Open times (Unix ms) of the bars the venue has published in [startMs, endMs], at most `limit`. */
  barTimes(symbol: string, kind: 'last' | 'mark', startMs: number, endMs: number, limit: number): Promise<number[]>;
  stop(): Promise<void>;
}

/**
 * Starts the Demo market (seed 5, the chop scenario, starting at `startTimeMs`, default the
 * simulator's own start) in a child Node process and talks to it over Node's IPC channel. At
 * `speed` 0 time moves only by `advance`; at 1 it runs in real time. Run from the sources (tsx),
 * the child runs sim-child-main.ts through tsx; run from a bundled probe (bundle-probe.ts), it runs
 * the bundled sim-child-main.mjs beside it with plain Node.
 */
export async function startSimChild(startTimeMs: number | undefined, speed = 0): Promise<SimChild> {
  const extension = extname(fileURLToPath(import.meta.url));
  const main = fileURLToPath(new URL(`./sim-child-main${extension}`, import.meta.url));
  const child = fork(main, [String(startTimeMs ?? ''), String(speed)], {
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (answer: SimChildAnswer) => void>();
  let nextId = 0;
  const ready = await new Promise<SimChildReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator process ended before it started (code ${code})`)));
    child.on('message', (message: SimChildReady | SimChildAnswer) => {
      if ('ready' in message) resolve(message);
      else pending.get(message.id)?.(message);
    });
  });
  const ask = (request: SimChildRequest): Promise<SimChildAnswer['value']> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (answer) => {
        pending.delete(id);
        resolve(answer.value);
      });
      child.send({ id, ...request });
    });
  return {
    accounts: ready.accounts,
    advance: async (ms) => {
      await ask({ op: 'advance', ms });
    },
    now: async () => Number(await ask({ op: 'now' })),
    barTimes: async (symbol, kind, startMs, endMs, limit) => {
      const value = await ask({ op: 'bar-times', symbol, kind, startMs, endMs, limit });
      return typeof value === 'object' && value !== null ? [...value] : [];
    },
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
