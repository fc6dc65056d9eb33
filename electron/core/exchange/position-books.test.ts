import { describe, expect, it } from 'vitest';
import type { MarketInfo } from '../../../shared/domain/market-info';
import { bookRescanMs, createBookReader } from './position-books';
import { hyperliquidDexBooks } from './venues/hyperliquid-dexes';

/*
 * Which of Hyperliquid's HIP-3 dexes are read on each refresh: all of them at first and every
 * minute, and in between only those holding a position, so empty dexes do not slow every refresh.
 */

const market = (symbol: string): MarketInfo => ({
  symbol,
  unifiedSymbol: symbol,
  base: symbol,
  quote: 'USDC',
  settle: 'USDC',
  tickSize: 1,
  contractSize: 1,
  takerFeeRate: null,
  isolatedOnly: symbol.includes(':'),
  maxLeverage: 20,
});
const markets = ['BTC', 'ETH', 'xyz:BTC', 'xyz:ETH', 'flx:GOLD', 'km:SPX'].map(market);

function reader(holding: Set<string>) {
  let nowMs = 0;
  const asked: string[] = [];
  const books = createBookReader(
    hyperliquidDexBooks,
    async (params) => {
      const dex = typeof params['dex'] === 'string' ? params['dex'] : 'main';
      asked.push(dex);
      return holding.has(dex) ? [{ dex }] : [];
    },
    () => nowMs,
  );
  return {
    books,
    asked,
    advance: (ms: number) => (nowMs += ms),
  };
}

describe('position books', () => {
  it('reads the main book and every dex at first, then only the dexes that hold a position', async () => {
    const { books, asked, advance } = reader(new Set(['main', 'xyz']));
    expect(await books.read(markets)).toEqual([{ dex: 'main' }, { dex: 'xyz' }]);
    expect(asked).toEqual(['main', 'xyz', 'flx', 'km']);
    asked.length = 0;
    advance(bookRescanMs - 1);
    expect(await books.read(markets)).toEqual([{ dex: 'main' }, { dex: 'xyz' }]);
    expect(asked).toEqual(['main', 'xyz']);
  });

  it('finds a position opened on another dex at the next full scan', async () => {
    const holding = new Set(['main']);
    const { books, asked, advance } = reader(holding);
    await books.read(markets);
    holding.add('km');
    asked.length = 0;
    expect(await books.read(markets)).toEqual([{ dex: 'main' }]);
    advance(bookRescanMs);
    expect(await books.read(markets)).toEqual([{ dex: 'main' }, { dex: 'km' }]);
    expect(asked).toEqual(['main', 'main', 'xyz', 'flx', 'km']);
  });

  it('reads one book where the venue keeps one', async () => {
    let calls = 0;
    const books = createBookReader(null, async () => {
      calls += 1;
      return [{}];
    });
    expect(await books.read(markets)).toHaveLength(1);
    expect(calls).toBe(1);
  });
});
