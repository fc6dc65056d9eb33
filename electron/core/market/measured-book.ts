import type { MeasuredPosition } from '../../../shared/clusters';
import type { PublicPositionsReader } from '../exchange/public-positions';
import type { Logger } from '../ports';

/**
 * Hyperliquid's budget for reads, shared by every call from one IP: 1,200 weight a minute;
 * `clearinghouseState` weighs 2, `metaAndAssetCtxs` 20 (docs/research/liquidation-maps.md §1.6). The
 * book spends at most 480 (240 address reads a minute), leaving the rest to the app's candles,
 * the user's own account and anything else on the machine.
 */
export const defaultReadsPerMinute = 240;

/** Weight of one open-interest read in address reads (20 / 2). */
const openInterestReadCost = 10;
/** Open interest is read at most this often per market, ms. */
const openInterestEveryMs = 60_000;
/** An address a trade named again is re-read, but not more often than this, ms (the market maker is in every trade). */
const rereadAfterMs = 30_000;

interface Entry {
  readonly address: string;
  positions: readonly MeasuredPosition[];
  /** Notional of all its positions when last read, USD. */
  notionalUsd: number;
  readAtMs: number | null;
  /** A trade named it since its last read: its positions have changed. */
  traded: boolean;
}

/** What the book needs. */
export interface MeasuredBookDeps {
  /** The reader of the book's source (loaded on first use: ccxt loads lazily). */
  readonly reader: () => Promise<PublicPositionsReader>;
  readonly now: () => number;
  readonly logger: Logger;
  /** Address reads a minute (default `defaultReadsPerMinute`). */
  readonly readsPerMinute?: number;
  /** Most addresses kept (default 20,000); flat ones read longest ago go first. */
  readonly maxAddresses?: number;
}

/**
 * The measured positions of one Hyperliquid source. Addresses come from the public trade streams
 * of the watched markets; one reader pass reads them within the rate budget: addresses never read
 * first (in the order they were seen), then addresses a trade named since their read, then the
 * rest in rotation, most notional × longest unread first. Flat addresses are re-read only when a
 * trade names them again.
 */
