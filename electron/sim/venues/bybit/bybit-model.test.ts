import ccxt from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { venueRulesOf } from '../../market/instruments';
import { createSimMarket } from '../../market/market';
import type { SimMarketModel } from '../../market/types';
import { createSimKeyRing } from '../../server/sim-keys';
import { startSimServer, type SimServer } from '../../server/sim-server';
import { bybitClientUrls } from './client-urls';
import { bybitRoute } from './bybit-route';

const demoKey = {
  venue: 'bybit-linear',
  apiKey: 'demo-bybit-key',
  secret: 'demo-bybit-secret',
  accountId: 'demo-bybit',
  permissions: { read: true, trade: false, withdraw: false },
} as const;
let market: SimMarketModel;
let server: SimServer;
let exchange: InstanceType<typeof ccxt.pro.bybit>;

beforeEach(async () => {
  market = createSimMarket({ seed: 11, scenario: 'long-squeeze-crash' });
  server = await startSimServer({ market, keys: createSimKeyRing([demoKey]) }, [bybitRoute]);
  exchange = new ccxt.pro.bybit({
    apiKey: demoKey.apiKey,
    secret: demoKey.secret,
    options: { fetchMarkets: { types: ['linear'] } },
  });
  const urls = bybitClientUrls(server.baseUrl('bybit-linear'), server.wsBaseUrl('bybit-linear'));
  Object.assign(exchange.urls.api, urls.rest);
  (exchange.urls.api as { ws: { public: Record<string, string> } }).ws.public.linear = urls.wsPublicLinear;
  exchange.has.fetchCurrencies = false;
});

afterEach(async () => {
  await exchange.close();
  await server.close();
});

describe('bybit v5 simulator on the market model, through ccxt', () => {
  it("lists every instrument with Bybit's own tiers", async () => {
    await exchange.loadMarkets();
    for (const instrument of market.instruments) {
      const symbol = `${instrument.base}/${instrument.quote}:${instrument.quote}`;
      const tiers = await exchange.fetchMarketLeverageTiers(symbol);
      expect(tiers.map((tier) => [tier.maintenanceMarginRate, tier.maxLeverage])).toEqual(
        venueRulesOf(instrument, 'bybit-linear').tiers.map((tier) => [tier.maintenanceMarginRate, tier.maxLeverage]),
      );
    }
  });

  it("reports the demo hedge positions with the account's liquidation prices, before and after the market moves", async () => {
    for (const step of [0, 20 * 60_000]) {
      market.advance(step);
      const positions = await exchange.fetchPositions();
      const account = market.account('demo-bybit');
      expect(positions).toHaveLength(account?.positions.length ?? NaN);
      for (const expected of account?.positions ?? []) {
        const instrument = market.instruments.find((candidate) => candidate.symbol === expected.symbol);
        const tick = instrument?.tickSize ?? NaN;
        const position = positions.find(
          (candidate) =>
            (candidate.info as { symbol: string }).symbol === expected.symbol && candidate.side === expected.side,
        );
        expect(position?.hedged).toBe(true);
        expect(position?.contracts).toBeCloseTo(expected.size, 8);
        expect(Math.abs((position?.liquidationPrice ?? NaN) - (expected.liquidationPrice ?? NaN))).toBeLessThanOrEqual(
          tick / 2 + 1e-9,
        );
        expect(Math.abs((position?.entryPrice ?? NaN) - expected.entryPrice)).toBeLessThanOrEqual(tick / 2 + 1e-9);
      }
    }
  });

  it("streams the model's mark price", async () => {
    await exchange.loadHttpProxyAgent();
    const ticker = await exchange.watchTicker('BTC/USDT:USDT');
    const tick = market.instruments.find((instrument) => instrument.symbol === 'BTCUSDT')?.tickSize ?? NaN;
    expect(Math.abs((ticker.markPrice ?? NaN) - market.ticker('BTCUSDT').markPrice)).toBeLessThanOrEqual(
      tick / 2 + 1e-9,
    );
  });
});
