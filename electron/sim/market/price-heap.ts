/**
 * A binary heap of (id, version, price) entries, ordered so the top is the price reached first:
 * 'max' for long liquidation prices (a falling mark meets the highest first), 'min' for shorts.
 * Entries are never removed from the middle: a closed position bumps its version and its stale
 * entry is skipped when it surfaces (lazy deletion), which keeps every operation O(log n).
 */
export interface PriceHeap {
  readonly size: number;
  push(id: number, version: number, price: number): void;
  /** The top entry's fields; undefined when empty. */
  topId(): number | undefined;
  topVersion(): number;
  topPrice(): number;
  pop(): void;
  /** Drops every entry for which `isLive(id, version)` is false (run when stale entries pile up). */
  compact(isLive: (id: number, version: number) => boolean): void;
}

/** Creates an empty heap; `order` picks which price is on top. */
export function createPriceHeap(order: 'max' | 'min'): PriceHeap {
  let ids = new Int32Array(256);
  let versions = new Uint32Array(256);
  let prices = new Float64Array(256);
  let count = 0;
  const sign = order === 'max' ? 1 : -1;
  const before = (a: number, b: number): boolean => sign * ((prices[a] ?? 0) - (prices[b] ?? 0)) > 0;
  const swap = (a: number, b: number): void => {
    const id = ids[a] ?? 0,
      version = versions[a] ?? 0,
      price = prices[a] ?? 0;
    ids[a] = ids[b] ?? 0;
    versions[a] = versions[b] ?? 0;
    prices[a] = prices[b] ?? 0;
    ids[b] = id;
    versions[b] = version;
    prices[b] = price;
  };
  const siftUp = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(i, parent)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= count) return;
      const right = left + 1;
      const child = right < count && before(right, left) ? right : left;
      if (!before(child, i)) return;
      swap(i, child);
      i = child;
    }
  };
  const grow = (): void => {
    const size = ids.length * 2;
    const newIds = new Int32Array(size);
    newIds.set(ids);
    ids = newIds;
    const newVersions = new Uint32Array(size);
    newVersions.set(versions);
    versions = newVersions;
    const newPrices = new Float64Array(size);
    newPrices.set(prices);
    prices = newPrices;
  };
  return {
    get size() {
      return count;
    },
    push(id, version, price) {
      if (count === ids.length) grow();
      ids[count] = id;
      versions[count] = version;
      prices[count] = price;
      siftUp(count++);
    },
    topId: () => (count > 0 ? ids[0] : undefined),
    topVersion: () => versions[0] ?? 0,
    topPrice: () => prices[0] ?? Number.NaN,
    pop() {
      if (count === 0) return;
      count--;
      ids[0] = ids[count] ?? 0;
      versions[0] = versions[count] ?? 0;
      prices[0] = prices[count] ?? 0;
      siftDown(0);
    },
    compact(isLive) {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const id = ids[i] ?? 0,
          version = versions[i] ?? 0;
        if (!isLive(id, version)) continue;
        ids[kept] = id;
        versions[kept] = version;
        prices[kept] = prices[i] ?? 0;
        kept++;
      }
      count = kept;
      for (let i = (count >> 1) - 1; i >= 0; i--) siftDown(i);
    },
  };
}
