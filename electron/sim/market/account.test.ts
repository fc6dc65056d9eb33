import { describe, expect, it } from 'vitest';
import type { SimAccountSpec } from './account';
import { venueRulesOf } from './instruments';
import { createSimMarket } from './market';
import { scenarioNames } from './scenarios';
import { modeAccountSpecs } from '../testing/mode-accounts';
import type { SimAccount, SimAccountPosition, SimInstrument, SimMarketModel } from './types';

/**
 * Each venue's trigger written out again from docs/research/liquidation-formulas.md,
 * independent of margin-rules.ts:
 * Binance/Bybit/Hyperliquid MM = N·mmr − deduction with the tier of N at that price; Bybit cross
 * adds N·taker fee; OKX is N·(mmr of the contract-count tier + taker fee), no deduction. Bybit
 * isolated values the position at its entry price (its official "Position Value = size × entry").
 */
function requirement(
  venue: SimAccount['venue'],
  instrument: SimInstrument,
  marginMode: 'isolated' | 'cross',
  size: number,
  price: number,
  entryPrice: number,
): number {
  const rules = venueRulesOf(instrument, venue);
  const notional = size * (venue === 'bybit-linear' && marginMode === 'isolated' ? entryPrice : price);
  if (venue === 'okx-swap') {
    const tiers = rules.contractTiers ?? [];
    const tier = tiers.find((t) => size / rules.contractValue <= t.maxContracts) ?? tiers[tiers.length - 1]!;
    return notional * (tier.maintenanceMarginRate + rules.takerFeeRate);
  }
  const tier = rules.tiers.find((t) => notional < t.notionalCap) ?? rules.tiers[rules.tiers.length - 1]!;
  const fee = venue === 'bybit-linear' && marginMode === 'cross' ? notional * rules.takerFeeRate : 0;
  return notional * tier.maintenanceMarginRate - tier.maintenanceAmount + fee;
}

const sign = (p: SimAccountPosition): number => (p.side === 'long' ? 1 : -1);

/** Binance Portfolio Margin liquidates at uniMMR <= 1.05; every other mode when equity meets the requirement. */
const thresholdOf = (account: SimAccount): number =>
  account.venue === 'binance-usdm' && account.mode === 'portfolio' ? 1.05 : 1;

/**
 * equity − threshold × requirement with `position`'s symbol at `price` (cross: its legs move
 * together, others stay at their marks; collateral counts at its ratio times its index price, and
 * BTC collateral under a BTCUSDT position at its index scaled by `price` / mark).
 */
function surplusAt(market: SimMarketModel, account: SimAccount, position: SimAccountPosition, price: number): number {
  const instrument = (symbol: string): SimInstrument => market.instruments.find((i) => i.symbol === symbol)!;
  const priced = (p: SimAccountPosition): number => (p.symbol === position.symbol ? price : p.markPrice);
  const isolated = position.marginMode === 'isolated';
  const legs = isolated ? [position] : account.positions.filter((p) => p.marginMode === 'cross');
  const threshold = isolated ? 1 : thresholdOf(account);
  let surplus = isolated ? position.isolatedMargin : account.walletBalance;
  if (!isolated)
    for (const c of account.collateral ?? [])
      surplus +=
        c.amount *
        c.collateralRatio *
        c.priceUsd *
        (`${c.asset}USDT` === position.symbol ? price / position.markPrice : 1);
  for (const p of legs)
    surplus +=
      sign(p) * p.size * (priced(p) - p.entryPrice) -
      threshold * requirement(account.venue, instrument(p.symbol), p.marginMode, p.size, priced(p), p.entryPrice);
  return surplus;
}

function expectRootOfVenueRule(market: SimMarketModel): number {
  let checked = 0;
  for (const account of market.accounts()) {
    for (const position of account.positions) {
      const lp = position.liquidationPrice;
      if (lp === null) continue;
      checked++;
      // Zero at the reported price (to 1e-7 of its notional), and of the right sign one tick either side.
      expect(Math.abs(surplusAt(market, account, position, lp))).toBeLessThan(1e-7 * position.size * lp);
      const tick = market.instruments.find((i) => i.symbol === position.symbol)!.tickSize;
      const away = position.markPrice > lp ? 1 : -1;
      expect(surplusAt(market, account, position, lp + away * tick)).toBeGreaterThan(0);
      expect(surplusAt(market, account, position, lp - away * tick)).toBeLessThan(0);
    }
  }
  return checked;
}

