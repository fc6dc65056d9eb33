import { accountModeFacts, type AccountGauge, type AccountModeId } from '../../../shared/domain/account-mode';
import type { CollateralAsset } from '../../../shared/domain/collateral';
import type { ModeFigures } from './account-snapshot';
import type { MappedPosition } from './map-ccxt';
import type { ModeRead, ModeSource, RawCall } from './venues/mode-source';

/*
 * The generic half of reading an account's mode: the venue files (venues/<venue>-modes.ts) say
 * where the mode, gauge and ADL rank live; this turns their readings into the snapshot's figures.
 */

/**
 * The mode figures of one read: the venue's gauge with the registry's definition (null when the mode
 * publishes none or the answer lacks the value), the spot total, the ADL scale, and in a multi-asset
 * mode the collateral assets read from the venue (at connect and on every refresh, so a moved index
 * or a changed balance reaches the engine; `settleAssets`: those the open positions settle in). Rejects with the collateral reader's `GatewayError`.
 */
export async function modeFiguresOf(
  source: ModeSource,
  read: ModeRead,
  raw: RawCall,
  balanceInfo: unknown,
  settleAssets: readonly string[] = [],
): Promise<ModeFigures> {
  const definition = accountModeFacts(read.mode).gauge;
  const value = definition === null ? null : source.gauge(read.mode, balanceInfo, read.answer);
  const gauge: AccountGauge | null = definition === null || value === null ? null : { ...definition, value };
  const collateral: readonly CollateralAsset[] | null =
    source.collateral === null ? null : await source.collateral(raw, read.mode, balanceInfo, settleAssets);
  return {
    mode: read.mode,
    gauge,
    spotQuoteTotal: read.spotQuoteTotal,
    ...(read.otherSpotUsd === undefined ? {} : { otherSpotUsd: read.otherSpotUsd }),
    adlScale: source.adlScale,
    collateral,
  };
}

/**
 * The positions with the venue's ADL figure filled in from its own endpoint where the position rows
 * lack it (Binance `adlQuantile`); unchanged where the rows carry it or the account holds nothing.
 */
export async function withAdlFromEndpoint(
  source: ModeSource,
  mode: AccountModeId,
  raw: RawCall,
  positions: readonly MappedPosition[],
): Promise<readonly MappedPosition[]> {
  const endpoint = source.adlEndpoint;
  if (endpoint === null || positions.length === 0) return positions;
  const answer = await raw(endpoint.rawMethod(mode), {});
  return positions.map((position) => {
    const leg = !position.hedgeLeg ? 'BOTH' : position.side === 'long' ? 'LONG' : 'SHORT';
    return { ...position, adl: endpoint.read(answer, position.symbol, leg) };
  });
}
