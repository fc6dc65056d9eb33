import type { SimAccountSpec } from '../market/account';
import { startSimulator, type Simulator } from '../simulator';

/**
 * One account per account mode of every venue, for the mode tests. Entries sit near the
 * starting marks; multi-collateral accounts hold BTC (and USDC) besides the settle currency.
 */
export function modeAccountSpecs(): SimAccountSpec[] {
  const btcLong = { symbol: 'BTCUSDT', side: 'long', size: 0.5, leverage: 20, marginMode: 'cross' } as const;
  // The short opened 5 % above the starting mark: in profit, so its ADL quantile is above the long's.
  const ethShort = {
    symbol: 'ETHUSDT',
    side: 'short',
    size: 4,
    leverage: 10,
    marginMode: 'cross',
    entryOffset: 0.05,
  } as const;
  const isolatedEth = { ...ethShort, marginMode: 'isolated' } as const;
  return [
    { id: 'bn-single', venue: 'binance-usdm', walletBalance: 3000, positions: [btcLong] },
    {
      id: 'bn-multi',
      venue: 'binance-usdm',
      mode: 'multi-assets',
      walletBalance: 500,
      collateral: [
        { asset: 'BTC', amount: 0.02 },
        { asset: 'USDC', amount: 800 },
      ],
      positions: [btcLong, ethShort],
    },
    {
      id: 'bn-pm',
      venue: 'binance-usdm',
      mode: 'portfolio',
      walletBalance: 1000,
      collateral: [{ asset: 'BTC', amount: 0.05 }],
      positions: [btcLong],
    },
    { id: 'by-isolated', venue: 'bybit-linear', mode: 'isolated', walletBalance: 2000, positions: [isolatedEth] },
    {
      id: 'by-cross',
      venue: 'bybit-linear',
      mode: 'cross',
      walletBalance: 600,
      collateral: [{ asset: 'BTC', amount: 0.03 }],
      positions: [btcLong],
    },
    {
      id: 'by-pm',
      venue: 'bybit-linear',
      mode: 'portfolio',
      walletBalance: 1500,
      collateral: [{ asset: 'BTC', amount: 0.05 }],
      positions: [btcLong, ethShort],
    },
    { id: 'okx-spot', venue: 'okx-swap', mode: 'spot', walletBalance: 1000, positions: [] },
    { id: 'okx-futures', venue: 'okx-swap', mode: 'futures', walletBalance: 3000, positions: [btcLong] },
    {
      id: 'okx-mcm',
      venue: 'okx-swap',
      mode: 'multi-currency',
      walletBalance: 700,
      collateral: [{ asset: 'BTC', amount: 0.04 }],
      positions: [btcLong, isolatedEth],
    },
    {
      id: 'okx-pm',
      venue: 'okx-swap',
      mode: 'portfolio',
      walletBalance: 1200,
      collateral: [{ asset: 'ETH', amount: 1 }],
      positions: [btcLong],
    },
    { id: 'hl-standard', venue: 'hyperliquid', walletBalance: 3000, positions: [btcLong] },
    { id: 'hl-unified', venue: 'hyperliquid', mode: 'unified', walletBalance: 3000, positions: [btcLong] },
    {
      id: 'hl-portfolio',
      venue: 'hyperliquid',
      mode: 'portfolio',
      walletBalance: 800,
      collateral: [{ asset: 'BTC', amount: 0.03 }],
      positions: [btcLong],
    },
    {
      id: 'hl-hip3',
      venue: 'hyperliquid',
      walletBalance: 2000,
      positions: [btcLong, { ...isolatedEth, symbol: 'BTCUSDT', size: 0.1, dex: 'xyz' }],
    },
  ];
}

/** A simulator holding `modeAccountSpecs()` (time driven by the test), with keys for each account. */
export function startModeSimulator(seed = 3): Promise<Simulator> {
  return startSimulator({
    seed,
    scenario: 'calm',
    speed: 0,
    historyDays: 0.05,
    traderCount: 200,
    accounts: modeAccountSpecs(),
  });
}

/** The read-only key of an account of the mode simulator. */
export function readKeyOf(sim: Simulator, accountId: string): { apiKey: string; secret: string; password?: string } {
  const key = sim.keys.find((k) => k.accountId === accountId && !k.permissions.trade);
  if (key === undefined) throw new Error(`no key for ${accountId}`);
  return {
    apiKey: key.apiKey,
    secret: key.secret,
    ...(key.passphrase === undefined ? {} : { password: key.passphrase }),
  };
}
