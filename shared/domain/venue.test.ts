import { describe, expect, it } from 'vitest';
import { alertMessage } from '../alerts/message';
import { AccountAddSchema } from '../ipc/contract';
import { accountVenues, addressVenues, demoVenues, isAccountVenue, keyVenues, venueFacts, venues } from './venue';

describe('venue registry', () => {
  it('lists every venue in display order, and only those with ways to connect take accounts', () => {
    expect(venues).toEqual(['binance-usdm', 'binance-coinm', 'bybit-linear', 'okx-swap', 'hyperliquid']);
    expect(accountVenues).toEqual(['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid']);
    expect(isAccountVenue('binance-coinm')).toBe(false);
    expect(keyVenues).toEqual(['binance-usdm', 'bybit-linear', 'okx-swap']);
    expect(addressVenues).toEqual(['hyperliquid']);
    expect(demoVenues).toEqual(['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid']);
  });

  it('takes a key only on a key venue and an address only on an address venue, as the registry says', () => {
    const key = { kind: 'api-key', label: 'mine', apiKey: 'k'.repeat(16), apiSecret: 's'.repeat(16) };
    const address = { kind: 'address', label: 'whale', address: `0x${'ab'.repeat(20)}` };
    for (const venue of accountVenues) {
      const byKey = venueFacts(venue).credentials !== 'address';
      expect(AccountAddSchema.safeParse({ ...key, venue }).success, `${venue} by key`).toBe(byKey);
      expect(AccountAddSchema.safeParse({ ...address, venue }).success, `${venue} by address`).toBe(!byKey);
    }
    expect(AccountAddSchema.safeParse({ ...key, venue: 'binance-coinm' }).success).toBe(false);
  });

  it('refuses an account on a venue the registry does not connect yet', () => {
    const position = {
      symbol: 'BTCUSDT',
      side: 'long',
      sizeBase: 1,
      entryPrice: 60_000,
      leverage: 10,
      marginMode: 'cross',
    };
    const manual = { kind: 'manual', label: 'typed', walletBalance: 10_000, positions: [position] };
    expect(AccountAddSchema.safeParse({ ...manual, venue: 'binance-usdm' }).success).toBe(true);
    expect(AccountAddSchema.safeParse({ ...manual, venue: 'binance-coinm' }).success).toBe(false);
  });

  it('names the venue in an alert the way traders know it', () => {
    const facts = {
      displaySymbol: 'BTC/USDT',
      side: 'long',
      rule: 'marginRatio',
      level: 'danger',
      cleared: false,
      value: 0.72,
      threshold: 0.7,
      accountLabel: 'Main',
    } as const;
    expect(alertMessage({ ...facts, venue: 'binance-usdm' })).toBe(
      'Main · Binance USDⓈ-M · BTC/USDT long: margin ratio 72 % crossed danger (70 %)',
    );
    expect(alertMessage({ ...facts, venue: 'binance-coinm' })).toMatch(/^Main · Binance COIN-M · BTC\/USDT long: /);
    expect(alertMessage({ ...facts, venue: 'okx-swap' })).toMatch(/^Main · OKX · BTC\/USDT long: /);
  });

  it('states what each venue publishes and how it is connected', () => {
    expect(venueFacts('okx-swap').credentials).toBe('key-passphrase');
    expect(venueFacts('hyperliquid').credentials).toBe('address');
    expect(venueFacts('hyperliquid').capabilities).toMatchObject({
      hedgeMode: false,
      liquidationStream: false,
      openInterestHistory: false,
      markCandles: false,
    });
    expect(venueFacts('binance-usdm').capabilities).toMatchObject({ takerSplit: 'candles', publicTiers: false });
    expect(venueFacts('okx-swap').capabilities.takerSplit).toBe('statistic');
    expect(venueFacts('binance-coinm').contract).toBe('inverse');
  });
});
