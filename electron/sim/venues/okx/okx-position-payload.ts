import type { SimAccount, SimAccountPosition, SimInstrument, SimMarket } from '../../market/types';
import { decimalText, stepText } from '../common/decimal-text';
import { contractsText, findOkxInstrument, okxInstId, okxRules } from './okx-instruments';
import { isAccountLevelMargin } from './okx-mode';

/** OKX adds the fee to close at the mark to the maintenance requirement (margin ratio = equity / (MM + fee)). */
function closingFee(position: SimAccountPosition, instrument: SimInstrument): number {
  return position.size * position.markPrice * okxRules(instrument).takerFeeRate;
}

/**
 * Cross figures of an account, quote units (the model's own cross equity and MM when it reports
 * them; at levels 3 and 4 the account's USD adjusted equity, other currencies discounted).
 */
export interface OkxCrossTotals {
  readonly equity: number;
  readonly maintenanceMargin: number;
  readonly requirement: number;
  readonly initialMargin: number;
  readonly unrealizedPnl: number;
}

/** Sums the cross positions of an account. */
export function crossTotals(market: SimMarket, account: SimAccount): OkxCrossTotals {
  let maintenanceMargin = 0;
  let fee = 0;
  let initialMargin = 0;
  let unrealizedPnl = 0;
  for (const position of account.positions) {
    const instrument = market.instruments.find((candidate) => candidate.symbol === position.symbol);
    if (position.marginMode !== 'cross' || !instrument) continue;
    maintenanceMargin += position.maintenanceMargin;
    fee += closingFee(position, instrument);
    initialMargin += (position.size * position.markPrice) / position.leverage;
    unrealizedPnl += position.unrealizedPnl;
  }
  const reportedMm = account.crossMaintenanceMargin ?? maintenanceMargin;
  // Levels 3 and 4: the account's adjusted equity in USD, every currency at its discount rate.
  const accountEquity = isAccountLevelMargin(account) ? account.accountMargin?.equityUsd : undefined;
  return {
    equity: accountEquity ?? account.crossEquity ?? account.walletBalance + unrealizedPnl,
    maintenanceMargin: reportedMm,
    requirement: reportedMm + fee,
    initialMargin,
    unrealizedPnl,
  };
}

/**
 * OKX's margin ratio, inverted against Binance's: equity / (maintenance margin + fee to close);
 * below 1 means liquidation, higher is safer. '' when there is no requirement.
 */
export function marginRatioText(equity: number, requirement: number): string {
  return requirement > 0 ? decimalText(equity / requirement, 4) : '';
}

/**
 * One `GET /api/v5/account/positions` row. Net mode: `posSide: "net"` and `pos` signed (negative
 * for a short); long/short mode (the account's hedge mode): `posSide` long/short and `pos` positive.
 * Sizes are contracts (base size / ctVal). `liqPx` is the account's reported value; `margin` is
 * set for isolated positions and `imr` for cross ones, as on OKX; `mmr` is an amount.
 */
export function positionRow(
  market: SimMarket,
  account: SimAccount,
  position: SimAccountPosition,
  instrument: SimInstrument,
): Record<string, unknown> {
  const hedge = account.positionMode === 'hedge';
  const price = (value: number): string => stepText(value, instrument.tickSize);
  const money = (value: number): string => decimalText(value, 8);
  const contracts = contractsText(instrument, position.size);
  const isolated = position.marginMode === 'isolated';
  const cross = crossTotals(market, account);
  const ratio = isolated
    ? marginRatioText(
        position.isolatedMargin + position.unrealizedPnl,
        position.maintenanceMargin + closingFee(position, instrument),
      )
    : marginRatioText(cross.equity, cross.requirement);
  const entryMargin = (position.size * position.entryPrice) / position.leverage;
  const ticker = market.ticker(position.symbol);
  const nowMs = market.now();
  return {
    instType: 'SWAP',
    instId: okxInstId(instrument),
    posId: String(stableId(`${account.id}:${position.symbol}:${position.side}`)),
    posSide: hedge ? position.side : 'net',
    pos: hedge || position.side === 'long' ? contracts : `-${contracts}`,
    availPos: '',
    posCcy: '',
    ccy: instrument.quote,
    mgnMode: position.marginMode,
    lever: decimalText(position.leverage, 2),
    avgPx: price(position.entryPrice),
    bePx: price(position.entryPrice),
    markPx: price(position.markPrice),
    idxPx: price(ticker.indexPrice),
    last: price(ticker.lastPrice),
    usdPx: '',
    liqPx: position.liquidationPrice === null ? '' : price(position.liquidationPrice),
    upl: money(position.unrealizedPnl),
    uplLastPx: money(position.unrealizedPnl),
    uplRatio: decimalText(entryMargin > 0 ? position.unrealizedPnl / entryMargin : 0, 6),
    uplRatioLastPx: decimalText(entryMargin > 0 ? position.unrealizedPnl / entryMargin : 0, 6),
    imr: isolated ? '' : money((position.size * position.markPrice) / position.leverage),
    margin: isolated ? money(position.isolatedMargin) : '',
    mmr: money(position.maintenanceMargin),
    mgnRatio: ratio,
    notionalUsd: money(position.size * position.markPrice),
    adl: String((position.adlQuantile ?? 0) + 1),
    liab: '',
    liabCcy: '',
    interest: '',
    optVal: '',
    pendingCloseOrdLiabVal: '0',
    realizedPnl: '0',
    pnl: '0',
    fee: '0',
    fundingFee: '0',
    liqPenalty: '0',
    closeOrderAlgo: [],
    deltaBS: '',
    deltaPA: '',
    gammaBS: '',
    gammaPA: '',
    thetaBS: '',
    thetaPA: '',
    vegaBS: '',
    vegaPA: '',
    spotInUseAmt: '',
    spotInUseCcy: '',
    clSpotInUseAmt: '',
    maxSpotInUseAmt: '',
    bizRefId: '',
    bizRefType: '',
    tradeId: '',
    nonSettleAvgPx: '',
    settledPnl: '',
    cTime: String(nowMs),
    uTime: String(nowMs),
  };
}

/** The positions of an account that are listed on the simulator, with their instruments. */
export function listedPositions(
  market: SimMarket,
  account: SimAccount,
): { position: SimAccountPosition; instrument: SimInstrument }[] {
  return account.positions.flatMap((position) => {
    const instrument = market.instruments.find((candidate) => candidate.symbol === position.symbol);
    return instrument && position.size > 0 && findOkxInstrument(market, okxInstId(instrument))
      ? [{ position, instrument }]
      : [];
  });
}

/** A stable number from a text (position ids). */
function stableId(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 100_000_000 + (hash % 900_000_000);
}
