import ccxt, { type bybit } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { readKeyOf, startModeSimulator } from '../../testing/mode-accounts';
import { bybitClientUrls } from './client-urls';

let sim: Simulator;
const clients: bybit[] = [];

function client(accountId: string): bybit {
  const exchange = new ccxt.bybit({ ...readKeyOf(sim, accountId), options: { fetchMarkets: { types: ['linear'] } } });
  Object.assign(
    exchange.urls.api,
    bybitClientUrls(sim.baseUrl('bybit-linear'), sim.server.wsBaseUrl('bybit-linear')).rest,
  );
  exchange.has.fetchCurrencies = false;
  clients.push(exchange);
  return exchange;
}

type Row = Record<string, string>;
const account = (id: string) => sim.market.account(id)!;
const infoOf = (value: { info: unknown }): Row => value.info as Row;

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  await Promise.all(clients.map((exchange) => exchange.close()));
  await sim.stop();
});

describe('Bybit unified account modes through ccxt', () => {
  it.each([
    ['by-isolated', 'ISOLATED_MARGIN'],
    ['by-cross', 'REGULAR_MARGIN'],
    ['by-pm', 'PORTFOLIO_MARGIN'],
  ])('reports %s as %s in account info', async (id, marginMode) => {
    const answer = (await client(id).privateGetV5AccountInfo()) as { result: Row };
    expect(answer.result['marginMode']).toBe(marginMode);
  });

  it('gives a cross account’s estimated liquidation price and its USD account MM rate over every coin', async () => {
    const exchange = client('by-cross');
    const [position] = await exchange.fetchPositions(undefined, { settleCoin: 'USDT' });
    expect(position?.liquidationPrice).toBeCloseTo(account('by-cross').positions[0]!.liquidationPrice!, 1);
    const balance = await exchange.fetchBalance();
    expect(balance.total).toMatchObject({ USDT: 600, BTC: 0.03 });
    const row = (balance.info as { result: { list: Row[] } }).result.list[0]!;
    const margin = account('by-cross').accountMargin!;
    expect(Number(row['totalMarginBalance'])).toBeCloseTo(margin.equityUsd, 6);
    expect(Number(row['accountMMRate'])).toBeCloseTo(margin.requirementUsd / margin.equityUsd, 4);
  });

  it('leaves the liquidation price, position IM/MM and leverage empty in portfolio margin', async () => {
    const positions = await client('by-pm').fetchPositions(undefined, { settleCoin: 'USDT' });
    expect(positions).toHaveLength(2);
    for (const position of positions) {
      expect(position.liquidationPrice).toBeUndefined();
      expect(infoOf(position)).toMatchObject({ liqPrice: '', positionIM: '', positionMM: '', leverage: '' });
      expect(infoOf(position)['riskId']).toBe(0);
    }
  });

  it('lists each collateral coin with its collateral value ratio', async () => {
    const answer = (await client('by-cross').privateGetV5AccountCollateralInfo({ currency: 'BTC' })) as {
      result: { list: Row[] };
    };
    expect(answer.result.list).toEqual([expect.objectContaining({ currency: 'BTC', collateralRatio: '0.95' })]);
  });

  it('stamps a risk limit or leverage the venue lowered on its own, and carries the ADL rank', async () => {
    const before = await client('by-isolated').fetchPositions(undefined, { settleCoin: 'USDT' });
    expect(infoOf(before[0]!)).toMatchObject({ mmrSysUpdatedTime: '', leverageSysUpdatedTime: '' });
    expect(Number(infoOf(before[0]!)['adlRankIndicator'])).toBe(account('by-isolated').positions[0]!.adlQuantile! + 1);
    const mmBefore = account('by-isolated').positions[0]!.maintenanceMargin;
    sim.market.adjustPosition('by-isolated', 'ETHUSDT', { leverage: 5, maintenanceMarginRate: 0.05 });
    const [after] = await client('by-isolated').fetchPositions(undefined, { settleCoin: 'USDT' });
    const now = String(sim.market.now());
    expect(infoOf(after!)).toMatchObject({ mmrSysUpdatedTime: now, leverageSysUpdatedTime: now });
    expect(after?.leverage).toBe(5);
    expect(Number(infoOf(after!)['positionMM'])).toBeGreaterThan(mmBefore);
  });

  it('moves a position in the ADL queue for a test, and back to its own banding', async () => {
    const rank = async (): Promise<number> =>
      Number(
        infoOf((await client('by-isolated').fetchPositions(undefined, { settleCoin: 'USDT' }))[0]!)['adlRankIndicator'],
      );
    const banded = await rank();
    sim.market.adjustPosition('by-isolated', 'ETHUSDT', { adlQuantile: 4 });
    expect(await rank()).toBe(5);
    sim.market.adjustPosition('by-isolated', 'ETHUSDT', { adlQuantile: null });
    expect(await rank()).toBe(banded);
    expect(() => sim.market.adjustPosition('by-isolated', 'ETHUSDT', { adlQuantile: 5 })).toThrow(/0–4/);
  });
});
