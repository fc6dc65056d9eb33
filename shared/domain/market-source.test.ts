import { describe, expect, it } from 'vitest';
import { MarketKeySchema, marketKeyId, marketSourceName, sourceIdOf, sourceLabel } from './market-source';

describe('market source ids', () => {
  it.each([
    [{}, 'production'],
    [{ baseUrl: '' }, 'production'],
    [{ demo: true, baseUrl: 'http://127.0.0.1:40123/binance' }, 'demo'],
    [{ baseUrl: 'https://testnet.binancefuture.com' }, 'testnet.binancefuture.com'],
    [{ baseUrl: 'https://testnet.binancefuture.com/' }, 'testnet.binancefuture.com'],
    [{ baseUrl: 'http://127.0.0.1:4321/binance' }, '127.0.0.1:4321/binance'],
    [{ baseUrl: 'HTTP://LocalHost:8080/Bybit/' }, 'localhost:8080/Bybit'],
    [{ baseUrl: 'https://api.hyperliquid-testnet.xyz' }, 'api.hyperliquid-testnet.xyz'],
  ])('derives %j as %s', (connection, id) => {
    expect(sourceIdOf(connection)).toBe(id);
    expect(MarketKeySchema.safeParse({ venue: 'binance-usdm', source: id, symbol: 'BTCUSDT' }).success).toBe(true);
  });

  it('gives the Demo one id whatever port its simulator took this run, and other simulators their own', () => {
    const demoToday = sourceIdOf({ demo: true, baseUrl: 'http://127.0.0.1:40123/binance' });
    const demoTomorrow = sourceIdOf({ demo: true, baseUrl: 'http://127.0.0.1:51777/binance' });
    expect(demoToday).toBe(demoTomorrow);
    const one = sourceIdOf({ baseUrl: 'http://127.0.0.1:40123/binance' });
    const two = sourceIdOf({ baseUrl: 'http://127.0.0.1:51777/binance' });
    expect(new Set([demoToday, one, two, sourceIdOf({})]).size).toBe(4);
  });

  it('never carries a secret written into the URL (user info, query, fragment)', () => {
    const id = sourceIdOf({ baseUrl: 'https://alice:s3cretPass@testnet.example.com:8443/api/?apiKey=K3Y#token=T0K' });
    expect(id).toBe('testnet.example.com:8443/api');
    for (const secret of ['alice', 's3cretPass', 'K3Y', 'T0K']) expect(id).not.toContain(secret);
  });

  it('keeps a host named like a reserved id apart from the Demo and production', () => {
    expect(sourceIdOf({ baseUrl: 'http://demo' })).not.toBe('demo');
    expect(sourceIdOf({ baseUrl: 'http://production/' })).not.toBe('production');
  });

  it('names the source beside the venue only when it is not production', () => {
    expect(sourceLabel('production')).toBe('');
    expect(sourceLabel('demo')).toBe('Demo');
    expect(sourceLabel('testnet.binancefuture.com')).toBe('testnet');
    expect(sourceLabel('127.0.0.1:4321/binance')).toBe('simulator');
    expect(sourceLabel('eu.example.com')).toBe('eu.example.com');
    expect(marketSourceName({ venue: 'binance-usdm', source: 'demo' })).toBe('Binance · Demo');
    expect(marketSourceName({ venue: 'bybit-linear', source: 'api-testnet.bybit.com' })).toBe('Bybit · testnet');
    expect(marketSourceName({ venue: 'okx-swap', source: 'production' })).toBe('OKX');
  });

  it('makes a market of venue, source and symbol: two sources of one symbol are two markets', () => {
    const demo = { venue: 'binance-usdm', source: 'demo', symbol: 'BTCUSDT' } as const;
    expect(marketKeyId(demo)).not.toBe(marketKeyId({ ...demo, source: 'production' }));
    expect(marketKeyId(demo)).toBe(marketKeyId({ ...demo }));
    expect(MarketKeySchema.safeParse({ venue: 'binance-usdm', symbol: 'BTCUSDT' }).success).toBe(false);
    expect(MarketKeySchema.safeParse({ ...demo, source: 'a b' }).success).toBe(false);
    expect(MarketKeySchema.safeParse({ ...demo, source: '' }).success).toBe(false);
  });
});
