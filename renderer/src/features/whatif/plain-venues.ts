const names: readonly (readonly [id: string, name: string])[] = [
  ['binance-usdm', 'Binance USDⓈ-M'],
  ['binance-coinm', 'Binance COIN-M'],
  ['bybit-linear', 'Bybit'],
  ['okx-swap', 'OKX'],
  ['hyperliquid', 'Hyperliquid'],
];

/** The engine's messages name venues by id ("binance-usdm"); traders read their names. */
export function plainVenues(message: string): string {
  let text = message;
  for (const [id, name] of names) text = text.replaceAll(id, name);
  return text;
}
