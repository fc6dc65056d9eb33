import type { SimInstrument, SimLiquidation, SimMarket } from '../../market/types';
import { buildCandles } from '../common/candles';
import { decimalText, stepText } from '../common/decimal-text';
import { okxBar } from './okx-bars';
import { contractsText, findOkxInstrument } from './okx-instruments';
import {
  fundingRateRow,
  liquidationDetail,
  liquidationGroup,
  markPriceRow,
  openInterestRow,
  tickerRow,
} from './okx-public-payload';

/** A channel a client subscribed to, with the `arg` object OKX echoes. */
export type OkxSubscription =
  | {
      readonly kind: 'mark-price' | 'tickers' | 'funding-rate' | 'open-interest';
      readonly arg: Readonly<Record<string, string>>;
      readonly instrument: SimInstrument;
    }
  | {
      readonly kind: 'candle' | 'mark-price-candle';
      readonly arg: Readonly<Record<string, string>>;
      readonly instrument: SimInstrument;
      readonly barId: string;
    }
  | { readonly kind: 'liquidation-orders'; readonly arg: Readonly<Record<string, string>> };

/** Which endpoint serves a channel: candles live on `/business`, the rest on `/public`. */
export type OkxEndpoint = 'public' | 'business';

const tickerChannels = new Set(['mark-price', 'tickers', 'funding-rate', 'open-interest']);

/**
 * Parses one subscribe `arg`. Returns the subscription, 'wrong-endpoint' for a known channel on
 * the other endpoint (OKX answers 60018), or undefined for an unknown channel or instrument.
 */
export function parseOkxArg(
  market: SimMarket,
  endpoint: OkxEndpoint,
  arg: unknown,
): OkxSubscription | 'wrong-endpoint' | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const fields = arg as Record<string, unknown>;
  const channel = typeof fields.channel === 'string' ? fields.channel : '';
  const instId = typeof fields.instId === 'string' ? fields.instId : '';
  if (channel === 'liquidation-orders') {
    if (fields.instType !== 'SWAP') return undefined;
    return endpoint === 'public'
      ? { kind: 'liquidation-orders', arg: { channel, instType: 'SWAP' } }
      : 'wrong-endpoint';
  }
  const instrument = findOkxInstrument(market, instId);
  if (!instrument) return undefined;
  const echo = { channel, instId };
  if (tickerChannels.has(channel))
    return endpoint === 'public' ? { kind: channel as 'mark-price', arg: echo, instrument } : 'wrong-endpoint';
  const candle = /^(mark-price-candle|candle)(.+)$/.exec(channel);
  const barId = candle?.[2] ?? '';
  if (!candle || !okxBar(barId)) return undefined;
  const kind = candle[1] === 'candle' ? 'candle' : 'mark-price-candle';
  return endpoint === 'business' ? { kind, arg: echo, instrument, barId } : 'wrong-endpoint';
}

/** The push for a ticker-like channel (mark price, ticker, funding, open interest). */
export function tickerPush(
  market: SimMarket,
  subscription: Extract<OkxSubscription, { instrument: SimInstrument }>,
): Record<string, unknown> {
  const rows = {
    'mark-price': markPriceRow,
    tickers: tickerRow,
    'funding-rate': fundingRateRow,
    'open-interest': openInterestRow,
  } as const;
  const row =
    subscription.kind === 'candle' || subscription.kind === 'mark-price-candle'
      ? undefined
      : rows[subscription.kind](market, subscription.instrument);
  return { arg: subscription.arg, data: row ? [row] : [] };
}

/** The current candle of a candle channel, `confirm` "1" once closed; undefined before any bar. */
export function candlePush(
  market: SimMarket,
  subscription: Extract<OkxSubscription, { barId: string }>,
): Record<string, unknown> | undefined {
  const bar = okxBar(subscription.barId);
  if (!bar) return undefined;
  const { instrument } = subscription;
  const kind = subscription.kind === 'candle' ? 'last' : 'mark';
  const [candle] = buildCandles((from, to, count) => market.bars(instrument.symbol, kind, from, to, count), {
    ...bar,
    limit: 1,
    keep: 'newest',
    nowMs: market.now(),
  });
  if (!candle) return undefined;
  const price = (value: number): string => stepText(value, instrument.tickSize);
  const prices = [
    String(candle.openTimeMs),
    price(candle.open),
    price(candle.high),
    price(candle.low),
    price(candle.close),
  ];
  const confirm = candle.closed ? '1' : '0';
  const row =
    kind === 'mark'
      ? [...prices, confirm]
      : [
          ...prices,
          contractsText(instrument, candle.volume),
          stepText(candle.volume, instrument.stepSize),
          decimalText(candle.quoteVolume, 4),
          confirm,
        ];
  return { arg: subscription.arg, data: [row] };
}

/** A `liquidation-orders` push for one liquidation. */
export function liquidationPush(
  market: SimMarket,
  subscription: OkxSubscription,
  liquidation: SimLiquidation,
): Record<string, unknown> | undefined {
  const instrument = market.instruments.find((candidate) => candidate.symbol === liquidation.symbol);
  if (!instrument) return undefined;
  return { arg: subscription.arg, data: [liquidationGroup(instrument, [liquidationDetail(instrument, liquidation)])] };
}
