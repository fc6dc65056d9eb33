import { collateralSymbol } from '../../market/account-mode';
import type { SimMarket } from '../../market/types';
import { decimalText } from '../binance/decimal-text';
import { simVenues } from '../sim-venues';

/*
 * Hyperliquid's spot side as far as accounts need it: the tokens an account may hold (USDC, then
 * every other asset the venue module lists, in that order) and one pair per token against USDC,
 * named `@<index>` as the venue names non-canonical pairs. Prices are the simulator's index of the
 * asset (stablecoins at 1), so a token's USD value moves with the perpetual of the same coin.
 */

const usdcToken = {
  name: 'USDC',
  szDecimals: 8,
  weiDecimals: 8,
  index: 0,
  tokenId: '0x6d1e7cde53ba9467b783cb7c530ce054',
  isCanonical: true,
  evmContract: null,
  fullName: null,
};

/** Every spot token besides USDC, with its token index (1, 2, …). */
export function spotTokens(): { readonly name: string; readonly index: number }[] {
  return Object.keys(simVenues.hyperliquid.collateralRatios)
    .filter((asset) => asset !== 'USDC')
    .map((name, k) => ({ name, index: k + 1 }));
}

/** The token index of `asset` (USDC 0), or -1 when the venue lists no such token. */
export function spotTokenIndex(asset: string): number {
  if (asset === 'USDC') return 0;
  return spotTokens().find((token) => token.name === asset)?.index ?? -1;
}

/** A token's USD price: 1 for a stablecoin, else the index of its perpetual; null without one in the market. */
function spotPrice(market: SimMarket, asset: string): number | null {
  const symbol = collateralSymbol(asset);
  if (symbol === null) return 1;
  return market.instruments.some((i) => i.symbol === symbol) ? market.ticker(symbol).indexPrice : null;
}

/** `{"type":"spotMeta"}`: USDC and every other token, one `@<index>` pair each against USDC. */
export function spotMeta(): object {
  const tokens = spotTokens();
  return {
    universe: tokens.map((token, k) => ({
      tokens: [token.index, 0],
      name: `@${token.index}`,
      index: k,
      isCanonical: false,
    })),
    tokens: [
      usdcToken,
      ...tokens.map((token) => ({
        ...usdcToken,
        name: token.name,
        szDecimals: 5,
        index: token.index,
        tokenId: `0x${token.index.toString(16).padStart(32, '0')}`,
        isCanonical: false,
      })),
    ],
  };
}

/** `{"type":"spotMetaAndAssetCtxs"}`: `[spotMeta, contexts]`, one context per pair with its mid and mark. */
export function spotMetaAndAssetContexts(market: SimMarket): [object, object[]] {
  const contexts = spotTokens().map((token) => {
    const price = decimalText(spotPrice(market, token.name) ?? 0, 8);
    return {
      coin: `@${token.index}`,
      markPx: price,
      midPx: price,
      prevDayPx: price,
      dayNtlVlm: '0.0',
      circulatingSupply: '0.0',
      totalSupply: '0.0',
      dayBaseVlm: '0.0',
    };
  });
  return [spotMeta(), contexts];
}
