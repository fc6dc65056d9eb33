import type { KeyVenue } from './venues';

/** How to make a read-only key on one venue: where to go, what to tick, what to leave off. */
export interface KeyGuide {
  /** Where the key is made, in the venue's own menu words. */
  readonly where: string;
  readonly steps: readonly string[];
  /** Permissions to tick. */
  readonly enable: readonly string[];
  /** Permissions to leave off: LiqLens never needs them. */
  readonly leaveOff: readonly string[];
  readonly ipAdvice: string;
  /** True when the venue issues a passphrase with the key (OKX). */
  readonly needsPassphrase: boolean;
}

/**
 * Read-only key guidance per venue. Menu names follow each venue's API-management page as it
 * stood when written; venues rename boxes now and then, so the text names the intent as well
 * ("read", "no trading", "no withdrawals") rather than relying on one label.
 */
export const keyGuides: Readonly<Record<KeyVenue, KeyGuide>> = {
  'binance-usdm': {
    where: 'Binance → Account → API Management → Create API (system-generated key)',
    steps: [
      'Name the key (for example "LiqLens read-only") and pass the security check.',
      'Edit restrictions: keep only "Enable Reading" ticked.',
      'Copy the API key and the secret key: Binance shows the secret only once.',
    ],
    enable: ['Enable Reading'],
    leaveOff: [
      'Enable Futures',
      'Enable Spot & Margin Trading',
      'Enable Withdrawals',
      'Enable Margin Loan, Repay & Transfer',
      'Permits Universal Transfer',
    ],
    ipAdvice:
      "Restrict access to trusted IPs and enter this computer's public IP: a leaked key then works nowhere else.",
    needsPassphrase: false,
  },
  'bybit-linear': {
    where: 'Bybit → Account → API → Create New Key → System-generated API keys',
    steps: [
      'Choose "API Transaction" and name the key.',
      'Set the permission level to "Read-Only" (not "Read-Write").',
      'Tick the read scopes for Contracts / Unified Trading (orders and positions).',
      'Copy the key and the secret: Bybit shows the secret only once.',
    ],
    enable: ['Read-Only', 'Contracts (Unified Trading): Orders, Positions'],
    leaveOff: ['Read-Write', 'Withdrawal', 'Transfer', 'Exchange / Convert'],
    ipAdvice: "Bind the key to this computer's public IP; Bybit expires keys without an IP binding after a few months.",
    needsPassphrase: false,
  },
  'okx-swap': {
    where: 'OKX → Profile → API → Create API key (V5)',
    steps: [
      'Purpose: "API trading". Name the key.',
      'Choose a passphrase and write it down: OKX needs it with every request and never shows it again.',
      'Permissions: tick "Read" only.',
      'Copy the API key and the secret key.',
    ],
    enable: ['Read'],
    leaveOff: ['Trade', 'Withdraw'],
    ipAdvice: "Bind the key to this computer's public IP address (OKX lets you add several).",
    needsPassphrase: true,
  },
};
