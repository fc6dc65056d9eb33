// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountKey } from '../../../../shared/ipc/contract';
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

function render(
  keyStorage: KeyStorage,
  accounts: readonly AccountSummary[] = [],
  onSetKey: (key: AccountKey) => Promise<AccountSummary> = vi.fn(),
): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root?.render(
      <AccountsMenu
        accounts={accounts}
        onAdd={vi.fn()}
        onRemove={vi.fn(async () => [])}
        onSetKey={onSetKey}
        keyStorage={keyStorage}
      />,
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

/** Types into a React-controlled input as a user would (React listens for the native input event). */
function type(input: HTMLInputElement | null, value: string): void {
  if (input === null) throw new Error('no such input');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('an account whose key is gone', () => {
  it("is given its key again beside it: the venue's refusal is shown and the form stays, an accepted key closes it", async () => {
    const sent: AccountKey[] = [];
    let answer: 'refuse' | 'accept' = 'refuse';
    const onSetKey = vi.fn(async (key: AccountKey): Promise<AccountSummary> => {
      sent.push(key);
      if (answer === 'refuse') throw new Error('Binance USDⓈ-M refused the key: check your key.');
      const { keyNeeded: _gone, ...resumed } = keyNeeded;
      return { ...resumed, status: 'connecting' } satisfies AccountSummary;
    });
    const menu = render('memory', [keyNeeded], onSetKey);
    act(() => menu.querySelector<HTMLButtonElement>('[data-testid="key-again-open"]')?.click());
    const form = menu.querySelector<HTMLFormElement>('[data-testid="key-again-form"]');
    expect(form?.getAttribute('aria-label')).toBe('Give the key of Server again');
    // Too short to be a key: refused here, nothing sent.
    type(menu.querySelector('[data-testid="key-again-key"]'), 'short');
    await act(async () => form?.requestSubmit());
    expect(sent).toEqual([]);
    expect(form?.textContent).toContain('looks too short for an API key');

    type(menu.querySelector('[data-testid="key-again-key"]'), 'key-abcdefgh');
    type(menu.querySelector('[data-testid="key-again-secret"]'), 'secret-abcdefgh');
    await act(async () => form?.requestSubmit());
    expect(sent).toEqual([{ accountId: 'binance-usdm-1', apiKey: 'key-abcdefgh', apiSecret: 'secret-abcdefgh' }]);
    expect(menu.querySelector('[data-testid="key-again-form"]')?.textContent).toContain('check your key');

    answer = 'accept';
    await act(async () => menu.querySelector<HTMLFormElement>('[data-testid="key-again-form"]')?.requestSubmit());
    expect(sent).toHaveLength(2);
    expect(menu.querySelector('[data-testid="key-again-form"]')).toBeNull();
  });
});

describe('a live account', () => {
  it('says how often its venue is read, and says nothing of it once its data is stale', () => {
    const { keyNeeded: _gone, statusMessage: _none, ...rest } = keyNeeded;
    const live: AccountSummary = {
      ...rest,
      status: 'live',
      freshness: { state: 'live', updatedAtMs: 1 },
      updatedAtMs: 1,
      refreshMs: 30_000,
    };
    const menu = render('keychain', [live]);
    expect(menu.querySelector('[data-testid="accounts-item-cadence"]')?.textContent).toBe(
      'Read from the venue every 30 s; between reads its figures follow the live marks',
    );
    act(() => root?.unmount());
    const stale = render('keychain', [
      { ...live, status: 'stale', freshness: { state: 'stale', updatedAtMs: 1, reason: 'venue not answering' } },
    ]);
    expect(stale.querySelector('[data-testid="accounts-item-cadence"]')).toBeNull();
    expect(stale.querySelector('[data-testid="accounts-item-freshness"]')?.textContent).toContain(
      'venue not answering',
    );
  });
});
