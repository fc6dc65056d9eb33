import ccxt, { type binanceusdm } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { readKeyOf, startModeSimulator } from '../../testing/mode-accounts';
import { binanceClientUrls } from './client-urls';

let sim: Simulator;
const clients: binanceusdm[] = [];

function client(accountId: string): binanceusdm {
  const exchange = new ccxt.binanceusdm({ ...readKeyOf(sim, accountId), options: { fetchCurrencies: false } });
  Object.assign(
    exchange.urls.api,
    binanceClientUrls(sim.baseUrl('binance-usdm'), sim.server.wsBaseUrl('binance-usdm')).rest,
  );
  clients.push(exchange);
  return exchange;
}

const account = (id: string) => sim.market.account(id)!;

beforeAll(async () => {
  sim = await startModeSimulator();
});

afterAll(async () => {
  await Promise.all(clients.map((exchange) => exchange.close()));
  await sim.stop();
});

describe('Binance account modes through ccxt', () => {
  it('says which accounts run Multi-Assets mode', async () => {
    expect(await client('bn-single').fapiPrivateGetMultiAssetsMargin()).toEqual({ multiAssetsMargin: false });
    expect(await client('bn-multi').fapiPrivateGetMultiAssetsMargin()).toEqual({ multiAssetsMargin: true });
  });

  it('publishes each collateral asset’s index with bid and ask rates one haircut either side', async () => {
    const rows = (await client('bn-single').fapiPublicGetAssetIndex()) as Record<string, string>[];
    const btc = rows.find((row) => row['symbol'] === 'BTCUSD')!;
    const index = Number(btc['index']);
    expect(index).toBeCloseTo(sim.market.ticker('BTCUSDT').indexPrice, 4);
    expect(Number(btc['bidRate'])).toBeCloseTo(index * 0.95, 4);
    expect(Number(btc['askRate'])).toBeCloseTo(index * 1.05, 4);
    expect(rows.find((row) => row['symbol'] === 'USDTUSD')).toMatchObject({ index: '1', bidRate: '1' });
    const one = (await client('bn-single').fapiPublicGetAssetIndex({ symbol: 'ETHUSD' })) as Record<string, string>;
    expect(one['symbol']).toBe('ETHUSD');
  });

  it('shows a Multi-Assets account’s balance in every collateral asset and its USD totals with the haircuts', async () => {
    const exchange = client('bn-multi');
    const balance = await exchange.fetchBalance();
    expect(balance.total).toMatchObject({ BTC: 0.02, USDC: 800 });
    expect(balance['USDT']?.total).toBeCloseTo(500 + sumPnl('bn-multi'), 6);
    const info = await exchange.fapiPrivateV2GetAccount();
    const margin = account('bn-multi').accountMargin!;
    expect(info.multiAssetsMargin).toBe(true);
    expect(Number(info.totalMarginBalance)).toBeCloseTo(margin.equityUsd, 6);
    expect(Number(info.totalMaintMargin)).toBeCloseTo(margin.maintenanceMarginUsd, 6);
    // The BTC counts at 95 % of its index (the assetIndex row's), USDC at par.
    const btcValue = 0.02 * sim.market.ticker('BTCUSDT').indexPrice * 0.95;
    expect(margin.equityUsd).toBeCloseTo(500 + 800 + btcValue + sumPnl('bn-multi'), 6);
  });

  it('refuses a Portfolio Margin key on fapi with -2015 and serves it on papi', async () => {
    const exchange = client('bn-pm');
    await expect(exchange.fetchPositions()).rejects.toThrow(ccxt.AuthenticationError);
    await expect(exchange.fetchBalance()).rejects.toThrow(/-2015/);
    const positions = await exchange.fetchPositions(undefined, { portfolioMargin: true });
    const simulated = account('bn-pm').positions[0]!;
    expect(positions).toHaveLength(1);
    expect(positions[0]?.liquidationPrice).toBeCloseTo(simulated.liquidationPrice!, 6);
    const pm = (await exchange.papiGetAccount()) as Record<string, string>;
    const margin = account('bn-pm').accountMargin!;
    expect(Number(pm['uniMMR'])).toBeCloseTo(margin.equityUsd / margin.maintenanceMarginUsd, 6);
    expect(pm['accountStatus']).toBe('NORMAL');
    const balance = await exchange.fetchBalance({ portfolioMargin: true, type: 'linear' });
    expect(balance['USDT']?.free).toBe(1000);
    expect((balance.info as Record<string, string>[]).map((row) => row['asset'])).toEqual(['USDT', 'BTC']);
  });

  it('refuses papi to an account that is not on Portfolio Margin', async () => {
    await expect(client('bn-multi').papiGetAccount()).rejects.toThrow(ccxt.AuthenticationError);
  });

  it('reports each position’s ADL quantile on fapi and papi', async () => {
    const fapi = await client('bn-multi').fetchPositionsADLRank();
    // The short in profit queues ahead of the long at break-even.
    expect(new Set(fapi.map((row) => row.rank)).size).toBe(2);
    expect(fapi.map((row) => row.symbol).sort()).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT']);
    for (const row of fapi) {
      const simulated = account('bn-multi').positions.find((p) =>
        (row.symbol ?? '').startsWith(p.symbol.replace('USDT', '')),
      )!;
      expect(row.rank).toBe(simulated.adlQuantile);
    }
    const papi = await client('bn-pm').fetchPositionsADLRank(undefined, { portfolioMargin: true });
    expect(papi[0]?.rank).toBe(account('bn-pm').positions[0]?.adlQuantile);
  });
});

function sumPnl(id: string): number {
  return account(id).positions.reduce((sum, p) => sum + p.unrealizedPnl, 0);
}
