import type { Candle } from '../../../shared/domain/candle';
import type { ForceClose } from '../../../shared/domain/force-close';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { MarginMode } from '../../../shared/domain/margin-mode';
import type { MarketInfo } from '../../../shared/domain/market-info';
import type { OpenInterestPoint, TakerTrade } from '../../../shared/domain/open-interest';
import type { Side } from '../../../shared/domain/side';
import type { MarkTick } from '../../../shared/domain/stream-state';
import type { Tier } from '../../../shared/domain/tier';
import { venueName } from '../../../shared/domain/venue';
import type { RawForceClose, RawForceCloseRecord, TierBounds, VenueProfile } from './venues/venue-profile';
import { GatewayError } from './gateway-error';
import { listOf, num, rowOf, text, type Row } from './raw';

/*
 * Generic parsing of ccxt's loose results (`number | undefined`, `info: any`) into strict domain
 * types. Everything arrives as `unknown` and is parsed field by field; a row that cannot be read is
 * dropped (null), never half-filled. Where ccxt's derived fields are wrong or missing, the venue's
 * raw `info` fields are read by the readers in venues/<venue>.ts (docs/research/liquidation-formulas.md
 * §1.8, §2.7, §3.5, §4.5, §6); nothing here branches on the venue.
 */

/** A price the venue reports, where "0", "", null and negatives mean "none" (docs/research/liquidation-formulas.md §6.12). */
function positivePrice(value: unknown): number | null {
  const parsed = num(value);
  return parsed !== null && parsed > 0 ? parsed : null;
}

