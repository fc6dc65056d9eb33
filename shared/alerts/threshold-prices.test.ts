import { describe, expect, it } from 'vitest';
import type { RiskAccount } from '../domain/risk-account';
import type { RiskPosition } from '../domain/risk-position';
import { evaluateAccount } from '../risk/evaluate-account';
import { hyperliquidTiers } from '../risk/tiers';
import { thresholdPrices } from './threshold-prices';
import { binanceAccount, btcPosition } from './testing/support';

const eth = (side: RiskPosition['side'], markPrice: number): RiskPosition => ({
  ...btcPosition(side, 10, 10),
  symbol: 'ETHUSDT',
  entryPrice: 3_000,
  markPrice,
  marginMode: 'cross',
  isolatedMargin: 0,
});
const cross = (position: RiskPosition): RiskPosition => ({ ...position, marginMode: 'cross', isolatedMargin: 0 });

/** The position's margin ratio with its symbol's mark at `price`, from `evaluateAccount` directly. */
function ratioAt(account: RiskAccount, index: number, price: number): number | null {
  const symbol = account.positions[index]?.symbol;
  const positions = account.positions.map((position) =>
    position.symbol === symbol ? { ...position, markPrice: price } : position,
  );
  return evaluateAccount({ ...account, positions }).positions[index]?.marginRatio ?? null;
}

const accounts: { name: string; account: RiskAccount; index: number; reached: boolean[] }[] = [
  {
    name: 'Binance isolated 5x long',
    account: binanceAccount([btcPosition('long', 0.5, 5)]),
    index: 0,
    reached: [false, false, false],
  },
  {
    name: 'Binance isolated 10x short',
    account: binanceAccount([btcPosition('short', 2, 10)]),
    index: 0,
    reached: [false, false, false],
  },
  {
    name: 'Binance isolated 5x long already past warning',
    account: binanceAccount([btcPosition('long', 0.5, 5, 48_300)]),
    index: 0,
    reached: [true, false, false],
  },
  {
    name: 'Binance cross long beside a cross ETH short',
    account: binanceAccount([cross(btcPosition('long', 3, 20)), eth('short', 3_100)], 12_000),
    index: 0,
    reached: [false, false, false],
  },
  {
    name: 'Binance cross ETH short beside a cross long',
    account: binanceAccount([cross(btcPosition('long', 3, 20)), eth('short', 3_100)], 12_000),
    index: 1,
    reached: [false, false, false],
  },
  {
    name: 'Binance large isolated long across tiers',
    account: binanceAccount([btcPosition('long', 20, 25)]),
    index: 0,
    reached: [false, false, false],
  },
  {
    name: 'Hyperliquid cross 10x long',
    account: {
      venue: 'hyperliquid',
      positionMode: 'oneway',
      walletBalance: 3_500,
      takerFeeRate: 0,
      positions: [{ ...cross(btcPosition('long', 0.5, 10)), tiers: hyperliquidTiers(40), maxLeverage: 40 }],
    },
    index: 0,
    reached: [false, false, false],
  },
];

describe('thresholdPrices: where the margin ratio reaches each level', () => {
  it.each(accounts)('$name: the account evaluated at each price has the level ratio', ({ account, index, reached }) => {
    const lines = thresholdPrices(account, index);
    expect(lines.map((line) => line.level)).toEqual(['warning', 'danger', 'critical']);
    expect(lines.map((line) => line.reached)).toEqual(reached);
    for (const line of lines) {
      expect(line.price).not.toBeNull();
      expect(ratioAt(account, index, line.price ?? 0)).toBeCloseTo(line.marginRatio, 6);
    }
  });

  it.each(accounts)(
    '$name: the lines lie between the mark and the liquidation price, in order',
    ({ account, index }) => {
      const position = account.positions[index];
      const liquidation = evaluateAccount(account).positions[index]?.liquidationPrice ?? null;
      const prices = thresholdPrices(account, index).map((line) => line.price ?? Number.NaN);
      const ordered = position?.side === 'long' ? [...prices].sort((a, b) => b - a) : [...prices].sort((a, b) => a - b);
      expect(prices).toEqual(ordered);
      expect(liquidation).not.toBeNull();
      const last = prices.at(-1) ?? Number.NaN;
      expect(position?.side === 'long' ? last > (liquidation ?? 0) : last < (liquidation ?? 0)).toBe(true);
    },
  );

  it('custom levels are honoured', () => {
    const account = binanceAccount([btcPosition('long', 0.5, 5)]);
    const lines = thresholdPrices(account, 0, { warning: 0.3, danger: 0.4, critical: 0.95 });
    expect(lines.map((line) => line.marginRatio)).toEqual([0.3, 0.4, 0.95]);
    for (const line of lines) expect(ratioAt(account, 0, line.price ?? 0)).toBeCloseTo(line.marginRatio, 6);
  });

  it('a level no price reaches gives null (a fully collateralized 1x long stays near 0.4 %)', () => {
    expect(thresholdPrices(binanceAccount([btcPosition('long', 0.5, 1)]), 0).map((line) => line.price)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('an index that names no position gives []', () => {
    expect(thresholdPrices(binanceAccount([btcPosition('long', 0.5, 5)]), 3)).toEqual([]);
  });
});
