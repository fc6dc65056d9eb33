/** Quote and settlement suffixes a venue symbol may end with, longest first so that `USDT` wins over `USD`. */
const quoteSuffixes = ['USDT', 'USDC', 'BUSD', 'FDUSD', 'USD'] as const;

/**
 * The coin a venue symbol trades: `BTCUSDT`, `BTC-USDT-SWAP`, `BTCUSD_PERP`, `BTC/USDT:USDT` and
 * Hyperliquid's `BTC` all give `BTC`. The shock test moves every position of one coin together,
 * whatever its venue. A symbol with no known quote suffix is its own coin (upper-cased).
 */
export function coinOfSymbol(symbol: string): string {
  const upper = symbol.toUpperCase();
  const first = upper.split(/[-/_:]/)[0] ?? upper;
  // `BTC-USDT-SWAP`, `BTC/USDT:USDT`: the coin comes first. `BTCUSD_PERP`: a joined pair comes first.
  if (first !== upper && upper[first.length] !== '_') return first;
  for (const suffix of quoteSuffixes) {
    if (first.length > suffix.length && first.endsWith(suffix)) return first.slice(0, -suffix.length);
  }
  return first;
}
