import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator, type Simulator } from '../simulator';

/** Resolves when `condition` holds, polling every 25 ms; fails after `maxMs`. */
async function until(condition: () => boolean, maxMs: number): Promise<void> {
  for (const start = Date.now(); Date.now() - start < maxMs;) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(condition(), `condition not met within ${maxMs} ms`).toBe(true);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw WebSocket client and what it has seen. */
interface Watcher {
  readonly socket: WebSocket;
  frames: number;
  pongs: number;
  opened: boolean;
  closed: boolean;
}

describe('the half-open fault: sockets stay open but carry nothing until the fault ends', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function running(): Promise<Simulator> {
    const sim = await startSimulator({ seed: 3, scenario: 'calm', speed: 0 });
    cleanups.push(() => sim.stop());
    // Ten market seconds every 50 ms: the Binance 1 s mark stream and Hyperliquid's context push every tick.
    const driver = setInterval(() => sim.market.advance(1000), 50);
    cleanups.push(() => clearInterval(driver));
    return sim;
  }

  function connect(url: string, subscribe?: object): Watcher {
    const socket = new WebSocket(url);
    const watcher: Watcher = { socket, frames: 0, pongs: 0, opened: false, closed: false };
    socket.on('open', () => {
      watcher.opened = true;
      if (subscribe) socket.send(JSON.stringify(subscribe));
    });
    socket.on('message', () => (watcher.frames += 1));
    socket.on('pong', () => (watcher.pongs += 1));
    socket.on('error', () => undefined);
    socket.on('close', () => (watcher.closed = true));
    cleanups.push(() => socket.terminate());
    return watcher;
  }

  const binanceMark = (sim: Simulator): string => `${sim.server.wsBaseUrl('binance-usdm')}/ws/btcusdt@markPrice@1s`;
  const hyperliquidContext = (sim: Simulator): [string, object] => [
    `${sim.server.wsBaseUrl('hyperliquid')}/ws`,
    { method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'BTC' } },
  ];

  it('drops every frame and ping of the venue’s open sockets, leaves other venues alone, and closes them when it ends', async () => {
    const sim = await running();
    const binance = connect(binanceMark(sim));
    const hyperliquid = connect(...hyperliquidContext(sim));
    await until(() => binance.frames > 3 && hyperliquid.frames > 3, 5000);
    binance.socket.ping();
    await until(() => binance.pongs === 1, 3000);

    sim.faults.inject('binance-usdm', { kind: 'half-open' }, { durationMs: 3000 });
    // Frames already on the wire when the fault began may still arrive; after that, nothing.
    await sleep(200);
    const framesAtFault = binance.frames;
    const otherAtFault = hyperliquid.frames;
    binance.socket.ping();
    await sleep(1500);
    expect(sim.faults.active('binance-usdm')).toEqual(['half-open']);
    expect(binance.frames).toBe(framesAtFault);
    expect(binance.pongs).toBe(1);
    expect(binance.socket.readyState).toBe(WebSocket.OPEN);
    expect(hyperliquid.frames).toBeGreaterThan(otherAtFault + 3);

    // When the fault ends the dead connection is torn down, without delivering what was sent meanwhile.
    await until(() => binance.closed, 6000);
    expect(binance.frames).toBe(framesAtFault);
    expect(sim.faults.active('binance-usdm')).toEqual([]);
    expect(hyperliquid.closed).toBe(false);
    const fresh = connect(binanceMark(sim));
    await until(() => fresh.frames > 3, 5000);
  }, 20_000);

  it('leaves a connection attempt made during the fault unanswered until the fault ends', async () => {
    const sim = await running();
    const injectedAtMs = Date.now();
    sim.faults.inject('binance-usdm', { kind: 'half-open' }, { durationMs: 2000 });
    const attempt = connect(binanceMark(sim));
    await sleep(1000);
    expect(attempt.opened).toBe(false);
    expect(attempt.closed).toBe(false);
    await until(() => attempt.closed, 6000);
    expect(attempt.opened).toBe(false);
    expect(attempt.frames).toBe(0);
    expect(Date.now() - injectedAtMs).toBeGreaterThanOrEqual(1900);
    const after = connect(binanceMark(sim));
    await until(() => after.frames > 3, 5000);
  }, 20_000);

  it('refuses a down or half-open fault without a duration, which would never end', async () => {
    const sim = await running();
    expect(() => sim.faults.inject('okx-swap', { kind: 'half-open' })).toThrow(/needs durationMs/);
    expect(() => sim.faults.inject('okx-swap', { kind: 'down' }, { count: 3 })).toThrow(/needs durationMs/);
    expect(sim.faults.active('okx-swap')).toEqual([]);
  });
});
