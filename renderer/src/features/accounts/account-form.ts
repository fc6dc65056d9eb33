import { AccountAddSchema, type AccountAdd } from '../../../../shared/ipc/contract';
import { type AccountSummary } from '../../../../shared/ipc/views/accounts';
import { type AccountVenue } from '../../../../shared/domain/account-venue';
import type { KeyVenue } from './venues';
import { venueFacts } from '../../../../shared/domain/venue';

/** The four ways in: the running Demo, an exchange key, a Hyperliquid address, a position typed in. */
export type AccountChoice = 'demo' | 'api-key' | 'address' | 'manual';

/** The typed-in position's fields, as text. */
export interface ManualPositionForm {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly sizeBase: string;
  readonly entryPrice: string;
  readonly leverage: string;
  readonly marginMode: 'isolated' | 'cross';
  readonly isolatedMargin: string;
}

/** Every field of the add-account dialog, as typed. */
export interface AccountForm {
  readonly label: string;
  readonly keyVenue: KeyVenue;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  readonly baseUrl: string;
  readonly address: string;
  readonly manualVenue: AccountVenue;
  readonly walletBalance: string;
  readonly position: ManualPositionForm;
}

/** A blank form. */
export const emptyForm: AccountForm = {
  label: '',
  keyVenue: 'binance-usdm',
  apiKey: '',
  apiSecret: '',
  passphrase: '',
  baseUrl: '',
  address: '',
  manualVenue: 'binance-usdm',
  walletBalance: '',
  position: {
    symbol: '',
    side: 'long',
    sizeBase: '',
    entryPrice: '',
    leverage: '',
    marginMode: 'isolated',
    isolatedMargin: '',
  },
};

/** Field messages keyed by field name (`apiKey`, `address`, `position.sizeBase`, …). */
export type FieldErrors = Readonly<Record<string, string>>;

/** The form with every secret emptied: called after each submit so no secret outlives it. */
export function clearSecrets(form: AccountForm): AccountForm {
  return { ...form, apiKey: '', apiSecret: '', passphrase: '' };
}

const notANumber = 'enter a number';

