import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import {
  buildAccountAdd,
  clearSecrets,
  emptyForm,
  errorText,
  fieldOf,
  permissionOutcome,
  progressText,
  type AccountForm,
} from './account-form';
import { isShortcut, isTyping, type KeyLike } from './shortcut-target';
import { worstStatus } from './venues';

const key: AccountForm = {
  ...emptyForm,
  keyVenue: 'bybit-linear',
  apiKey: ' key-12345678 ',
  apiSecret: 'secret-12345678',
};
const manual: AccountForm = {
  ...emptyForm,
  manualVenue: 'okx-swap',
  walletBalance: '1,000',
  position: {
    symbol: 'btc-usdt-swap',
    side: 'short',
    sizeBase: '0.5',
    entryPrice: '60 000',
    leverage: '10',
    marginMode: 'cross',
    isolatedMargin: '',
  },
};

describe('buildAccountAdd', () => {
  it.each([
    [
      'a read-only key',
      'api-key',
      key,
      {
        kind: 'api-key',
        venue: 'bybit-linear',
        label: 'Bybit (read-only key)',
        apiKey: 'key-12345678',
        apiSecret: 'secret-12345678',
      },
    ],
    [
      'an OKX key with passphrase and testnet URL',
      'api-key',
      { ...key, keyVenue: 'okx-swap', passphrase: 'pass', baseUrl: 'http://127.0.0.1:9000', label: 'OKX main' },
      {
        kind: 'api-key',
        venue: 'okx-swap',
        label: 'OKX main',
        apiKey: 'key-12345678',
        apiSecret: 'secret-12345678',
        passphrase: 'pass',
        baseUrl: 'http://127.0.0.1:9000',
      },
    ],
    [
      'a Hyperliquid address',
      'address',
      { ...emptyForm, address: `0x${'ab'.repeat(20)}` },
      { kind: 'address', venue: 'hyperliquid', label: 'Hyperliquid 0xabab…abab', address: `0x${'ab'.repeat(20)}` },
    ],
    [
      'a cross position typed in',
      'manual',
      manual,
      {
        kind: 'manual',
        venue: 'okx-swap',
        label: 'OKX BTC-USDT-SWAP (typed in)',
        walletBalance: 1000,
        positions: [
          {
            symbol: 'BTC-USDT-SWAP',
            side: 'short',
            sizeBase: 0.5,
            entryPrice: 60000,
            leverage: 10,
            marginMode: 'cross',
          },
        ],
      },
    ],
  ] as const)('builds %s', (_name, choice, form, expected) => {
    expect(buildAccountAdd(choice, form)).toEqual({ account: expected });
  });

  it.each([
    ['a short key', 'api-key', { ...key, apiKey: 'abc' }, 'apiKey', /too short/],
    ['a missing secret', 'api-key', { ...key, apiSecret: '' }, 'apiSecret', /too short/],
    ['an OKX key without passphrase', 'api-key', { ...key, keyVenue: 'okx-swap' }, 'passphrase', /passphrase/],
    ['a bad base URL', 'api-key', { ...key, baseUrl: 'ftp://x' }, 'baseUrl', /http/],
    ['a malformed address', 'address', { ...emptyForm, address: '0x1234' }, 'address', /40 hex/],
    [
      'a size that is not a number',
      'manual',
      { ...manual, position: { ...manual.position, sizeBase: 'abc' } },
      'position.sizeBase',
      /enter a number/,
    ],
    [
      'a zero entry',
      'manual',
      { ...manual, position: { ...manual.position, entryPrice: '0' } },
      'position.entryPrice',
      /more than 0/,
    ],
    [
      'a leverage below 1',
      'manual',
      { ...manual, position: { ...manual.position, leverage: '0.5' } },
      'position.leverage',
      /at least 1/,
    ],
    ['no symbol', 'manual', { ...manual, position: { ...manual.position, symbol: ' ' } }, 'position.symbol', /symbol/],
    ['a junk wallet balance', 'manual', { ...manual, walletBalance: 'lots' }, 'walletBalance', /enter a number/],
  ] as const)('refuses %s with a field message', (_name, choice, form, field, message) => {
    const result = buildAccountAdd(choice, form);
    if (!('errors' in result)) throw new Error('expected errors');
    expect(result.errors[field]).toMatch(message);
  });

  it('maps schema paths onto form fields', () => {
    expect(fieldOf(['positions', 0, 'entryPrice'])).toBe('position.entryPrice');
    expect(fieldOf(['apiKey'])).toBe('apiKey');
    expect(fieldOf([])).toBe('form');
  });

  it('clears every secret and keeps the rest', () => {
    const cleared = clearSecrets({ ...key, passphrase: 'p', label: 'mine' });
    expect([cleared.apiKey, cleared.apiSecret, cleared.passphrase]).toEqual(['', '', '']);
    expect(cleared.label).toBe('mine');
  });
});

