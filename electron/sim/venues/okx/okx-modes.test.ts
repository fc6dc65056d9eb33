import ccxt, { type okx } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { readKeyOf, startModeSimulator } from '../../testing/mode-accounts';
import { okxClientUrls } from './client-urls';

let sim: Simulator;
const clients: okx[] = [];

function client(accountId: string): okx {
  const exchange = new ccxt.okx({ ...readKeyOf(sim, accountId), options: { fetchMarkets: { types: ['swap'] } } });
  exchange.urls.api.rest = okxClientUrls(sim.baseUrl('okx-swap'), sim.server.wsBaseUrl('okx-swap')).rest;
  exchange.has.fetchCurrencies = false;
  clients.push(exchange);
  return exchange;
}

type Row = Record<string, string>;
const account = (id: string) => sim.market.account(id)!;

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  await Promise.all(clients.map((exchange) => exchange.close()));
  await sim.stop();
});

describe('OKX account levels through ccxt', () => {
  it.each([
    ['okx-spot', '1'],
    ['okx-futures', '2'],
    ['okx-mcm', '3'],
    ['okx-pm', '4'],
  ])('reports %s at acctLv %s', async (id, level) => {
    const answer = (await client(id).privateGetAccountConfig()) as { data: Row[] };
    expect(answer.data[0]?.['acctLv']).toBe(level);
  });

  it('keeps a futures-mode balance per currency, with no adjusted equity', async () => {
    const balance = await client('okx-futures').fetchBalance();
    const data = (balance.info as { data: (Row & { details: Row[] })[] }).data[0]!;
    expect(data['adjEq']).toBe('');
    expect(data.details[0]?.['mgnRatio']).not.toBe('');
  });

  it.each(['okx-mcm', 'okx-pm'])(
    'gives %s its USD adjusted equity and account margin ratio, and no currency margin ratio',
    async (id) => {
      const balance = await client(id).fetchBalance();
      const data = (balance.info as { data: (Row & { details: Row[] })[] }).data[0]!;
      const margin = account(id).accountMargin!;
      const isolated = account(id)
        .positions.filter((p) => p.marginMode === 'isolated')
        .reduce((sum, p) => sum + p.isolatedMargin + p.unrealizedPnl, 0);
      expect(Number(data['adjEq'])).toBeCloseTo(margin.equityUsd + isolated, 6);
      expect(Number(data['mgnRatio'])).toBeCloseTo(margin.equityUsd / margin.requirementUsd, 3);
      expect(data.details.map((detail) => detail['mgnRatio'])).toEqual(data.details.map(() => ''));
      const collateral = account(id).collateral![0]!;
      expect(balance[collateral.asset]?.total).toBe(collateral.amount);
      const detail = data.details.find((d) => d['ccy'] === collateral.asset)!;
      expect(Number(detail['disEq'])).toBeCloseTo(collateral.marginValueUsd, 6);
    },
  );

  it('carries each position’s ADL level (1-5) and the level-3 liquidation price', async () => {
    const positions = await client('okx-mcm').fetchPositions();
    expect(positions).toHaveLength(2);
    for (const position of positions) {
      const simulated = account('okx-mcm').positions.find((p) => p.marginMode === position.marginMode)!;
      expect(Number((position.info as Row)['adl'])).toBe(simulated.adlQuantile! + 1);
      expect(position.liquidationPrice).toBeCloseTo(simulated.liquidationPrice!, 1);
    }
  });

  it('holds no swap positions in spot mode', async () => {
    expect(await client('okx-spot').fetchPositions()).toEqual([]);
  });
});
