import ccxt from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { venueRulesOf } from '../../market/instruments';
import { createSimMarket } from '../../market/market';
import type { SimMarketModel } from '../../market/types';
import { createSimKeyRing } from '../../server/sim-keys';
import { startSimServer, type SimServer } from '../../server/sim-server';
import { okxClientUrls } from './client-urls';
import { okxRoute } from './okx-route';

const demoKey = {
  venue: 'okx-swap',
  apiKey: 'demo-okx-key',
  secret: 'demo-okx-secret',
  passphrase: 'demo-okx-pass',
  accountId: 'demo-okx',
  permissions: { read: true, trade: false, withdraw: false },
} as const;
let market: SimMarketModel;
let server: SimServer;
let exchange: InstanceType<typeof ccxt.okx>;

beforeEach(async () => {
  market = createSimMarket({ seed: 5, scenario: 'short-squeeze' });
  server = await startSimServer({ market, keys: createSimKeyRing([demoKey]) }, [okxRoute]);
  exchange = new ccxt.okx({
    apiKey: demoKey.apiKey,
    secret: demoKey.secret,
    password: demoKey.passphrase,
    options: { fetchMarkets: { types: ['swap'] } },
  });
  exchange.urls.api.rest = okxClientUrls(server.baseUrl('okx-swap'), server.wsBaseUrl('okx-swap')).rest;
  exchange.has.fetchCurrencies = false;
});

afterEach(async () => {
  await exchange.close();
  await server.close();
});

describe('okx v5 simulator on the market model, through ccxt', () => {
  it("lists every swap with OKX's contract value and contract tiers", async () => {
    const markets = await exchange.loadMarkets();
    for (const instrument of market.instruments) {
      const symbol = `${instrument.base}/${instrument.quote}:${instrument.quote}`;
      const rules = venueRulesOf(instrument, 'okx-swap');
      expect(markets[symbol]?.contractSize).toBe(rules.contractValue);
      const tiers = await exchange.fetchMarketLeverageTiers(symbol);
      expect(tiers.map((tier) => [tier.maintenanceMarginRate, tier.maxLeverage])).toEqual(
        (rules.contractTiers ?? []).map((tier) => [tier.maintenanceMarginRate, tier.maxLeverage]),
      );
    }
  });

  it("reports the demo positions in contracts with the account's liquidation prices and margin modes", async () => {
    for (const step of [0, 20 * 60_000]) {
      market.advance(step);
      const positions = await exchange.fetchPositions();
      const account = market.account('demo-okx');
      expect(positions).toHaveLength(account?.positions.length ?? NaN);
      for (const expected of account?.positions ?? []) {
        const instrument = market.instruments.find((candidate) => candidate.symbol === expected.symbol);
        if (!instrument) throw new Error(`no instrument ${expected.symbol}`);
        const position = positions.find(
          (candidate) =>
            candidate.symbol?.startsWith(`${instrument.base}/`) === true && candidate.side === expected.side,
        );
        expect(position?.marginMode).toBe(expected.marginMode);
        expect(position?.contracts).toBeCloseTo(expected.size / venueRulesOf(instrument, 'okx-swap').contractValue, 6);
        expect(Math.abs((position?.liquidationPrice ?? NaN) - (expected.liquidationPrice ?? NaN))).toBeLessThanOrEqual(
          instrument.tickSize / 2 + 1e-9,
        );
      }
    }
  });
});
