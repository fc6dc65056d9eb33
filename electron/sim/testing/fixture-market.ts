import type {
  SimAccount,
  SimBar,
  SimInstrument,
  SimLiquidation,
  SimMarket,
  SimMarketEvents,
  SimTicker,
  SimTruthLevel,
} from '../market/types';

/**
 * A small, fixed `SimMarket` for protocol tests: one instrument, a gentle sine of prices, a few
 * liquidations and one account with given positions. Prices and liquidation prices here are
 * inputs, not computed; tests of the real market model use `createSimMarket`.
 */
export function createFixtureMarket(
  options: { readonly startTimeMs?: number; readonly accounts?: readonly SimAccount[] } = {},
): SimMarket & { emit<E extends keyof SimMarketEvents>(event: E, payload: SimMarketEvents[E]): void } {
  const minuteMs = 60_000;
  let nowMs = options.startTimeMs ?? Date.UTC(2026, 10, 1);
  const historyStartMs = nowMs - 3 * 24 * 60 * minuteMs;
  const instrument: SimInstrument = {
    symbol: 'BTCUSDT',
    base: 'BTC',
    quote: 'USDT',
    tickSize: 0.1,
    stepSize: 0.001,
    maxLeverage: 125,
    takerFeeRate: 0.0005,
    tiers: [
      {
        tier: 1,
        notionalFloor: 0,
        notionalCap: 50_000,
        maintenanceMarginRate: 0.004,
        maintenanceAmount: 0,
        maxLeverage: 125,
      },
      {
        tier: 2,
        notionalFloor: 50_000,
        notionalCap: 500_000,
        maintenanceMarginRate: 0.005,
        maintenanceAmount: 50,
        maxLeverage: 100,
      },
      {
        tier: 3,
        notionalFloor: 500_000,
        notionalCap: Infinity,
        maintenanceMarginRate: 0.01,
        maintenanceAmount: 2550,
        maxLeverage: 50,
      },
    ],
  };
  const priceAt = (timeMs: number): number =>
    Math.round((60_000 + 1500 * Math.sin((timeMs - historyStartMs) / (6 * 60 * minuteMs))) * 10) / 10;
  const bar = (openTimeMs: number): SimBar => {
    const open = priceAt(openTimeMs);
    const close = priceAt(openTimeMs + minuteMs);
    const volume = 10 + ((openTimeMs / minuteMs) % 7);
    return {
      openTimeMs,
      open,
      close,
      high: Math.max(open, close) + 5,
      low: Math.min(open, close) - 5,
      volume,
      quoteVolume: volume * close,
      takerBuyVolume: volume * (close >= open ? 0.6 : 0.4),
      takerBuyQuoteVolume: volume * close * (close >= open ? 0.6 : 0.4),
      trades: 100,
    };
  };
  const liquidationList: SimLiquidation[] = [
    { symbol: 'BTCUSDT', timeMs: nowMs - 90 * minuteMs, side: 'long', price: 59_500, size: 0.5 },
    { symbol: 'BTCUSDT', timeMs: nowMs - 30 * minuteMs, side: 'short', price: 60_400, size: 0.2 },
  ];
  const truthLevels: SimTruthLevel[] = [
    {
      symbol: 'BTCUSDT',
      side: 'long',
      liquidationPrice: 55_000,
      size: 3,
      leverage: 10,
      openedAtMs: nowMs - 60 * minuteMs,
    },
    {
      symbol: 'BTCUSDT',
      side: 'short',
      liquidationPrice: 66_000,
      size: 2,
      leverage: 10,
      openedAtMs: nowMs - 60 * minuteMs,
    },
  ];
  const accountList = options.accounts ?? [];
  const listeners = new Map<keyof SimMarketEvents, Set<(payload: never) => void>>();
  const ticker = (symbol: string): SimTicker => ({
    symbol,
    timeMs: nowMs,
    markPrice: priceAt(nowMs),
    indexPrice: priceAt(nowMs),
    lastPrice: priceAt(nowMs),
    fundingRate: 0.0001,
    nextFundingTimeMs: Math.ceil(nowMs / (8 * 60 * minuteMs)) * 8 * 60 * minuteMs,
    openInterest: 12_345.678,
    regime: 'range',
  });
  const emit = <E extends keyof SimMarketEvents>(event: E, payload: SimMarketEvents[E]): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (value: SimMarketEvents[E]) => void)(payload);
  };
  return {
    seed: 1,
    scenario: 'calm',
    instruments: [instrument],
    now: () => nowMs,
    ticker,
    bars(_symbol, _kind, startMs, endMs, limit) {
      const out: SimBar[] = [];
      const first = Math.max(historyStartMs, Math.ceil(startMs / minuteMs) * minuteMs);
      for (let t = first; t + minuteMs <= nowMs && t < endMs && out.length < limit; t += minuteMs) out.push(bar(t));
      return out;
    },
    openInterestHistory(_symbol, startMs, endMs) {
      const out: { timeMs: number; openInterest: number }[] = [];
      for (
        let t = Math.max(historyStartMs, Math.ceil(startMs / minuteMs) * minuteMs);
        t < Math.min(endMs, nowMs);
        t += minuteMs
      )
        out.push({ timeMs: t, openInterest: 12_000 + ((t / minuteMs) % 500) });
      return out;
    },
    longShareHistory(_symbol, startMs, endMs) {
      const out: { timeMs: number; longShare: number }[] = [];
      const first = Math.max(historyStartMs, Math.ceil(startMs / minuteMs) * minuteMs);
      for (let t = first; t < Math.min(endMs, nowMs); t += minuteMs) out.push({ timeMs: t, longShare: 0.55 });
      return out;
    },
    liquidations: (_symbol, startMs, endMs) => liquidationList.filter((l) => l.timeMs >= startMs && l.timeMs < endMs),
    truth: () => truthLevels,
    account: (id) => accountList.find((account) => account.id === id),
    accounts: () => accountList,
    advance(ms) {
      const target = nowMs + ms;
      while (nowMs < target) {
        const step = Math.min(1000, target - nowMs);
        const crossesMinute = Math.floor((nowMs + step) / minuteMs) > Math.floor(nowMs / minuteMs);
        nowMs += step;
        emit('ticker', ticker('BTCUSDT'));
        if (crossesMinute) {
          const openTimeMs = Math.floor(nowMs / minuteMs) * minuteMs - minuteMs;
          emit('bar', { symbol: 'BTCUSDT', bar: bar(openTimeMs), markBar: bar(openTimeMs) });
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    emit,
  };
}
