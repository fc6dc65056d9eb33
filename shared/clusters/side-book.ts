/** Receives consumed amounts: leverage index, bin, USD. */
export type ConsumeSink = (leverageIndex: number, bin: number, usd: number) => void;

/**
 * The levels of one side of one venue: USD per (leverage, bin) in flat typed arrays that grow to
 * cover the bins used, plus USD-weighted birth times (provenance).
 *
 * Decay and pro-rata trims multiply every cell of the side, so they are kept as one `scale` factor
 * (actual USD = stored × scale) and cost O(1) per bar; additions divide by it. The scale is folded
 * back into the cells when it gets extreme, so precision never degrades.
 */
export interface SideBook {
  /** +1: long levels (below price, consumed by falls); −1: short levels. */
  readonly sign: 1 | -1;
  /** Adds `usd` at `bin` for leverage index `leverageIndex`, born at `birthMinute` (minutes since the ledger's origin). */
  add(leverageIndex: number, bin: number, usd: number, birthMinute: number): void;
  /**
   * Removes every level the mark has traded through: long bins >= `limitBin`, short bins <= it.
   * Returns the USD removed; `sink` hears each non-empty cell.
   */
  consume(limitBin: number, sink: ConsumeSink | undefined): number;
  /** Multiplies every level by `factor` in [0, 1] (decay, trims); 0 clears the side. */
  multiply(factor: number): void;
  /** Total USD of the side. */
  total(): number;
  /** USD at (leverage index, bin), 0 outside the range held. */
  usd(leverageIndex: number, bin: number): number;
  /** USD-weighted mean birth minute at (leverage index, bin); NaN when empty. */
  birthMinute(leverageIndex: number, bin: number): number;
  /**
   * Adds to `out[bin − outFirstBin]`, for every bin in [fromBin, toBin] that may hold USD, the sum of
   * `usd(k, bin)` over `leverageIndices` (in that order): one profile's share of this side.
   */
  addTo(
    out: Float64Array,
    outFirstBin: number,
    fromBin: number,
    toBin: number,
    leverageIndices: readonly number[],
  ): void;
  /** Lowest and highest bin that may hold USD; [1, 0] when none. */
  range(): readonly [number, number];
}

const initialCapacity = 512;

