import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../../shared/alerts';
import { eventTitle, shouldToast, windowTitle } from './alert-text';

const base: AlertEvent = {
  id: '1',
  timeMs: 0,
  accountId: 'a',
  accountLabel: 'Main',
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  displaySymbol: 'BTC/USDT',
  side: 'long',
  rule: 'marginRatio',
  level: 'danger',
  value: 0.72,
  threshold: 0.7,
  tickTimeMs: 0,
  cleared: false,
  silent: false,
  message: 'm',
};

describe('alert text', () => {
  it('puts the worst level first in the window title, and nothing when all is calm', () => {
    expect(windowTitle('critical')).toBe('CRITICAL · LiqLens');
    expect(windowTitle(null)).toBe('LiqLens');
  });

  it('pops up new alerts only, not clears or quiet-hour events', () => {
    expect(shouldToast(base)).toBe(true);
    expect(shouldToast({ ...base, cleared: true })).toBe(false);
    expect(shouldToast({ ...base, silent: true })).toBe(false);
    expect(shouldToast({ ...base, rule: 'adlFront', end: 'left-front' })).toBe(false);
    expect(shouldToast({ ...base, rule: 'venueLowered' })).toBe(true);
  });

  it('titles the end of an ADL alert "Ended", never "Cleared", and names the ADL front and the venue cut', () => {
    expect(eventTitle({ ...base, rule: 'adlFront', end: 'closed' })).toBe('Ended');
    expect(eventTitle({ ...base, rule: 'adlFront', level: 'warning' })).toBe('ADL warning');
    expect(eventTitle({ ...base, rule: 'venueLowered' })).toBe('Exchange cut · danger');
  });

  it('titles a liquidation "Liquidated", a clear "Cleared", anything else by its level', () => {
    expect(eventTitle({ ...base, rule: 'liquidated', level: 'critical' })).toBe('Liquidated');
    expect(eventTitle({ ...base, cleared: true })).toBe('Cleared');
    expect(eventTitle(base)).toBe('Danger');
  });
});
