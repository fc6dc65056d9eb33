import { describe, expect, it } from 'vitest';
import { accountModes, type AccountGauge } from '../domain/account-mode';
import type { RiskAccount } from '../domain/risk-account';
import { evaluateAccount } from '../risk';
import { createAlertEngine } from './engine';
import { observationsFromRisk } from './from-risk';
import { btcPosition } from './testing/support';

/** A Bybit portfolio-margin account: one cross BTC long, no liquidation price, the venue's accountMMRate as read. */
function bybitPortfolio(accountMMRate: number): RiskAccount {
  const definition = accountModes['bybit-portfolio'].gauge;
  if (definition === null) throw new Error('Bybit portfolio margin names a gauge');
  const venueGauge: AccountGauge = { ...definition, value: accountMMRate };
  return {
    venue: 'bybit-linear',
    positionMode: 'oneway',
    walletBalance: 2_000,
    takerFeeRate: 0.00055,
    accountMode: 'bybit-portfolio',
    venueGauge,
    positions: [{ ...btcPosition('long', 0.5, 20), marginMode: 'cross', isolatedMargin: 0 }],
  };
}

function eventsAt(rates: readonly number[]) {
  const engine = createAlertEngine();
  return rates.flatMap((rate, k) => {
    const account = bybitPortfolio(rate);
    const observations = observationsFromRisk('pm', account, evaluateAccount(account), 1_000 * (k + 1));
    return engine.evaluate({ positions: observations }, 1_000 * (k + 1));
  });
}

describe('alerts on the account measure where the venue gives no liquidation price', () => {
  it('reads a Bybit portfolio-margin position’s ratio from accountMMRate, with no distance', () => {
    const account = bybitPortfolio(0.42);
    const [observation] = observationsFromRisk('pm', account, evaluateAccount(account), 1_000);
    expect(observation).toMatchObject({ marginRatio: 0.42, distance: null, liquidationPrice: null });
    expect(observation?.measure?.name).toBe('accountMMRate');
  });

  it('fires and clears on accountMMRate, named in the alert, and never a distance alert', () => {
    const events = eventsAt([0.3, 0.55, 0.72, 0.4]);
    expect(events.map((event) => `${event.rule}:${event.level}${event.cleared ? ':cleared' : ''}`)).toEqual([
      'marginRatio:warning',
      'marginRatio:danger',
      'marginRatio:danger:cleared',
    ]);
    expect(events[1]?.message).toBe(
      'pm · Bybit · BTCUSDT long: account maintenance margin rate (Bybit accountMMRate) 72 % crossed danger (70 %)',
    );
    expect(events[2]?.message).toMatch(/accountMMRate\) 40 % back below warning \(50 %\)$/);
  });

  it('keeps LiqLens’s own margin ratio words where the mode is recomputed', () => {
    const account: RiskAccount = { ...bybitPortfolio(0.9), accountMode: 'bybit-unified-cross' };
    const [observation] = observationsFromRisk('x', account, evaluateAccount(account), 1_000);
    expect(observation?.measure).toBeUndefined();
    expect(observation?.marginRatio).not.toBe(0.9);
  });

  it('gives an equity / maintenance gauge (Binance uniMMR) in its own figures', () => {
    const definition = accountModes['binance-portfolio'].gauge;
    if (definition === null) throw new Error('Binance portfolio margin names a gauge');
    const account: RiskAccount = {
      ...bybitPortfolio(0),
      venue: 'binance-usdm',
      accountMode: 'binance-portfolio',
      // 1.05 / 1.4 = 0.75 on the margin-ratio scale: past danger (0.7, uniMMR 1.50).
      venueGauge: { ...definition, value: 1.4 },
    };
    const events = createAlertEngine().evaluate(
      { positions: observationsFromRisk('pm', account, evaluateAccount(account), 1_000) },
      1_000,
    );
    expect(events.at(-1)?.message).toMatch(
      /unified maintenance margin ratio \(Binance uniMMR\) 1\.40 fell to danger \(1\.50\)$/,
    );
  });
});