/** Creates an empty side book for `levels` leverages. */
export function createSideBook(sign: 1 | -1, levels: number): SideBook {
  let offset = 0,
    capacity = 0;
  let usdCells = new Float64Array(0),
    birthCells = new Float64Array(0);
  // Actual USD = stored × scale. Object fields, not closure variables: a number in a closure's
  // mutable variable is boxed anew on each write, and `add` writes `stored` for every level.
  const sum = { scale: 1, stored: 0 };
  // Per-bin sums of `addTo`, kept between calls.
  let rowSums = new Float64Array(0);
  // Bounds of the bins that may hold USD (min, max); consumption moves the near one.
  let lowest = Infinity,
    highest = -Infinity;

  const ensure = (bin: number): void => {
    if (bin >= offset && bin < offset + capacity) return;
    const from = capacity === 0 ? bin - initialCapacity / 2 : Math.min(offset, bin - 64);
    const to = capacity === 0 ? bin + initialCapacity / 2 : Math.max(offset + capacity, bin + 65);
    const span = to - from;
    const grown = Math.max(span, capacity * 2);
    const start = bin < offset ? to - grown : from;
    const nextUsd = new Float64Array(levels * grown),
      nextBirth = new Float64Array(levels * grown);
    for (let k = 0; k < levels && capacity > 0; k++) {
      nextUsd.set(usdCells.subarray(k * capacity, (k + 1) * capacity), k * grown + (offset - start));
      nextBirth.set(birthCells.subarray(k * capacity, (k + 1) * capacity), k * grown + (offset - start));
    }
    usdCells = nextUsd;
    birthCells = nextBirth;
    offset = start;
    capacity = grown;
  };
  const fold = (): void => {
    for (let i = 0; i < usdCells.length; i++) {
      usdCells[i] = (usdCells[i] ?? 0) * sum.scale;
      birthCells[i] = (birthCells[i] ?? 0) * sum.scale;
    }
    sum.stored *= sum.scale;
    sum.scale = 1;
  };
  const clear = (): void => {
    usdCells.fill(0);
    birthCells.fill(0);
    sum.stored = 0;
    sum.scale = 1;
    lowest = Infinity;
    highest = -Infinity;
  };

  return {
    sign,
    add(leverageIndex, bin, usd, birthMinute) {
      if (!(usd > 0)) return;
      ensure(bin);
      const cell = leverageIndex * capacity + (bin - offset);
      const amount = usd / sum.scale;
      usdCells[cell] = (usdCells[cell] ?? 0) + amount;
      birthCells[cell] = (birthCells[cell] ?? 0) + amount * birthMinute;
      sum.stored += amount;
      if (bin < lowest) lowest = bin;
      if (bin > highest) highest = bin;
    },
    consume(limitBin, sink) {
      if (lowest > highest) return 0;
      const from = sign > 0 ? Math.max(limitBin, lowest) : lowest;
      const to = sign > 0 ? highest : Math.min(limitBin, highest);
      if (from > to) return 0;
      let removed = 0;
      for (let bin = from; bin <= to; bin++) {
        const at = bin - offset;
        for (let k = 0; k < levels; k++) {
          const cell = k * capacity + at;
          const amount = usdCells[cell] ?? 0;
          if (amount === 0) continue;
          usdCells[cell] = 0;
          birthCells[cell] = 0;
          removed += amount;
          sink?.(k, bin, amount * sum.scale);
        }
      }
      const removedUsd = removed * sum.scale;
      sum.stored -= removed;
      if (sign > 0) highest = limitBin - 1;
      else lowest = limitBin + 1;
      if (lowest > highest || sum.stored <= 0) clear();
      return removedUsd;
    },
    multiply(factor) {
      if (!(factor > 0)) {
        clear();
        return;
      }
      sum.scale *= factor;
      if (sum.scale < 1e-100 || sum.scale > 1e100) fold();
    },
    total: () => Math.max(0, sum.stored * sum.scale),
    usd(leverageIndex, bin) {
      if (bin < offset || bin >= offset + capacity) return 0;
      return (usdCells[leverageIndex * capacity + (bin - offset)] ?? 0) * sum.scale;
    },
    birthMinute(leverageIndex, bin) {
      if (bin < offset || bin >= offset + capacity) return Number.NaN;
      const cell = leverageIndex * capacity + (bin - offset);
      const amount = usdCells[cell] ?? 0;
      return amount > 0 ? (birthCells[cell] ?? 0) / amount : Number.NaN;
    },
    addTo(out, outFirstBin, fromBin, toBin, leverageIndices) {
      // Bins outside the cells hold nothing. The sums run leverage by leverage over contiguous cells
      // (a leverage's bins are adjacent), each bin's in the order of `leverageIndices` as documented.
      const first = Math.max(lowest, fromBin, offset),
        last = Math.min(highest, toBin, offset + capacity - 1);
      if (first > last) return;
      const length = last - first + 1;
      if (rowSums.length < length) rowSums = new Float64Array(Math.max(length, capacity));
      rowSums.fill(0, 0, length);
      for (const k of leverageIndices) {
        const base = k * capacity + (first - offset);
        for (let i = 0; i < length; i++) rowSums[i] = (rowSums[i] ?? 0) + (usdCells[base + i] ?? 0) * sum.scale;
      }
      const at = first - outFirstBin;
      for (let i = 0; i < length; i++) out[at + i] = (out[at + i] ?? 0) + (rowSums[i] ?? 0);
    },
    range: () => (lowest > highest ? [1, 0] : [lowest, highest]),
  };
}
