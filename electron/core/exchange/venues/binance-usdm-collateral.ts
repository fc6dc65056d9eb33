import type { AccountModeId } from '../../../../shared/domain/account-mode';
import type { CollateralAsset } from '../../../../shared/domain/collateral';
import { GatewayError } from '../gateway-error';
import { listOf, num, rowOf, text, type Row } from '../raw';
import type { RawCall } from './mode-source';

/** The asset most USDS-M positions settle in; listed first so the engine settles PnL in it by default. */
const settleAsset = 'USDT';

/**
 * One asset's bid/ask valuation from its `GET /fapi/v1/assetIndex` row (`<asset>USD`): the USD
 * `index` and the two buffers (bid rate = index × (1 − bidBuffer), ask rate = index × (1 + askBuffer)).
 * Null when the row is missing or broken.
 */
function valuationOf(rows: readonly unknown[], asset: string): Omit<CollateralAsset, 'amount'> | null {
  const row = rowOf(rows.find((entry) => text(rowOf(entry)['symbol']) === `${asset}USD`));
  const index = num(row['index']);
  const bidBuffer = num(row['bidBuffer']);
  const askBuffer = num(row['askBuffer']);
  if (index === null || index <= 0 || bidBuffer === null || askBuffer === null) return null;
  return { asset, indexPriceUsd: index, valuation: { kind: 'bid-ask', bidBuffer, askBuffer } };
}

/**
 * Binance Multi-Assets collateral (docs/research/account-modes.md §2): the account answer's `assets`
 * rows (`crossWalletBalance`, the asset's wallet without PnL, in its own units) valued by the public
 * `GET /fapi/v1/assetIndex` (ccxt `fapiPublicGetAssetIndex`, every asset in one list). USDT comes
 * first, held or not, since the positions settle in it by default; so does every other asset an open
 * position settles in (USDC behind BTCUSDC: its PnL and maintenance count in the USDC wallet at USDC's
 * rates); every other asset only where its balance is not zero. Null in the other modes. Throws a `GatewayError` when a held asset has no index row:
 * without it the account's equity cannot be known, and a number without it would be wrong.
 */
export async function binanceCollateral(
  raw: RawCall,
  mode: AccountModeId,
  balanceInfo: unknown,
  settleAssets: readonly string[] = [],
): Promise<readonly CollateralAsset[] | null> {
  if (mode !== 'binance-multi-assets') return null;
  const indexRows = listOf(await raw('fapiPublicGetAssetIndex', {}));
  const assets = listOf(rowOf(balanceInfo)['assets']).map(rowOf);
  const amountOf = (row: Row): number => num(row['crossWalletBalance']) ?? num(row['walletBalance']) ?? 0;
  const settles = [settleAsset, ...settleAssets.filter((asset) => asset !== settleAsset)];
  const held = assets.filter((row) => !settles.includes(text(row['asset'])) && amountOf(row) !== 0);
  const amountIn = (asset: string): number => {
    const row = assets.find((candidate) => text(candidate['asset']) === asset);
    return row === undefined ? 0 : amountOf(row);
  };
  const wanted: [string, number][] = [
    ...settles.map((asset): [string, number] => [asset, amountIn(asset)]),
    ...held.map((row): [string, number] => [text(row['asset']), amountOf(row)]),
  ];
  return wanted.map(([asset, amount]) => {
    const valuation = valuationOf(indexRows, asset);
    if (valuation === null)
      throw new GatewayError('exchange', `Binance gives no USD index for the ${asset} collateral (assetIndex).`);
    return { ...valuation, amount };
  });
}
