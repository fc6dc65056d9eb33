// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import { AccountsMenu } from './AccountsMenu';
import type { KeyStorage } from './key-storage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const keyNeeded: AccountSummary = {
  id: 'binance-usdm-1',
  label: 'Server',
  venue: 'binance-usdm',
  kind: 'api-key',
  status: 'error',
  statusMessage: 'Web mode keeps keys in memory only, so this key was forgotten when LiqLens stopped.',
  keyNeeded: true,
  source: 'production',
  freshness: { state: 'unknown', reason: 'its key is needed' },
  updatedAtMs: null,
  equity: null,
  maintenanceMargin: null,
  marginRatio: null,
  accountMode: null,
  venueGauge: null,
};

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(keyStorage: KeyStorage, accounts: readonly AccountSummary[] = []): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root?.render(
      <AccountsMenu accounts={accounts} onAdd={vi.fn()} onRemove={vi.fn(async () => [])} keyStorage={keyStorage} />,
    ),
  );
  act(() => container.querySelector<HTMLButtonElement>('[data-testid="accounts-menu"]')?.click());
  return container;
}

describe('the accounts menu says where keys are kept', () => {
  it('in web mode: a note that keys live in memory only, and "Key needed" on an account whose key is gone', () => {
    const menu = render('memory', [keyNeeded]);
    expect(menu.querySelector('[data-testid="accounts-key-storage"]')?.textContent).toMatch(/memory only/);
    const item = menu.querySelector('[data-testid="accounts-item"]');
    expect(item?.textContent).toContain('Key needed');
    expect(item?.textContent).toContain('Remove');
    act(() => menu.querySelector<HTMLButtonElement>('[data-testid="accounts-add"]')?.click());
    expect(document.body.textContent).toContain('Kept in memory by LiqLens only, never on disk');
    expect(document.body.textContent).not.toContain('keychain');
  });

  it('in the desktop app: the keychain, and no memory note', () => {
    const menu = render('keychain');
    expect(menu.querySelector('[data-testid="accounts-key-storage"]')).toBeNull();
    act(() => menu.querySelector<HTMLButtonElement>('[data-testid="accounts-add"]')?.click());
    expect(document.body.textContent).toContain('Stored encrypted in the system keychain');
  });
});