describe('user accounts: reported liquidation price', () => {
  it.each(scenarioNames)('satisfies equity = maintenance by each venue rule through %s', (scenario) => {
    const market = createSimMarket({ seed: 21, scenario, historyDays: 1 });
    let checked = expectRootOfVenueRule(market);
    for (let i = 0; i < 3; i++) {
      market.advance(market.scenarioDurationMs / 4);
      checked += expectRootOfVenueRule(market);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it.each(scenarioNames)('satisfies each account mode’s account-level test through %s', (scenario) => {
    const market = createSimMarket({
      seed: 8,
      scenario,
      historyDays: 0.1,
      traderCount: 300,
      accounts: modeAccountSpecs(),
    });
    let checked = expectRootOfVenueRule(market);
    for (let i = 0; i < 2; i++) {
      market.advance(market.scenarioDurationMs / 3);
      checked += expectRootOfVenueRule(market);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('holds what the welcome text says: safe and moderate positions, one close to liquidation, and one shared price for the cross hedge pair', () => {
    const market = createSimMarket({ seed: 4, scenario: 'calm', historyDays: 1 });
    expect(market.accounts().map((a) => a.venue)).toEqual(['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid']);
    const close: string[] = [];
    for (const account of market.accounts()) {
      const distances = account.positions.map((p) =>
        p.liquidationPrice === null ? Infinity : Math.abs(p.markPrice - p.liquidationPrice) / p.markPrice,
      );
      for (const [index, distance] of distances.entries())
        if (distance < 0.1) close.push(`${account.venue} ${account.positions[index]?.symbol}`);
      // Every venue shows a safe position and a moderate one (10–20 % away: no alert level reached).
      expect(Math.max(...distances)).toBeGreaterThan(0.3);
      expect(distances.some((distance) => distance > 0.1 && distance < 0.2)).toBe(true);
    }
    expect(close).toEqual(['bybit-linear ETHUSDT']);
    const binance = market.account('demo-binance')!;
    const pair = binance.positions.filter((p) => p.symbol === 'BTCUSDT');
    expect(pair.map((p) => p.positionSide)).toEqual(['long', 'short']);
    expect(pair[0]!.liquidationPrice).toBe(pair[1]!.liquidationPrice);
    const hyperliquid = market.accounts().find((a) => a.venue === 'hyperliquid')!;
    expect(hyperliquid.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(market.account(hyperliquid.address!.toUpperCase().replace('0X', '0x'))?.id).toBe(hyperliquid.id);
  });

  it('creates test accounts from options and rejects impossible ones', () => {
    const spec: SimAccountSpec = {
      id: 'test',
      venue: 'okx-swap',
      walletBalance: 2000,
      positions: [
        {
          symbol: 'ETHUSDT',
          side: 'short',
          size: 2,
          leverage: 5,
          marginMode: 'isolated',
          entryPrice: 3100,
          isolatedMargin: 1500,
        },
      ],
    };
    const market = createSimMarket({ seed: 1, scenario: 'calm', historyDays: 0.1, accounts: [spec] });
    const position = market.account('test')!.positions[0]!;
    expect(position).toMatchObject({ entryPrice: 3100, isolatedMargin: 1500, size: 2, positionSide: 'both' });
    expect(expectRootOfVenueRule(market)).toBe(1);
    expect(() =>
      createSimMarket({
        seed: 1,
        scenario: 'calm',
        historyDays: 0,
        accounts: [{ ...spec, positions: [...spec.positions, ...spec.positions] }],
      }),
    ).toThrow(/one-way mode/);
    expect(() =>
      createSimMarket({
        seed: 1,
        scenario: 'calm',
        historyDays: 0,
        accounts: [{ ...spec, positions: [{ ...spec.positions[0]!, symbol: 'DOGEUSDT' }] }],
      }),
    ).toThrow(/Unknown simulated symbol/);
  });
});

describe('user accounts: liquidation', () => {
  it('force-closes a position in the second its mark crosses the reported liquidation price', () => {
    const market = createSimMarket({
      seed: 2,
      scenario: 'long-squeeze-crash',
      historyDays: 1,
      accounts: [
        {
          id: 'risky',
          venue: 'binance-usdm',
          walletBalance: 0,
          positions: [
            { symbol: 'BTCUSDT', side: 'long', size: 1, leverage: 50, marginMode: 'isolated', entryOffset: 0 },
          ],
        },
      ],
    });
    let lastLp: number | null = null;
    let crossedAt: { mark: number; lp: number; timeMs: number } | undefined;
    market.on('ticker', (ticker) => {
      if (ticker.symbol !== 'BTCUSDT' || crossedAt) return;
      const position = market.account('risky')!.positions[0];
      if (position) lastLp = position.liquidationPrice;
      else if (lastLp !== null) crossedAt = { mark: ticker.markPrice, lp: lastLp, timeMs: ticker.timeMs };
    });
    market.advance(market.scenarioDurationMs);
    expect(crossedAt).toBeDefined();
    expect(crossedAt!.mark).toBeLessThanOrEqual(crossedAt!.lp);
    const record = market.account('risky')!.liquidations ?? [];
    expect(record).toEqual([
      expect.objectContaining({ symbol: 'BTCUSDT', side: 'long', size: 1, timeMs: crossedAt!.timeMs }),
    ]);
    // The public feed carries what a venue's public stream does: no entry price, margin mode or leverage.
    const { entryPrice, marginMode: _marginMode, leverage: _leverage, ...publicPart } = record[0]!;
    expect(entryPrice).toBeGreaterThan(0);
    expect(market.liquidations('BTCUSDT', crossedAt!.timeMs, crossedAt!.timeMs + 1)).toContainEqual(publicPart);
  });
});
