import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSource, type MarketKey } from '../../../shared/domain/market-source';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createSystemClock } from '../clock';
import { createGateway } from '../exchange/gateway';
import { demoSourceAccess } from '../../../test/support/sim-gateway';
import type { Logger } from '../ports';
import { createRecorder } from '../recorder/recorder';
import { createAggregateService, type AggregateService } from './aggregate-service';
import { createMarketService, type MarketService } from './market-service';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sim: Simulator | null = null;
let service: MarketService | null = null;
let aggregates: AggregateService | null = null;
let dir: string | null = null;

afterEach(async () => {
  aggregates?.stop();
  await service?.stop();
  await sim?.stop();
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  [sim, service, aggregates, dir] = [null, null, null, null];
});

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('the map of a coin across venues, on the simulator through ccxt', () => {
  it("sums Bybit's and OKX's BTC maps on one grid, lists the venues not read at this source as missing, and holds the other market", async () => {
    const running = await startSimulator({ seed: 3, scenario: 'calm', speed: 0, port: 0, historyDays: 1 });
    sim = running;
    dir = mkdtempSync(join(tmpdir(), 'liqlens-aggregate-'));
    const demo = demoSourceAccess(running);
    const recordings = dir;
    const markets = createMarketService({
      createGateway,
      // Two venues of the Demo's source are read; Binance and Hyperliquid are not (no account reads them there).
      resolveSource: (market) => (market.venue === 'bybit-linear' || market.venue === 'okx-swap' ? demo(market) : null),
      recorderFor: (source) => createRecorder(recordings, source),
      clock: createSystemClock(),
      logger: quiet,
      historyDays: 1,
      pollMs: 60_000,
      onUpdate: () => undefined,
    });
    service = markets;
    const coinMaps = createAggregateService(markets);
    aggregates = coinMaps;
    const bybit: MarketKey = { venue: 'bybit-linear', source: demoSource, symbol: 'BTCUSDT' };
    const okx: MarketKey = { venue: 'okx-swap', source: demoSource, symbol: 'BTC-USDT-SWAP' };
    const view = await markets.open(bybit, '5m');
    expect(view.clusters?.map.bins.length).toBeGreaterThan(5);

    // The first ask finds OKX's BTC market by its coin and starts holding it; its map follows its backfill.
    const first = await coinMaps.get(bybit);
    expect(first.coin).toBe('BTC');
    expect(markets.mapPart(okx)).not.toBeNull();
    await expect.poll(() => markets.mapPart(okx)?.backfill.state, { timeout: 120_000 }).toBe('done');

    const map = await coinMaps.get(bybit);
    expect(map.source).toBe(demoSource);
    expect(map.price).toBe(markets.mapPart(bybit)?.price);
    expect(map.parts.map((part) => [part.venue, part.symbol, part.kind])).toEqual([
      ['bybit-linear', 'BTCUSDT', 'estimated'],
      ['okx-swap', 'BTC-USDT-SWAP', 'estimated'],
    ]);
    expect(map.missing.map((entry) => entry.venue)).toEqual(['binance-usdm', 'hyperliquid']);
    for (const entry of map.missing) expect(entry.reason).toMatch(/^No account reads/);
    // Each venue's share in every bin; shares sum to the bin (whole dollars, rounded per venue).
    const venuesSeen = new Set(map.map.bins.flatMap((bin) => bin.byVenue.map((entry) => entry.venue)));
    expect(venuesSeen).toEqual(new Set(['bybit-linear', 'okx-swap']));
    for (const bin of map.map.bins) {
      expect(Math.abs(sum(bin.byVenue.map((entry) => entry.longUsd)) - bin.longUsd)).toBeLessThanOrEqual(2);
      expect(Math.abs(sum(bin.byVenue.map((entry) => entry.shortUsd)) - bin.shortUsd)).toBeLessThanOrEqual(2);
    }
    const bybitPart = map.parts[0];
    const okxPart = map.parts[1];
    expect(Math.abs((bybitPart?.longUsd ?? 0) + (okxPart?.longUsd ?? 0) - map.map.longUsd)).toBeLessThanOrEqual(2);
    expect(okxPart?.longUsd).toBeGreaterThan(0);
    // Bins lie on the charted market's grid: one bin's edges are the grid's, the same as Bybit's own map.
    const own = markets.mapPart(bybit)?.estimated?.bins ?? [];
    const edges = new Set(own.map((bin) => bin.low));
    const bybitOnly = map.map.bins.filter((bin) => bin.byVenue.every((entry) => entry.venue === 'bybit-linear'));
    expect(bybitOnly.length).toBeGreaterThan(0);
    for (const bin of bybitOnly.slice(0, 10)) expect(edges.has(bin.low)).toBe(true);

    // The heatmap history: at every charted column time, both venues' columns summed on the charted grid.
    expect(map.heatmapVenues).toEqual(['bybit-linear', 'okx-swap']);
    expect(map.realizedUnavailable).toEqual([]);
    const heat = (column: { long: readonly number[]; short: readonly number[] } | undefined): number =>
      sum(column?.long ?? []) + sum(column?.short ?? []);
    const bybitHeat = markets.mapPart(bybit)?.clusters()?.heatmap.columns ?? [];
    const okxHeat = markets.mapPart(okx)?.clusters()?.heatmap.columns ?? [];
    expect(map.heatmap.columns.map((column) => column.timeMs)).toEqual(bybitHeat.map((column) => column.timeMs));
    const last = map.heatmap.columns.at(-1);
    const okxLast = okxHeat.find((column) => column.timeMs === last?.timeMs);
    expect(heat(okxLast)).toBeGreaterThan(0);
    // Levels scaled onto the charted market's range may leave a few edge bins out, never add any.
    expect(heat(last)).toBeGreaterThan(heat(bybitHeat.at(-1)));
    expect(heat(last)).toBeLessThanOrEqual(heat(bybitHeat.at(-1)) + heat(okxLast));

    // Released with the chart: OKX's market stops (nothing else holds it).
    coinMaps.release(bybit);
    expect(markets.mapPart(okx)).toBeNull();
  }, 240_000);
});
