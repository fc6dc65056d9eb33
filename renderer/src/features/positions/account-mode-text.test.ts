import { describe, expect, it } from 'vitest';
import {
  accountModeHeading,
  alertBasisNote,
  gaugeText,
  noLiquidationLineText,
  whatIfModeNote,
} from './account-mode-text';

describe('account mode words on screen', () => {
  it('heads the account with the venue and its mode', () => {
    const production = { source: 'production', kind: 'api-key' } as const;
    expect(accountModeHeading({ ...production, venue: 'bybit-linear', accountMode: 'bybit-unified-cross' })).toBe(
      'Bybit · unified · cross',
    );
    expect(accountModeHeading({ ...production, venue: 'okx-swap', accountMode: null })).toBe('OKX');
  });

  it('names the data source when it is not production, as the chart legend does', () => {
    const bybit = { venue: 'bybit-linear', kind: 'api-key', accountMode: 'bybit-unified-cross' } as const;
    expect(accountModeHeading({ ...bybit, source: 'api-testnet.bybit.com' })).toBe('Bybit · testnet · unified · cross');
    expect(accountModeHeading({ ...bybit, source: '127.0.0.1:40123/bybit' })).toBe(
      'Bybit · simulator · unified · cross',
    );
    expect(accountModeHeading({ ...bybit, source: 'bybit.example.net' })).toBe(
      'Bybit · bybit.example.net · unified · cross',
    );
    // The Demo's badge already says where its data comes from.
    expect(accountModeHeading({ ...bybit, kind: 'demo', source: 'demo' })).toBe('Bybit · unified · cross');
  });

  it('reads a gauge on its own side of the liquidation level', () => {
    const base = { definition: '', liquidationLevel: 1.05 } as const;
    expect(gaugeText({ ...base, name: 'uniMMR', direction: 'at-or-below', value: 31.939 })).toBe(
      'uniMMR 31.94 (liquidation at or below 105 %)',
    );
    expect(
      gaugeText({ ...base, name: 'accountMMRate', direction: 'at-or-above', liquidationLevel: 1, value: 0.0345 }),
    ).toBe('accountMMRate 3.45 % (liquidation at or above 100 %)');
  });

  it('says the what-if is off, approximate, or nothing when exact', () => {
    expect(whatIfModeNote({ accountMode: 'bybit-portfolio' })).toMatch(/^What-if off: /);
    expect(whatIfModeNote({ accountMode: 'okx-multi-currency' })).toMatch(/^What-if approximate: /);
    expect(whatIfModeNote({ accountMode: 'binance-single-asset' })).toBeNull();
  });

  it('explains a missing liquidation line only where the venue gave no price', () => {
    const note = 'Bybit gives no liquidation price in portfolio margin';
    expect(noLiquidationLineText({ exchangeLiquidationPrice: null, computedNote: note })).toBe(
      `No liquidation line: ${note}`,
    );
    expect(noLiquidationLineText({ exchangeLiquidationPrice: 50_000, computedNote: note })).toBeNull();
  });

  it('says distance alerts do not apply where LiqLens has no liquidation price, and names the gauge the alerts follow', () => {
    expect(alertBasisNote({ accountMode: 'bybit-portfolio' })).toBe(
      'Distance alerts do not apply (the venue gives no liquidation price in this mode); margin alerts follow the account maintenance margin rate (accountMMRate), liquidation at or above 100 %',
    );
    expect(alertBasisNote({ accountMode: 'binance-portfolio' })).toMatch(
      /^Distance alerts do not apply \(LiqLens cannot recompute .*unified maintenance margin ratio \(uniMMR\), liquidation at or below 105 %$/,
    );
    expect(alertBasisNote({ accountMode: 'bybit-unified-cross' })).toBeNull();
    expect(alertBasisNote({ accountMode: null })).toBeNull();
  });
});