/** Text to number: empty and junk give NaN (the schema refuses it; the field says "enter a number"). */
function numberOf(text: string): number {
  const cleaned = text.replace(/[\s,_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/** The label a blank label field falls back to. */
export function defaultLabel(choice: Exclude<AccountChoice, 'demo'>, form: AccountForm): string {
  if (choice === 'api-key') return `${venueFacts(form.keyVenue).short} (read-only key)`;
  if (choice === 'address') return `Hyperliquid ${form.address.trim().slice(0, 6)}…${form.address.trim().slice(-4)}`;
  return `${venueFacts(form.manualVenue).short} ${form.position.symbol.trim().toUpperCase() || 'position'} (typed in)`;
}

function candidate(choice: Exclude<AccountChoice, 'demo'>, form: AccountForm): Record<string, unknown> {
  const label = form.label.trim() || defaultLabel(choice, form);
  const baseUrl = optionalText(form.baseUrl);
  if (choice === 'api-key') {
    const passphrase =
      venueFacts(form.keyVenue).credentials === 'key-passphrase' ? optionalText(form.passphrase) : undefined;
    return {
      kind: 'api-key',
      venue: form.keyVenue,
      label,
      apiKey: form.apiKey.trim(),
      apiSecret: form.apiSecret.trim(),
      ...(passphrase === undefined ? {} : { passphrase }),
      ...(baseUrl === undefined ? {} : { baseUrl }),
    };
  }
  if (choice === 'address')
    return {
      kind: 'address',
      venue: 'hyperliquid',
      label,
      address: form.address.trim(),
      ...(baseUrl === undefined ? {} : { baseUrl }),
    };
  const p = form.position;
  const isolatedMargin =
    p.marginMode === 'isolated' && p.isolatedMargin.trim() !== '' ? numberOf(p.isolatedMargin) : undefined;
  return {
    kind: 'manual',
    venue: form.manualVenue,
    label,
    walletBalance: form.walletBalance.trim() === '' ? 0 : numberOf(form.walletBalance),
    positions: [
      {
        symbol: p.symbol.trim().toUpperCase(),
        side: p.side,
        sizeBase: numberOf(p.sizeBase),
        entryPrice: numberOf(p.entryPrice),
        leverage: numberOf(p.leverage),
        marginMode: p.marginMode,
        ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
      },
    ],
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
}

/** Form field name of a schema issue path (`positions.0.sizeBase` → `position.sizeBase`). */
export function fieldOf(path: readonly PropertyKey[]): string {
  return (
    path
      .map(String)
      .join('.')
      .replace(/^positions\.0\./, 'position.')
      .replace(/^positions$/, 'position.symbol') || 'form'
  );
}

/**
 * Builds the `AccountAdd` the core expects from the form and checks it with the contract's own
 * schema (`AccountAddSchema`), so the client refuses exactly what the core would, field by field.
 * OKX keys also need their passphrase. Numbers typed as junk read "enter a number".
 */
export function buildAccountAdd(
  choice: Exclude<AccountChoice, 'demo'>,
  form: AccountForm,
): { readonly account: AccountAdd } | { readonly errors: FieldErrors } {
  const parsed = AccountAddSchema.safeParse(candidate(choice, form));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= issue.message;
    }
  }
  if (choice === 'manual') {
    if (form.position.symbol.trim() === '') errors['position.symbol'] = 'enter the symbol, e.g. BTCUSDT';
    for (const name of ['sizeBase', 'entryPrice', 'leverage'] as const) {
      if (Number.isNaN(numberOf(form.position[name]))) errors[`position.${name}`] = notANumber;
    }
    if (
      form.position.marginMode === 'isolated' &&
      form.position.isolatedMargin.trim() !== '' &&
      Number.isNaN(numberOf(form.position.isolatedMargin))
    )
      errors['position.isolatedMargin'] = notANumber;
    if (form.walletBalance.trim() !== '' && Number.isNaN(numberOf(form.walletBalance)))
      errors['walletBalance'] = notANumber;
  }
  if (
    choice === 'api-key' &&
    venueFacts(form.keyVenue).credentials === 'key-passphrase' &&
    form.passphrase.trim() === ''
  )
    errors['passphrase'] = `${venueFacts(form.keyVenue).full} keys need the passphrase chosen when the key was made`;
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { account: parsed.data };
}

/** What the dialog says while the core checks the new account. */
export function progressText(account: AccountAdd): string {
  const venue = venueFacts(account.venue).short;
  if (account.kind === 'api-key') return `Checking the key with ${venue}…`;
  if (account.kind === 'address')
    return `Reading ${account.address.slice(0, 6)}…${account.address.slice(-4)} on Hyperliquid…`;
  return `Pricing the position with ${venue}'s market data…`;
}

/** How the permission check of a new account reads: read-only ✓, or the warning (kept visible). */
export function permissionOutcome(summary: AccountSummary): {
  readonly tone: 'ok' | 'warning' | 'neutral';
  readonly text: string;
} {
  if (summary.permissions?.warning) return { tone: 'warning', text: summary.permissions.warning };
  if (summary.permissions?.readOnly)
    return {
      tone: 'ok',
      text: 'Read-only ✓ LiqLens can read positions and balances; the key cannot trade or withdraw.',
    };
  if (summary.kind === 'address')
    return {
      tone: 'ok',
      text: 'Public address ✓ Nothing to sign with: LiqLens only reads what Hyperliquid publishes.',
    };
  if (summary.kind === 'manual')
    return {
      tone: 'neutral',
      text: "Typed in by hand: priced from the venue's public mark price and tiers. Update it when your position changes.",
    };
  return { tone: 'neutral', text: "The key's permissions could not be read; make sure it is read-only." };
}

/** An error from the core in plain words (its message, never a stack). */
export function errorText(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : 'Something went wrong while adding the account.';
  return message.trim() === '' ? 'Something went wrong while adding the account.' : message;
}
