import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimAccountSpec } from '../../sim/market/account';
import { startSimulator, type Simulator } from '../../sim/simulator';
import { createGateway, type ExchangeGateway } from './gateway';

/*
 * A Hyperliquid unified account holding spot tokens besides USDC, read through real ccxt from the
 * simulator (docs/research/account-modes.md §4): the tokens add their USD value at spot prices to the
 * account's equity, while only USDC backs the perpetuals, so the margin ratio and the liquidation
 * price are those of the same account without them, and still agree with the venue's.
 */

const btcLong = { symbol: 'BTCUSDT', side: 'long', size: 0.5, leverage: 20, marginMode: 'cross' } as const;
const accounts: SimAccountSpec[] = [
  {
    id: 'hl-tokens',
    venue: 'hyperliquid',
    mode: 'unified',
    walletBalance: 3_000,
    collateral: [
      { asset: 'BTC', amount: 0.04 },
      { asset: 'USDT', amount: 250 },
    ],
    positions: [btcLong],
  },
  { id: 'hl-usdc-only', venue: 'hyperliquid', mode: 'unified', walletBalance: 3_000, positions: [btcLong] },
];

let sim: Simulator;
const gateways: ExchangeGateway[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 17, scenario: 'calm', speed: 0, historyDays: 0.05, traderCount: 200, accounts });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await sim.stop();
});

function gatewayOf(accountId: string): ExchangeGateway {
  const address = sim.market.account(accountId)?.address ?? '';
  const gateway = createGateway({
    venue: 'hyperliquid',
    baseUrl: sim.baseUrl('hyperliquid'),
    credentials: { address },
    timeoutMs: 5000,
  });
  gateways.push(gateway);
  return gateway;
}

describe('a Hyperliquid unified account with spot tokens besides USDC', () => {
  it('counts them in its equity at spot prices, not in the margin behind its positions', async () => {
    const [withTokens, usdcOnly] = await Promise.all([
      gatewayOf('hl-tokens').fetchAccount(),
      gatewayOf('hl-usdc-only').fetchAccount(),
    ]);
    expect(withTokens.accountMode).toBe('hyperliquid-unified');
    const btcPrice = sim.market.ticker('BTCUSDT').indexPrice;
    expect(withTokens.account.equity - usdcOnly.account.equity).toBeCloseTo(0.04 * btcPrice + 250, 4);
    expect(withTokens.account.marginRatio).toBeCloseTo(usdcOnly.account.marginRatio ?? -1, 10);
    const [position] = withTokens.positions;
    expect(position?.computedNote).toBeNull();
    expect(position?.exchangeLiquidationPrice).not.toBeNull();
    expect(Math.abs(position?.selfCheckDifference ?? Infinity)).toBeLessThanOrEqual((position?.tickSize ?? 0) + 1e-9);
    expect(position?.computedLiquidationPrice).toBeCloseTo(usdcOnly.positions[0]?.computedLiquidationPrice ?? -1, 6);
  });
});