describe('progress, permission outcome and errors', () => {
  const summary: AccountSummary = {
    id: 'a',
    label: 'A',
    venue: 'binance-usdm',
    source: 'production',
    kind: 'api-key',
    status: 'live',
    freshness: { state: 'live', updatedAtMs: 0 },
    updatedAtMs: 1,
    equity: null,
    maintenanceMargin: null,
    marginRatio: null,
    accountMode: null,
    venueGauge: null,
  };
  it('names the venue being checked', () => {
    const built = buildAccountAdd('api-key', { ...key, keyVenue: 'binance-usdm' });
    if (!('account' in built)) throw new Error('expected an account');
    expect(progressText(built.account)).toBe('Checking the key with Binance…');
  });
  it.each([
    [
      'read-only',
      { ...summary, permissions: { readOnly: true, canTrade: false, canWithdraw: false } },
      'ok',
      /Read-only ✓/,
    ],
    [
      'able to trade',
      {
        ...summary,
        permissions: { readOnly: false, canTrade: true, canWithdraw: false, warning: 'This key can trade.' },
      },
      'warning',
      /can trade/,
    ],
    ['an address', { ...summary, kind: 'address' as const, venue: 'hyperliquid' as const }, 'ok', /Public address/],
    ['unknown permissions', summary, 'neutral', /could not be read/],
  ] as const)('reports a key %s', (_name, value, tone, text) => {
    const outcome = permissionOutcome(value);
    expect(outcome.tone).toBe(tone);
    expect(outcome.text).toMatch(text);
  });
  it('passes the core message through in plain words', () => {
    expect(errorText(new Error('Bybit rejected the key'))).toBe('Bybit rejected the key');
    expect(errorText(undefined)).toMatch(/Something went wrong/);
  });
  it('summarises the worst status', () => {
    expect(worstStatus([])).toBeNull();
    expect(worstStatus([summary, { ...summary, status: 'stale' }, { ...summary, status: 'connecting' }])).toBe('stale');
  });
});

describe('the A shortcut', () => {
  const press = (target: KeyLike['target'], extra: Partial<KeyLike> = {}): KeyLike => ({
    key: 'a',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target,
    ...extra,
  });
  it.each([
    ['on the page', press({ tagName: 'BODY' }), true],
    ['on a slider', press({ tagName: 'INPUT', type: 'range' }), true],
    ['while typing in a field', press({ tagName: 'INPUT', type: 'text' }), false],
    ['in a text area', press({ tagName: 'TEXTAREA' }), false],
    ['in an editable element', press({ tagName: 'DIV', isContentEditable: true }), false],
    ['with Ctrl', press({ tagName: 'BODY' }, { ctrlKey: true }), false],
    ['already handled', press({ tagName: 'BODY' }, { defaultPrevented: true }), false],
    ['capital A', press({ tagName: 'BODY' }, { key: 'A' }), true],
  ] as const)('%s', (_name, event, expected) => {
    expect(isShortcut(event, 'a')).toBe(expected);
  });
  it('treats a missing target as not typing', () => {
    expect(isTyping(press(null))).toBe(false);
  });
});
