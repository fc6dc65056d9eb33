import type { SimInstrument } from '../../market/types';
import { badParameter, type BybitCall, type BybitPublicHandler } from './bybit-call';
import { bybitReply } from './bybit-envelope';
import { findInstrument, instrumentRow, riskLimitRows } from './bybit-instruments';
import { tieredCollateralRows } from './bybit-mode';
import { tickerRow } from './bybit-ticker-payload';

const dayMs = 86_400_000;

/**
 * The instruments a linear request asks for: all, or the one named by `symbol`. Other categories
 * (spot, inverse, option) list nothing: the simulator only runs USDT-settled perpetuals.
 */
function linearInstruments(call: BybitCall): readonly SimInstrument[] | undefined {
  if (call.request.query.get('category') !== 'linear') return [];
  const symbol = call.request.query.get('symbol');
  if (!symbol) return call.market.instruments;
  const instrument = findInstrument(call.market, symbol);
  return instrument ? [instrument] : undefined;
}

/** `GET /v5/market/time`: the server's wall clock. */
const time: BybitPublicHandler = (call) =>
  bybitReply(
    { timeSecond: String(Math.floor(call.wallNowMs / 1000)), timeNano: `${call.wallNowMs}000000` },
    call.wallNowMs,
  );

/** `GET /v5/market/instruments-info`: trading instruments; the PreLaunch query gets an empty list. */
const instrumentsInfo: BybitPublicHandler = (call) => {
  const category = call.request.query.get('category') ?? '';
  const status = call.request.query.get('status');
  const instruments = status && status !== 'Trading' ? [] : linearInstruments(call);
  if (!instruments) return badParameter(call, 'symbol invalid');
  const launchTimeMs = call.market.now() - 365 * dayMs;
  return bybitReply(
    { category, list: instruments.map((instrument) => instrumentRow(instrument, launchTimeMs)), nextPageCursor: '' },
    call.wallNowMs,
  );
};

/** `GET /v5/market/risk-limit`: the tiers of one or every instrument. */
const riskLimit: BybitPublicHandler = (call) => {
  const instruments = linearInstruments(call);
  if (!instruments) return badParameter(call, 'symbol invalid');
  return bybitReply(
    {
      category: call.request.query.get('category') ?? '',
      list: instruments.flatMap(riskLimitRows),
      nextPageCursor: '',
    },
    call.wallNowMs,
  );
};

/** `GET /v5/market/tickers`: mark, index, last price, funding and open interest, 24 h stats from the bars. */
const tickers: BybitPublicHandler = (call) => {
  const instruments = linearInstruments(call);
  if (!instruments) return badParameter(call, 'symbol invalid');
  return bybitReply(
    {
      category: call.request.query.get('category') ?? '',
      list: instruments.map((instrument) => tickerRow(call.market, instrument)),
    },
    call.wallNowMs,
  );
};

/** `GET /v5/spot-margin-trade/collateral`: each collateral coin's tiered collateral ratios, or one coin's by `currency`. */
const tieredCollateral: BybitPublicHandler = (call) =>
  bybitReply({ list: tieredCollateralRows(call.request.query.get('currency')) }, call.wallNowMs);

/** Public market endpoints by path. */
export const bybitMarketRoutes: Readonly<Record<string, BybitPublicHandler>> = {
  '/v5/market/time': time,
  '/v5/market/instruments-info': instrumentsInfo,
  '/v5/market/risk-limit': riskLimit,
  '/v5/market/tickers': tickers,
  '/v5/spot-margin-trade/collateral': tieredCollateral,
};
