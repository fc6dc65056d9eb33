import type { AccountModeId } from '../../../../shared/domain/account-mode';
import type { CollateralAsset, CollateralRatioTier } from '../../../../shared/domain/collateral';
import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text, type Row } from '../raw';
import type { RawCall } from './mode-source';

/** The coin the linear USDT perpetuals settle in; listed first so the engine settles PnL in it. */
const settleCoin = 'USDT';

/**
 * A coin's collateral value ratio tiers from `GET /v5/spot-margin-trade/collateral` (ccxt
 * `publicGetV5SpotMarginTradeCollateral`): quantity bands `minQty` to `maxQty` in coin units ("" =
 * no upper limit) with their `collateralRatio`, lowest band first. Empty when the answer has none.
 */
function tiersOf(answer: unknown, coin: string): CollateralRatioTier[] {
  const list = listOf(rowOf(rowOf(answer)['result'])['list']);
  const row = rowOf(list.find((entry) => text(rowOf(entry)['currency']) === coin));
  const tiers: CollateralRatioTier[] = [];
  for (const band of listOf(row['collateralRatioList']).map(rowOf)) {
    const floor = num(band['minQty']);
    const ratio = num(band['collateralRatio']);
    if (floor === null || ratio === null) return [];
    tiers.push({ floor, cap: num(band['maxQty']), ratio });
  }
  return tiers.sort((a, b) => a.floor - b.floor);
}

/**
 * The coin's USD index as the wallet values it: `usdValue` / `equity` (Bybit gives no USD index per
 * coin elsewhere; docs/research/account-modes.md §3). A coin with no equity adds nothing but the PnL
 * settled in it, so the settle coin then counts at 1 USD; any other coin is left out (null).
 */
function indexOf(row: Row, coin: string): number | null {
  const equity = num(row['equity']);
  const usdValue = num(row['usdValue']);
  if (equity !== null && equity !== 0 && usdValue !== null) return usdValue / equity;
  return coin === settleCoin ? 1 : null;
}

/**
 * Bybit unified cross collateral (docs/research/account-modes.md §3): the wallet's `coin` rows
 * (`walletBalance` in the coin's units; the mode is account-wide, so no isolated margin is in it),
 * each coin that counts as margin (`marginCollateral` and `collateralSwitch` not false) with its
 * tiered collateral ratios read from the venue, USDT first. Null in the other modes. Throws a
 * `GatewayError` when a held coin has no ratio: its value, and so the liquidation price, is unknown.
 */
export async function bybitCollateral(
  raw: RawCall,
  mode: AccountModeId,
  balanceInfo: unknown,
): Promise<readonly CollateralAsset[] | null> {
  if (mode !== 'bybit-unified-cross') return null;
  const account = rowOf(listOf(rowOf(rowOf(balanceInfo)['result'])['list'])[0]);
  const rows = listOf(account['coin']).map(rowOf);
  const counted = rows.filter(
    (row) =>
      row['marginCollateral'] !== false &&
      row['collateralSwitch'] !== false &&
      (text(row['coin']) === settleCoin || (num(row['walletBalance']) ?? 0) !== 0),
  );
  const ordered = [
    ...counted.filter((row) => text(row['coin']) === settleCoin),
    ...counted.filter((row) => text(row['coin']) !== settleCoin),
  ];
  const assets = await Promise.all(
    ordered.map(async (row): Promise<CollateralAsset | null> => {
      const coin = text(row['coin']);
      const indexPriceUsd = indexOf(row, coin);
      if (indexPriceUsd === null) return null;
      const tiers = tiersOf(await raw('publicGetV5SpotMarginTradeCollateral', { currency: coin }), coin);
      if (tiers.length === 0)
        throw new GatewayError(
          'exchange',
          `Bybit gives no collateral value ratio for ${coin} (spot-margin-trade/collateral).`,
        );
      return {
        asset: coin,
        amount: num(row['walletBalance']) ?? 0,
        indexPriceUsd,
        valuation: { kind: 'tiered', tiers },
      };
    }),
  );
  return assets.flatMap((asset) => asset ?? []);
}
