import { describe, expect, it } from 'vitest';
import { AccountAddSchema } from '../ipc/contract';
import { isAllowedBaseUrl } from './base-url';

describe('venue base URLs', () => {
  it.each([
    ['https://api.binance.com', true],
    ['https://testnet.example.org:8443/path', true],
    ['http://127.0.0.1:5180', true],
    ['http://127.10.0.3', true],
    ['http://localhost:8080', true],
    ['http://[::1]:9000', true],
    ['http://example.com', false],
    ['http://192.168.1.10:8080', false],
    ['http://127.0.0.1.evil.example', false],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1@example.com', false],
    ['http://user@127.0.0.1:8080/api', true],
    ['ftp://127.0.0.1', false],
    ['not a url', false],
  ])('%s: %s', (url, allowed) => {
    expect(isAllowedBaseUrl(url)).toBe(allowed);
  });

  it('are refused by the contract with a reason when plain http leaves the machine', () => {
    const parsed = AccountAddSchema.safeParse({
      kind: 'address',
      venue: 'hyperliquid',
      label: 'Elsewhere',
      address: '0x0123456789abcdef0123456789abcdef01234567',
      baseUrl: 'http://203.0.113.7',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('must be https');
  });
});