/** A venue time where 0 and negatives mean "never" (Bybit sends '' or "0" until it changes something). */
function positiveTime(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/** A ccxt market as `MarketInfo`, or null for anything but an active linear perpetual. */
export function mapMarket(profile: VenueProfile, market: unknown): MarketInfo | null {
  const row = rowOf(market);
  if (row['swap'] !== true || row['linear'] === false) return null;
  const limits = rowOf(rowOf(row['limits'])['leverage']);
  const symbol = profile.read.symbol(row);
  const unifiedSymbol = text(row['symbol']);
  if (symbol === '' || unifiedSymbol === '') return null;
  return {
    symbol,
    unifiedSymbol,
    base: text(row['base']),
    quote: text(row['quote']),
    settle: text(row['settle']),
    tickSize: num(rowOf(row['precision'])['price']),
    contractSize: num(row['contractSize']) ?? 1,
    takerFeeRate: num(row['taker']),
    isolatedOnly: profile.read.isolatedOnly?.(row) ?? false,
    maxLeverage: num(limits['max']),
  };
}

/** A position read from the venue, before tiers are attached. */
export interface MappedPosition {
  readonly symbol: string;
  readonly unifiedSymbol: string;
  readonly side: Side;
  readonly marginMode: MarginMode;
  /** RiskPosition units: contracts on OKX, base units elsewhere. */
  readonly size: number;
  readonly contractSize: number;
  readonly entryPrice: number;
  readonly markPrice: number;
  readonly leverage: number | null;
  /** Isolated margin excluding PnL as RiskPosition defines it; 0 for cross. */
  readonly isolatedMargin: number;
  readonly unrealizedPnl: number;
  readonly exchangeLiquidationPrice: number | null;
  /** Filed under a hedge-mode leg (Binance LONG/SHORT, Bybit positionIdx 1/2, OKX long/short). */
  readonly hedgeLeg: boolean;
  /** The venue's ADL figure from the position row, on its own scale; null when the row has none. */
  readonly adl: number | null;
  /** When the venue itself lowered the risk limit / the leverage, Unix ms; null when it has not. */
  readonly riskLimitLoweredAtMs: number | null;
  readonly leverageLoweredAtMs: number | null;
  /** The market is isolated-only (`MarketInfo.isolatedOnly`): its margin is never removed but by closing. */
  readonly isolatedOnly: boolean;
  /** The asset the position's PnL and margin settle in (`MarketInfo.settle`: USDT, USDC); '' when the market names none. */
  readonly settleAsset: string;
}

/** A ccxt position as a `MappedPosition` (raw `info` fields), or null for an empty or unreadable row. */
export function mapPosition(profile: VenueProfile, position: unknown, market: MarketInfo): MappedPosition | null {
  const raw = profile.read.position(rowOf(rowOf(position)['info']));
  // A liquidation price of the wrong type (an object, a flag) is a broken payload, not "no price":
  // reading it as null would show the position without its liquidation price as if that were true.
  if (
    raw.liquidation !== null &&
    raw.liquidation !== undefined &&
    typeof raw.liquidation !== 'string' &&
    typeof raw.liquidation !== 'number'
  ) {
    throw new GatewayError(
      'exchange',
      `${venueName(profile.venue)} sent a malformed position (its liquidation price is ${Array.isArray(raw.liquidation) ? 'a list' : `of type ${typeof raw.liquidation}`}); the last good numbers are kept and marked stale.`,
    );
  }
  if (raw.signedSize === null || raw.signedSize === 0 || raw.entry === null || raw.mark === null) return null;
  const side: Side =
    raw.sideHint === 'LONG' ? 'long' : raw.sideHint === 'SHORT' ? 'short' : raw.signedSize > 0 ? 'long' : 'short';
  return {
    symbol: market.symbol,
    unifiedSymbol: market.unifiedSymbol,
    side,
    marginMode: raw.isolated ? 'isolated' : 'cross',
    size: Math.abs(raw.signedSize),
    contractSize: profile.sizesInContracts ? market.contractSize : 1,
    entryPrice: raw.entry,
    markPrice: raw.mark,
    leverage: raw.leverage,
    isolatedMargin: raw.isolatedMargin,
    unrealizedPnl: raw.pnl ?? 0,
    exchangeLiquidationPrice: positivePrice(raw.liquidation),
    hedgeLeg: raw.hedgeLeg,
    adl: raw.adl,
    riskLimitLoweredAtMs: positiveTime(raw.riskLimitLoweredAtMs),
    leverageLoweredAtMs: positiveTime(raw.leverageLoweredAtMs),
    isolatedOnly: market.isolatedOnly,
    settleAsset: market.settle,
  };
}

/** The unified symbol of a ccxt position (to find its market). */
export function positionSymbol(position: unknown): string {
  return text(rowOf(position)['symbol']);
}

/**
 * The cross wallet balance RiskAccount wants (excluding PnL and isolated margins) from ccxt's
 * `fetchBalance().info`, read the venue's way (venues/<venue>.ts). Null when the field is missing.
 */
export function mapCrossWallet(
  profile: VenueProfile,
  balance: unknown,
  positions: readonly MappedPosition[],
): number | null {
  const info: unknown = rowOf(balance)['info'];
  const isolatedMargins = positions.reduce((sum, p) => sum + p.isolatedMargin, 0);
  const pnlOf = (mode: MarginMode): number =>
    positions.filter((p) => p.marginMode === mode).reduce((sum, p) => sum + p.unrealizedPnl, 0);
  return profile.read.crossWallet(info, { isolatedMargins, crossPnl: pnlOf('cross'), isolatedPnl: pnlOf('isolated') });
}

/**
 * ccxt leverage tiers as domain tiers, ascending, last cap null. Bounds and deductions are read the
 * venue's way (`read`, from the venue file); the rate is ccxt's, else `info`'s `mmr`.
 */
export function mapTiers(read: (row: Row, info: Row) => TierBounds, tiers: unknown): Tier[] {
  const rows = listOf(tiers).map(rowOf);
  const mapped: Tier[] = [];
  for (const row of rows) {
    const info = rowOf(row['info']);
    const { floor, cap, deduction } = read(row, info);
    const rate = num(row['maintenanceMarginRate']) ?? num(info['mmr']) ?? num(info['maintenanceMarginRate']);
    if (floor === null || rate === null) continue;
    mapped.push({
      floor,
      cap,
      maintenanceMarginRate: rate,
      deduction: deduction ?? 0,
      maxLeverage: num(row['maxLeverage']),
    });
  }
  mapped.sort((a, b) => a.floor - b.floor);
  const last = mapped[mapped.length - 1];
  if (last !== undefined) mapped[mapped.length - 1] = { ...last, cap: null };
  return mapped;
}

/** ccxt OHLCV rows (6 columns) as candles, no taker split; `volumeScale` turns contracts into base. */
export function mapOhlcv(rows: unknown, volumeScale: number): Candle[] {
  return listOf(rows).flatMap((entry) => {
    const r = listOf(entry).map(num);
    const [t, o, h, l, c, v] = r;
    if (t === undefined || o === undefined || h === undefined || l === undefined || c === undefined) return [];
    if (t === null || o === null || h === null || l === null || c === null) return [];
    return [
      { openTimeMs: t, open: o, high: h, low: l, close: c, volume: (v ?? 0) * volumeScale, takerBuyVolume: null },
    ];
  });
}

/**
 * ccxt public trades as taker trades: `timestamp`, `side` (the taker's on Bybit's `recent-trade`) and
 * `amount` (base, or contracts × `contractSize`); a trade missing one of them is dropped.
 */
export function mapTrades(trades: unknown, contractSize: number): TakerTrade[] {
  return listOf(trades).flatMap((entry) => {
    const trade = rowOf(entry);
    const timeMs = num(trade['timestamp']);
    const amount = num(trade['amount']);
    const side = trade['side'];
    if (timeMs === null || amount === null || (side !== 'buy' && side !== 'sell')) return [];
    return [{ timeMs, side, amount: amount * contractSize }];
  });
}

/** Raw kline arrays (Binance: column 5 volume, `takerBuyColumn` taker-buy base volume; docs/research/liquidation-maps.md §2.2). */
export function mapRawKlines(rows: unknown, takerBuyColumn: number): Candle[] {
  return listOf(rows).flatMap((entry) => {
    const r = listOf(entry).map(num);
    const [t, o, h, l, c, v] = r;
    if (t === undefined || o === undefined || h === undefined || l === undefined || c === undefined) return [];
    if (t === null || o === null || h === null || l === null || c === null) return [];
    return [
      { openTimeMs: t, open: o, high: h, low: l, close: c, volume: v ?? 0, takerBuyVolume: r[takerBuyColumn] ?? null },
    ];
  });
}

/**
 * ccxt open-interest history: `openInterestAmount` (base, or contracts × contractSize) and
 * `openInterestValue` (USD). OKX's history has only the USD value (docs/research/liquidation-formulas.md §3.4), Bybit's only the amount.
 * `fields` is what the venue always sends: a row missing one of them is malformed and dropped.
 */
export function mapOpenInterest(
  rows: unknown,
  contractSize: number,
  fields: 'amount' | 'value' | 'both',
): OpenInterestPoint[] {
  return listOf(rows).flatMap((entry) => {
    const row = rowOf(entry);
    const timeMs = num(row['timestamp']);
    const amount = num(row['openInterestAmount']);
    const usd = num(row['openInterestValue']);
    if (timeMs === null || (amount === null && usd === null)) return [];
    if ((fields !== 'value' && amount === null) || (fields !== 'amount' && usd === null)) return [];
    return [{ timeMs, base: amount === null ? null : amount * contractSize, usd }];
  });
}

/** A ccxt ticker / mark-price update as a tick; `receivedAtMs` stands in when the venue sends no time. */
export function mapMarkTick(ticker: unknown, symbol: string, receivedAtMs: number): MarkTick | null {
  const row = rowOf(ticker);
  const info = rowOf(row['info']);
  const mark = num(row['markPrice']) ?? num(info['markPx']) ?? num(info['markPrice']);
  if (mark === null || mark <= 0) return null;
  return {
    symbol,
    markPrice: mark,
    indexPrice: num(row['indexPrice']) ?? num(info['indexPrice']) ?? num(info['oraclePx']),
    fundingRate: num(info['r']) ?? num(info['fundingRate']) ?? num(info['funding']),
    timeMs: num(row['timestamp']) ?? receivedAtMs,
  };
}

/**
 * ccxt liquidations with the side normalised to the LIQUIDATED position's side: Binance and OKX
 * send the liquidation ORDER's side (a sell closes a long), Bybit the position's (docs/research/liquidation-maps.md §2.3).
 * Sizes in base units (ccxt `baseValue`, else contracts × `contractSize`; Binance: the
 * accumulated filled quantity `o.z`, safer than ccxt's last-filled `o.l`).
 */
export function mapLiquidations(
  rows: unknown,
  sideMeans: 'order' | 'position',
  symbol: string,
  contractSize: number,
): RealizedLiquidation[] {
  return listOf(rows).flatMap((entry) => {
    const row = rowOf(entry);
    const rawSide = text(row['side']).toLowerCase();
    const price = num(row['price']);
    const timeMs = num(row['timestamp']);
    const accumulated = num(rowOf(rowOf(row['info'])['o'])['z']);
    const size = accumulated ?? num(row['baseValue']) ?? (num(row['contracts']) ?? 0) * contractSize;
    if ((rawSide !== 'buy' && rawSide !== 'sell') || price === null || timeMs === null || size <= 0) return [];
    const buy = rawSide === 'buy';
    const side: Side = sideMeans === 'position' ? (buy ? 'long' : 'short') : buy ? 'short' : 'long';
    return [{ symbol, side, price, size, notionalUsd: price * size, timeMs }];
  });
}

/**
 * ccxt liquidation or trade rows of the account as `ForceClose`s: the venue's reader decides which
 * rows are force closes and whose side; `symbolOf` turns ccxt's unified symbol into the venue's with
 * its contract size (null: a market the app does not list). Unreadable rows are dropped.
 */
export function mapForceCloses(
  rows: unknown,
  read: (info: Row) => RawForceClose | null,
  symbolOf: (unified: string) => { readonly symbol: string; readonly contractSize: number } | null,
): ForceClose[] {
  return listOf(rows).flatMap((entry) => {
    const row = rowOf(entry);
    const raw = read(rowOf(row['info']));
    const market = symbolOf(text(row['symbol']));
    if (raw === null || raw.side === null || market === null) return [];
    const price = positivePrice(row['price']);
    const timeMs = num(row['timestamp']);
    const size = num(row['baseValue']) ?? (num(row['contracts']) ?? num(row['amount']) ?? 0) * market.contractSize;
    if (price === null || timeMs === null || !(size > 0)) return [];
    return [{ symbol: market.symbol, side: raw.side, price, size, timeMs, lossUsd: raw.lossUsd }];
  });
}

/**
 * Force-close records a venue reader built from a raw endpoint, as `ForceClose`s: `marketOf` finds
 * the listed market of a venue symbol with the base units of one unit of the record's size (the
 * contract size where the venue counts contracts, else 1); null: a market the app does not list.
 * Records lacking a side, a positive price, a time or a positive size are dropped.
 */
export function mapRawForceCloses(
  records: readonly RawForceCloseRecord[],
  marketOf: (symbol: string) => { readonly symbol: string; readonly baseUnits: number } | null,
): ForceClose[] {
  return records.flatMap((record) => {
    const market = marketOf(record.symbol);
    const price = positivePrice(record.price);
    const size = (record.size ?? 0) * (market?.baseUnits ?? 0);
    if (market === null || record.side === null || price === null || record.timeMs === null || !(size > 0)) return [];
    return [{ symbol: market.symbol, side: record.side, price, size, timeMs: record.timeMs, lossUsd: record.lossUsd }];
  });
}
