import ccxt, { type hyperliquid } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { startModeSimulator } from '../../testing/mode-accounts';
import { hyperliquidClientUrls } from './client-urls';

let sim: Simulator;
const clients: hyperliquid[] = [];

function client(): hyperliquid {
  const exchange = new ccxt.hyperliquid({ enableRateLimit: false });
  Object.assign(
    exchange.urls.api,
    hyperliquidClientUrls(sim.baseUrl('hyperliquid'), sim.server.wsBaseUrl('hyperliquid')).rest,
  );
  clients.push(exchange);
  return exchange;
}

type Row = Record<string, unknown>;
const account = (id: string) => sim.market.account(id)!;
const userOf = (id: string): string => account(id).address!;

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  await Promise.all(clients.map((exchange) => exchange.close()));
  await sim.stop();
});

describe('Hyperliquid account abstraction and HIP-3 dexes through ccxt', () => {
  it.each([
    ['hl-standard', 'disabled'],
    ['hl-unified', 'unifiedAccount'],
    ['hl-portfolio', 'portfolioMargin'],
  ])('answers userAbstraction for %s with %s', async (id, abstraction) => {
    // The venue answers a bare JSON string, which ccxt hands back as text (its isUnifiedEnabled strips the quotes).
    expect(await client().publicPostInfo({ type: 'userAbstraction', user: userOf(id) })).toBe(
      JSON.stringify(abstraction),
    );
  });

  it('keeps a unified account’s equity in the spot clearinghouse and none in the perp state', async () => {
    const exchange = client();
    const user = userOf('hl-unified');
    const simulated = account('hl-unified');
    const pnl = simulated.positions.reduce((sum, p) => sum + p.unrealizedPnl, 0);
    const balance = await exchange.fetchBalance({ user });
    expect(balance['USDC']?.total).toBeCloseTo(simulated.walletBalance + pnl, 4);
    const perp = (await exchange.publicPostInfo({ type: 'clearinghouseState', user })) as {
      marginSummary: Row;
      assetPositions: unknown[];
    };
    expect(Number(perp.marginSummary['accountValue'])).toBe(0);
    expect(perp.assetPositions).toHaveLength(1);
    const [position] = await exchange.fetchPositions(undefined, { user });
    expect(position?.liquidationPrice).toBeCloseTo(simulated.positions[0]!.liquidationPrice!, 4);
  });

  it('lists a portfolio account’s other collateral in spot', async () => {
    const spot = (await client().publicPostInfo({ type: 'spotClearinghouseState', user: userOf('hl-portfolio') })) as {
      balances: Row[];
    };
    expect(spot.balances.map((row) => [row['coin'], Number(row['total'])])).toEqual([
      ['USDC', expect.any(Number)],
      ['BTC', 0.03],
    ]);
  });

  it('leaves a standard account’s spot empty and its equity in the perp state', async () => {
    const balance = await client().fetchBalance({ user: userOf('hl-standard') });
    expect(balance['USDC']?.total).toBeCloseTo(3000 + account('hl-standard').positions[0]!.unrealizedPnl, 4);
  });

  it('lists a HIP-3 dex with isolated-only markets and reads its positions with the dex parameter', async () => {
    const exchange = client();
    const dexes = (await exchange.publicPostInfo({ type: 'perpDexs' })) as (Row | null)[];
    expect(dexes.map((dex) => dex?.['name'] ?? null)).toEqual([null, 'xyz']);
    const markets = await exchange.loadMarkets();
    const hip3 = markets['XYZ-BTC/USDC:USDC'];
    expect(hip3?.info).toMatchObject({ name: 'xyz:BTC', onlyIsolated: true, dex: 'xyz' });
    const user = userOf('hl-hip3');
    const main = await exchange.fetchPositions(undefined, { user });
    expect(main.map((p) => p.symbol)).toEqual(['BTC/USDC:USDC']);
    const onDex = await exchange.fetchPositions(['XYZ-BTC/USDC:USDC'], { user });
    const simulated = account('hl-hip3').positions.find((p) => p.dex === 'xyz')!;
    expect(onDex).toHaveLength(1);
    expect(onDex[0]).toMatchObject({ symbol: 'XYZ-BTC/USDC:USDC', marginMode: 'isolated', side: 'short' });
    expect(onDex[0]?.liquidationPrice).toBeCloseTo(simulated.liquidationPrice!, 4);
  });

  it('refuses a dex it does not list', async () => {
    await expect(
      client().publicPostInfo({ type: 'clearinghouseState', user: userOf('hl-hip3'), dex: 'nope' }),
    ).rejects.toThrow();
  });
});
