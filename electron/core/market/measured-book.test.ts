import { afterEach, describe, expect, it } from 'vitest';
import { defaultLedgerParams, measuredMap, type MeasuredPosition } from '../../../shared/clusters';
import type { Simulator } from '../../sim/simulator';
import { traderAddress } from '../../sim/venues/hyperliquid/hyperliquid-traders';
import { driveUntil, startTestSimulator } from '../../../test/support/sim-gateway';
import { createPublicPositionsReader } from '../exchange/public-positions';
import type { Logger } from '../ports';
import { createMeasuredBook, type MeasuredBook } from './measured-book';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let sim: Simulator | null = null;
let book: MeasuredBook | null = null;

afterEach(async () => {
  await book?.stop();
  await sim?.stop();
  book = null;
  sim = null;
});

/** Waits (in real time, the market frozen) until `condition` holds; the book reads meanwhile. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The simulator's truth for BTC as the venue would report it: each trader's position by address. */
function truthByAddress(running: Simulator): Map<string, { side: string; size: number; liquidationPrice: number }[]> {
  const byAddress = new Map<string, { side: string; size: number; liquidationPrice: number }[]>();
  for (const level of running.market.truth('BTCUSDT')) {
    if (level.trader === undefined) continue;
    const address = traderAddress(level.trader);
    byAddress.set(address, [
      ...(byAddress.get(address) ?? []),
      { side: level.side, size: level.size, liquidationPrice: level.liquidationPrice },
    ]);
  }
  return byAddress;
}

describe('the measured Hyperliquid map', () => {
  it('finds traders in the public trade stream, reads their positions through ccxt, and maps exactly their liquidation prices', async () => {
    const running = await startTestSimulator('calm');
    sim = running;
    const measured = createMeasuredBook({
      reader: () => Promise.resolve(createPublicPositionsReader(running.baseUrl('hyperliquid'))),
      now: () => Date.now(),
      logger: quiet,
      readsPerMinute: 60_000,
    });
    book = measured;
    measured.watch('BTC');
    // Addresses arrive only from trades, so the market must move for any to be found.
    await driveUntil(running, () => measured.addressesRead() >= 60 && measured.openInterestUsd('BTC') !== null, 1000);

    // Market frozen: every read from now on must match the truth exactly.
    const frozenAtMs = Date.now();
    const fresh = (): MeasuredPosition[] => measured.positions('BTC').filter((p) => p.readAtMs >= frozenAtMs);
    await until(() => new Set(fresh().map((p) => p.address)).size >= 40);
    const positions = fresh();
    const covered = new Set(positions.map((p) => p.address));

    const truth = truthByAddress(running);
    for (const address of covered) {
      const read = positions
        .filter((p) => p.address === address)
        .map((p) => ({ side: p.side, size: p.size, liquidationPrice: p.liquidationPrice }));
      const expected = truth.get(address) ?? [];
      expect(read.length).toBe(expected.length);
      for (const [k, one] of expected.entries()) {
        expect(read[k]?.side).toBe(one.side);
        expect(read[k]?.size).toBeCloseTo(one.size, 9);
        expect(read[k]?.liquidationPrice).toBeCloseTo(one.liquidationPrice, 4);
      }
    }

    // The map of the read positions is the truth's map of the same traders, bin for bin.
    const price = running.market.ticker('BTCUSDT').markPrice;
    const mapOf = (list: readonly MeasuredPosition[]) =>
      measuredMap({
        venue: 'hyperliquid',
        positions: list,
        price,
        timeMs: 0,
        binSize: defaultLedgerParams.binSize,
        openInterestUsd: measured.openInterestUsd('BTC'),
        addressesRead: measured.addressesRead(),
      });
    const truthPositions: MeasuredPosition[] = [...covered].flatMap((address) =>
      (truth.get(address) ?? []).map((level) => ({
        address,
        symbol: 'BTC',
        side: level.side === 'long' ? 'long' : 'short',
        size: level.size,
        notionalUsd: level.size * price,
        liquidationPrice: level.liquidationPrice,
        leverage: 0,
        readAtMs: frozenAtMs,
      })),
    );
    const measuredProfile = mapOf(positions).profile,
      truthProfile = mapOf(truthPositions).profile;
    expect(measuredProfile.firstBin).toBe(truthProfile.firstBin);
    const nonEmpty =
      truthProfile.long.filter((usd) => usd > 0).length + truthProfile.short.filter((usd) => usd > 0).length;
    expect(nonEmpty).toBeGreaterThan(5);
    for (const side of ['long', 'short'] as const)
      for (const [bin, usd] of truthProfile[side].entries())
        expect(measuredProfile[side][bin] ?? 0).toBeCloseTo(usd, -1);

    // Coverage: the covered traders' notional against the venue's open interest.
    const coverage = mapOf(positions).coverage;
    expect(coverage.addresses).toBe(covered.size);
    expect(coverage.fraction).toBeGreaterThan(0);
    expect(coverage.fraction).toBeLessThanOrEqual(1);
  }, 120_000);
});
