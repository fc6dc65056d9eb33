import type { SimAccount, SimInstrument, SimMarket } from '../../market/types';
import { assetContext, coinOf, instrumentOfCoin, meta } from './hyperliquid-meta';

/**
 * HIP-3 (builder-deployed) perp dexes (docs/research/venue-payloads.md §5). The simulator lists a dex when some Hyperliquid account
 * holds a position on it; its universe is every simulated instrument, named `<dex>:<coin>`,
 * isolated only (trade.xyz: every market isolated-only), priced like the main dex.
 */
export function dexNames(market: SimMarket): string[] {
  const names = new Set<string>();
  for (const account of market.accounts())
    if (account.venue === 'hyperliquid') for (const p of account.positions) if (p.dex !== undefined) names.add(p.dex);
  return [...names].sort();
}

/** `{"type":"perpDexs"}`: the main dex as `null`, then each HIP-3 dex. */
export function perpDexes(market: SimMarket): (object | null)[] {
  return [
    null,
    ...dexNames(market).map((name) => ({
      name,
      fullName: name.toUpperCase(),
      deployer: '0x0000000000000000000000000000000000000001',
      oracleUpdater: null,
      feeRecipient: null,
      assetToStreamingOiCap: [],
    })),
  ];
}

/** The coin a position trades as: `<dex>:<coin>` on a HIP-3 dex, the bare coin on the main dex. */
export function dexCoin(instrument: SimInstrument, dex: string | undefined): string {
  return dex === undefined ? coinOf(instrument) : `${dex}:${coinOf(instrument)}`;
}

/** `meta` of a HIP-3 dex: the main universe renamed to `<dex>:<coin>`, each market `onlyIsolated`. */
export function dexMeta(market: SimMarket, dex: string): object {
  const main = meta(market) as { universe: Record<string, unknown>[] };
  return {
    ...main,
    universe: main.universe.map((asset) => ({
      ...asset,
      name: `${dex}:${String(asset['name'])}`,
      onlyIsolated: true,
      marginMode: 'strictIsolated',
    })),
  };
}

/** `metaAndAssetCtxs` of a HIP-3 dex. */
export function dexMetaAndAssetContexts(market: SimMarket, dex: string): [object, object[]] {
  return [dexMeta(market, dex), market.instruments.map((instrument) => assetContext(market, instrument))];
}

/** The account's positions on one dex ('' = the main dex). */
export function onDex(account: SimAccount | undefined, dex: string): SimAccount | undefined {
  if (account === undefined) return undefined;
  return { ...account, positions: account.positions.filter((p) => (p.dex ?? '') === dex) };
}

/** The instrument a coin trades, on the main dex (`BTC`) or a listed HIP-3 dex (`xyz:BTC`); else undefined. */
export function instrumentOfDexCoin(market: SimMarket, coin: string): SimInstrument | undefined {
  const cut = coin.indexOf(':');
  if (cut < 0) return instrumentOfCoin(market, coin);
  return dexNames(market).includes(coin.slice(0, cut)) ? instrumentOfCoin(market, coin.slice(cut + 1)) : undefined;
}

/** Every coin an instrument trades as: the bare coin on the main dex, then `<dex>:<coin>` on each HIP-3 dex. */
export function coinsOf(market: SimMarket, instrument: SimInstrument): string[] {
  return [coinOf(instrument), ...dexNames(market).map((dex) => dexCoin(instrument, dex))];
}
