import type { Venue } from '../domain/venue';
import { mapOfBins, type LiquidationMap, type MapBin } from './map-now';
import type { BinSize } from './params';
import { createPriceGrid } from './price-grid';

/**
 * One trader's position as the venue reports it by public address (Hyperliquid's
 * `clearinghouseState`): the measured map is built from these, not from a model.
 */
export interface MeasuredPosition {
  /** The public address that holds it (lowercase 0x + 40 hex). */
  readonly address: string;
  /** The venue's symbol (`BTCUSDT` style, as the app names markets). */
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** Base units, positive. */
  readonly size: number;
  /** Size × mark when read, USD. */
  readonly notionalUsd: number;
  /** The venue's own liquidation price; null where it reports none (a position no move can liquidate). */
  readonly liquidationPrice: number | null;
  /** The position's leverage setting (x). */
  readonly leverage: number;
  /** When the address was read, Unix ms. */
  readonly readAtMs: number;
}

/** How much of the market the measured map covers. */
export interface MeasuredCoverage {
  /** Addresses holding a position in this market (every address read, flat ones included, is `addressesRead`). */
  readonly addresses: number;
  readonly addressesRead: number;
  /** Notional of the positions in the map, long plus short, USD. */
  readonly coveredUsd: number;
  /** The venue's open interest in USD (long plus short, as coveredUsd counts it); null before it is read. */
  readonly openInterestUsd: number | null;
  /** coveredUsd / openInterestUsd, 0..1; null without open interest. */
  readonly fraction: number | null;
  /** The oldest read behind the map, Unix ms (the map is at most this old); null when empty. */
  readonly oldestReadMs: number | null;
}

/** The measured map of one market: real positions' liquidation prices binned like the estimate. */
export interface MeasuredMap {
  readonly map: LiquidationMap;
  /** Long and short USD per bin from `firstBin` on, on the grid of `binSize` (what the chart draws). */
  readonly profile: { readonly firstBin: number; readonly long: readonly number[]; readonly short: readonly number[] };
  readonly coverage: MeasuredCoverage;
}

/** What to build the measured map over. */
export interface MeasuredMapInput {
  readonly venue: Venue;
  readonly positions: readonly MeasuredPosition[];
  /** The mark now: positions whose liquidation price it has reached are gone, and the range is around it. */
  readonly price: number;
  readonly timeMs: number;
  readonly binSize: BinSize;
  /** Fraction each side of the mark (default 0.15, as the estimate's wire). */
  readonly rangeFraction?: number;
  readonly openInterestUsd: number | null;
  readonly addressesRead: number;
}

/** Whether the mark has already crossed the position's liquidation price: the venue has closed it since it was read. */
function alreadyLiquidated(position: MeasuredPosition, price: number): boolean {
  const at = position.liquidationPrice;
  if (at === null) return false;
  return position.side === 'long' ? price <= at : price >= at;
}

/**
 * Bins each position's notional at its venue-reported liquidation price (longs below the mark,
 * shorts above), on the same grid as the estimate so both read alike. Positions without a
 * liquidation price, or whose liquidation price the mark has reached since they were read, count
 * in no bin and not in the coverage. Positions beyond the range count in the coverage but in no bin.
 */
export function measuredMap(input: MeasuredMapInput): MeasuredMap {
  const grid = createPriceGrid(input.binSize);
  const range = input.rangeFraction ?? 0.15;
  const live = input.positions.filter(
    (position) => position.liquidationPrice !== null && !alreadyLiquidated(position, input.price),
  );
  const leverages = [...new Set(live.map((position) => position.leverage))].sort((a, b) => a - b);
  const from = grid.binOf(input.price * (1 - range)),
    to = grid.binOf(input.price * (1 + range));
  const width = Math.max(0, to - from + 1);
  const long = new Array<number>(width).fill(0),
    short = new Array<number>(width).fill(0);
  const byLeverage = new Map<number, { long: number[]; short: number[]; birth: number[] }>();
  for (const position of live) {
    const bin = grid.binOf(position.liquidationPrice ?? 0) - from;
    if (bin < 0 || bin >= width) continue;
    const sideOut = position.side === 'long' ? long : short;
    sideOut[bin] = (sideOut[bin] ?? 0) + position.notionalUsd;
    const cell = byLeverage.get(bin) ?? {
      long: leverages.map(() => 0),
      short: leverages.map(() => 0),
      birth: leverages.map(() => 0),
    };
    const k = leverages.indexOf(position.leverage);
    const cellSide = position.side === 'long' ? cell.long : cell.short;
    cellSide[k] = (cellSide[k] ?? 0) + position.notionalUsd;
    cell.birth[k] = Math.max(cell.birth[k] ?? 0, position.readAtMs);
    byLeverage.set(bin, cell);
  }
  const bins: MapBin[] = [];
  for (let bin = 0; bin < width; bin++) {
    const cell = byLeverage.get(bin);
    if (cell === undefined) continue;
    const longUsd = long[bin] ?? 0,
      shortUsd = short[bin] ?? 0;
    bins.push({
      low: grid.low(from + bin),
      high: grid.high(from + bin),
      longUsd,
      shortUsd,
      longByLeverage: cell.long,
      shortByLeverage: cell.short,
      byVenue: [{ venue: input.venue, longUsd, shortUsd }],
      provenance: leverages.flatMap((leverage, k) =>
        (['long', 'short'] as const)
          .map((side) => ({
            venue: input.venue,
            side,
            leverage,
            usd: (side === 'long' ? cell.long : cell.short)[k] ?? 0,
            // "Birth" of a measured amount: when it was last read.
            meanBirthMs: cell.birth[k] ?? input.timeMs,
          }))
          .filter((item) => item.usd > 0),
      ),
    });
  }
  const coveredUsd = live.reduce((sum, position) => sum + position.notionalUsd, 0);
  const oi = input.openInterestUsd;
  return {
    map: mapOfBins(input.timeMs, input.price, leverages, bins),
    profile: { firstBin: from, long, short },
    coverage: {
      addresses: new Set(live.map((position) => position.address)).size,
      addressesRead: input.addressesRead,
      coveredUsd,
      openInterestUsd: oi,
      fraction: oi !== null && oi > 0 ? Math.min(1, coveredUsd / oi) : null,
      oldestReadMs: live.length === 0 ? null : Math.min(...live.map((position) => position.readAtMs)),
    },
  };
}
