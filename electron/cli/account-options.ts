/** The options that name one account on the command line (`positions`, `watch`), and their help. */
export const accountOptions = {
  venue: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  password: { type: 'string' },
  address: { type: 'string' },
} as const;

/** One line per account option, for `--help`. */
export const accountOptionHelp: { readonly [K in keyof typeof accountOptions]: string } = {
  venue: "the account's venue: binance-usdm, bybit-linear, okx-swap or hyperliquid",
  'base-url': "the venue's base URL (testnet or simulator) instead of its own hosts",
  'api-key': 'a read-only API key',
  'api-secret': 'its secret',
  password: 'its passphrase (OKX)',
  address: 'the account address (Hyperliquid)',
};