export interface MeasuredBook {
  /** Watches a market's trades for addresses (counted: the stream stops at the last release). */
  watch(symbol: string): () => void;
  /** Every measured position in `symbol` as last read. */
  positions(symbol: string): readonly MeasuredPosition[];
  /** Addresses read at least once. */
  addressesRead(): number;
  /** The market's open interest in USD as last read, or null. */
  openInterestUsd(symbol: string): number | null;
  /**
   * Reads the market's open interest in USD now (weight 20; the live feed asks once a closed
   * minute, to record the history the venue does not keep), or null when not listed.
   */
  readOpenInterestUsd(symbol: string): Promise<number | null>;
  /** Hears each read that changed anything; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  stop(): Promise<void>;
}

/** Creates the book and starts its read loop (idle until a watched market names an address). */
export function createMeasuredBook(deps: MeasuredBookDeps): MeasuredBook {
  const intervalMs = 60_000 / (deps.readsPerMinute ?? defaultReadsPerMinute);
  const maxAddresses = deps.maxAddresses ?? 20_000;
  const entries = new Map<string, Entry>();
  const unread: string[] = [];
  const watched = new Map<string, { count: number; stop: () => void }>();
  const interest = new Map<string, { usd: number | null; readAtMs: number }>();
  const listeners = new Set<() => void>();
  let stopped = false;
  let wake: (() => void) | null = null;
  let endPause: (() => void) | null = null;
  let reader: PublicPositionsReader | null = null;
  let readerLoad: Promise<PublicPositionsReader> | null = null;
  /** One reader (one ccxt client) for the loop and every trade stream; a failed load is tried again. */
  const readerOf = (): Promise<PublicPositionsReader> => {
    readerLoad ??= deps.reader().then((loaded) => (reader = loaded));
    readerLoad.catch(() => (readerLoad = null));
    return readerLoad;
  };

  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  const discover = (addresses: readonly string[]): void => {
    for (const address of addresses) {
      const known = entries.get(address);
      if (known !== undefined) known.traded = true;
      else {
        entries.set(address, { address, positions: [], notionalUsd: 0, readAtMs: null, traded: false });
        unread.push(address);
      }
    }
    evict();
    wake?.();
  };
  const evict = (): void => {
    if (entries.size <= maxAddresses) return;
    const flat = [...entries.values()]
      .filter((entry) => entry.readAtMs !== null && entry.notionalUsd === 0)
      .sort((a, b) => (a.readAtMs ?? 0) - (b.readAtMs ?? 0));
    for (const entry of flat.slice(0, entries.size - maxAddresses)) entries.delete(entry.address);
  };
  const nextAddress = (): string | undefined => {
    const fresh = unread.shift();
    if (fresh !== undefined) return fresh;
    const now = deps.now();
    let best: Entry | undefined,
      bestScore = 0;
    for (const entry of entries.values()) {
      const age = now - (entry.readAtMs ?? 0);
      const score = entry.traded && age >= rereadAfterMs ? Number.MAX_VALUE : entry.notionalUsd * age;
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best?.address;
  };
  const dueInterest = (): string | undefined =>
    [...watched.keys()].find(
      (symbol) => deps.now() - (interest.get(symbol)?.readAtMs ?? -Infinity) >= openInterestEveryMs,
    );
  /** Waits out the budget; only `stop` cuts it short (a discovery must not). */
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        endPause = null;
        resolve();
      }, ms);
      endPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const readOne = async (source: PublicPositionsReader): Promise<number> => {
    const symbol = dueInterest();
    if (symbol !== undefined) {
      // Marked read before the call, so a failing read waits its turn instead of repeating at once.
      interest.set(symbol, { usd: interest.get(symbol)?.usd ?? null, readAtMs: deps.now() });
      interest.set(symbol, { usd: await source.fetchOpenInterestUsd(symbol), readAtMs: deps.now() });
      changed();
      return openInterestReadCost;
    }
    const address = nextAddress();
    if (address === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      return 0;
    }
    const entry = entries.get(address);
    if (entry === undefined) return 0;
    const positions = await source.fetchPositionsOf(address);
    const hadAny = entry.positions.length > 0;
    entry.positions = positions;
    entry.notionalUsd = positions.reduce((sum, position) => sum + position.notionalUsd, 0);
    entry.readAtMs = deps.now();
    entry.traded = false;
    if (hadAny || positions.length > 0) changed();
    return 1;
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      const started = deps.now();
      let cost = 1;
      try {
        cost = await readOne(await readerOf());
      } catch (error) {
        deps.logger.warn('measured map read failed', { venue: 'hyperliquid', message: String(error) });
      }
      const waitMs = cost * intervalMs - (deps.now() - started);
      if (!stopped && waitMs > 0) await pause(waitMs);
    }
  };
  const running = loop();

  return {
    watch(symbol) {
      const known = watched.get(symbol);
      if (known !== undefined) known.count++;
      else {
        let stopStream: () => void = () => undefined;
        watched.set(symbol, { count: 1, stop: () => stopStream() });
        readerOf().then(
          (source) => {
            if (!watched.has(symbol) || stopped) return;
            stopStream = source.watchTraders(symbol, discover, (state) => {
              if (state.status !== 'live')
                deps.logger.warn('trade stream for the measured map', {
                  venue: 'hyperliquid',
                  symbol,
                  state: state.status,
                });
            });
          },
          (error: unknown) =>
            deps.logger.warn('measured map reader failed', { venue: 'hyperliquid', message: String(error) }),
        );
        wake?.();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const held = watched.get(symbol);
        if (held === undefined) return;
        if (--held.count > 0) return;
        held.stop();
        watched.delete(symbol);
      };
    },
    positions: (symbol) =>
      [...entries.values()].flatMap((entry) => entry.positions.filter((position) => position.symbol === symbol)),
    addressesRead: () => [...entries.values()].filter((entry) => entry.readAtMs !== null).length,
    openInterestUsd: (symbol) => interest.get(symbol)?.usd ?? null,
    async readOpenInterestUsd(symbol) {
      const usd = await (await readerOf()).fetchOpenInterestUsd(symbol);
      interest.set(symbol, { usd, readAtMs: deps.now() });
      return usd;
    },
    onChange(listener) {
      const own = (): void => listener();
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
    async stop() {
      stopped = true;
      for (const held of watched.values()) held.stop();
      watched.clear();
      endPause?.();
      wake?.();
      await running;
      await reader?.close();
    },
  };
}
