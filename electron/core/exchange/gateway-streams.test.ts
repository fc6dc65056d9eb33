import { afterEach, describe, expect, it } from 'vitest';
import type { SimLiquidation, SimTicker } from '../../sim/market/types';
import type { Simulator } from '../../sim/simulator';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { MarkTick, StreamState } from '../../../shared/domain/stream-state';
import type { ExchangeGateway } from './gateway';
import { driveUntil, simGateway, simVenues, startTestSimulator, venueSymbol } from '../../../test/support/sim-gateway';

let sim: Simulator | null = null;
let gateway: ExchangeGateway | null = null;

afterEach(async () => {
  await gateway?.close();
  await sim?.stop();
  gateway = null;
  sim = null;
});

describe.each(simVenues)('%s streams', (venue) => {
  const btc = venueSymbol(venue, 'BTCUSDT');

  it('delivers mark ticks as the market moves, and recovers after the venue drops the socket', async () => {
    const running = await startTestSimulator('chop');
    sim = running;
    const live = simGateway(running, venue);
    gateway = live;
    const tick = running.market.instruments.find((i) => i.symbol === 'BTCUSDT')?.tickSize ?? 0;
    // Some venues push the current mark at once on subscribe (OKX), before any new ticker event.
    const marks: number[] = [running.market.ticker('BTCUSDT').markPrice];
    const stopEmitted = running.market.on('ticker', (t: SimTicker) => {
      if (t.symbol === 'BTCUSDT') marks.push(t.markPrice);
    });
    const ticks: MarkTick[] = [];
    const states: StreamState[] = [];
    const stop = live.watchMarkPrice(
      btc,
      (t) => ticks.push(t),
      (s) => states.push(s),
    );
    await driveUntil(running, () => ticks.length >= 3, 1000);
    expect(states[0]?.status).toBe('live');
    for (const t of ticks) {
      expect(t.symbol).toBe(btc);
      expect(marks.some((m) => Math.abs(m - t.markPrice) <= tick / 2 + 1e-9)).toBe(true);
    }
    running.server.dropSockets();
    await driveUntil(running, () => states.some((s) => s.status === 'reconnecting'), 1000);
    const before = ticks.length;
    await driveUntil(running, () => states[states.length - 1]?.status === 'live' && ticks.length >= before + 3, 1000);
    const order = states.map((s) => s.status);
    expect(order.indexOf('reconnecting')).toBeGreaterThan(0);
    expect(order.lastIndexOf('live')).toBeGreaterThan(order.indexOf('reconnecting'));
    stop();
    stopEmitted();
  }, 60_000);

  it('leaves no socket open when closed while its streams are still starting', async () => {
    const running = await startTestSimulator('chop');
    sim = running;
    const closing = simGateway(running, venue);
    const states: StreamState[] = [];
    // The core stopping as its markets load: the watches have not dialled yet when the close comes.
    closing.watchMarkPrice(
      btc,
      () => undefined,
      (s) => states.push(s),
    );
    closing.watchLiquidations(
      btc,
      () => undefined,
      (s) => states.push(s),
    );
    await closing.close();
    // A second gateway proves the simulator accepts sockets, and gives the first one's late dials
    // time to happen: once it is live, any socket the closed gateway opened would be counted too.
    const probe = simGateway(running, venue);
    gateway = probe;
    const probeStates: StreamState[] = [];
    const stopProbe = probe.watchMarkPrice(
      btc,
      () => undefined,
      (s) => probeStates.push(s),
    );
    await driveUntil(running, () => probeStates.some((s) => s.status === 'live'), 1000);
    expect(running.server.openSockets()).toBe(1);
    await expect(closing.fetchTiers(btc)).rejects.toThrow(/this connection is closed/);
    expect(states.filter((s) => s.status === 'live')).toEqual([]);
    stopProbe();
  }, 60_000);

  it('normalises realized liquidations to the liquidated side', async () => {
    const running = await startTestSimulator('long-squeeze-crash', 3);
    sim = running;
    const live = simGateway(running, venue);
    gateway = live;
    const truth: SimLiquidation[] = [];
    const stopEmitted = running.market.on('liquidation', (l) => truth.push(l));
    const received: RealizedLiquidation[] = [];
    const states: StreamState[] = [];
    const stop = live.watchLiquidations(
      btc,
      (l) => received.push(l),
      (s) => states.push(s),
    );
    if (venue === 'hyperliquid') {
      // No public liquidation feed on Hyperliquid (docs/research/liquidation-maps.md §2.1): said as
      // soon as the exchange code is loaded.
      await expect.poll(() => states[0]?.status).toBe('stale');
      stop();
      stopEmitted();
      return;
    }
    await driveUntil(running, () => received.length >= 3, 2000, 3000);
    const tick = running.market.instruments.find((i) => i.symbol === 'BTCUSDT')?.tickSize ?? 0;
    for (const liquidation of received) {
      expect(liquidation.symbol).toBe(btc);
      const match = truth.find(
        (t) =>
          t.symbol === 'BTCUSDT' &&
          Math.abs(t.price - liquidation.price) <= tick &&
          Math.abs(t.timeMs - liquidation.timeMs) <= 1000,
      );
      expect(match, JSON.stringify(liquidation)).toBeDefined();
      expect(liquidation.side).toBe(match?.side);
    }
    stop();
    stopEmitted();
  }, 90_000);
});
