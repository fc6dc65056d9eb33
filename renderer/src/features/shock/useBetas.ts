import { useEffect, useState } from 'react';
import type { LiqLensApi, MarketKey } from '../../../../shared/ipc/contract';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { betaToReference, coinOfSymbol } from '../../../../shared/risk';

/** The bars a beta is computed from: hourly, as many as the venue's backfill gives (the window). */
export const betaTimeframe = '1h';

/**
 * Each held coin's beta to `reference`, from hourly mark candles of one venue and source that holds
 * both (so both series come from one place and their bars line up). The charted market is never
 * opened here (opening it at another timeframe would switch the chart's); a coin held only there
 * says so. Runs while `active`; each market it opened is closed again. Values: the beta, or why
 * there is none ("loading…" until the candles arrive).
 */
export function useBetas(
  api: Pick<LiqLensApi, 'openMarket' | 'closeMarket'> | null,
  positions: ReadonlyMap<string, AccountPositions>,
  reference: string,
  charted: MarketKey | null,
  active: boolean,
): Readonly<Record<string, number | string>> {
  const [betas, setBetas] = useState<Readonly<Record<string, number | string>>>({});
  const plan = active && api !== null ? betaPlan(positions, reference, charted) : null;
  const planKey = plan === null ? '' : JSON.stringify(plan);
  useEffect(() => {
    if (api === null || planKey === '') return;
    const pairs = JSON.parse(planKey) as BetaPlan;
    let cancelled = false;
    setBetas(Object.fromEntries(pairs.map((pair) => [pair.coin, pair.market === null ? pair.reason : 'loading…'])));
    void Promise.all(
      pairs.map(async (pair): Promise<[string, number | string]> => {
        if (pair.market === null || pair.referenceMarket === null) return [pair.coin, pair.reason];
        try {
          const [own, theirs] = await Promise.all([
            api.openMarket(pair.market, betaTimeframe),
            api.openMarket(pair.referenceMarket, betaTimeframe),
          ]);
          const beta = betaToReference(own.candles, theirs.candles);
          return [pair.coin, typeof beta === 'number' ? beta : `no beta: ${beta}`];
        } catch (error: unknown) {
          return [pair.coin, `no beta: ${error instanceof Error ? error.message : String(error)}`];
        } finally {
          void api.closeMarket(pair.market).catch(() => undefined);
          void api.closeMarket(pair.referenceMarket).catch(() => undefined);
        }
      }),
    ).then((entries) => {
      if (!cancelled) setBetas(Object.fromEntries(entries));
    });
    return () => {
      cancelled = true;
    };
  }, [api, planKey]);
  return betas;
}

type BetaPlan = readonly {
  readonly coin: string;
  readonly market: MarketKey | null;
  readonly referenceMarket: MarketKey | null;
  readonly reason: string;
}[];

/** For each coin but the reference: a venue and source holding both it and the reference, not the charted market. */
function betaPlan(
  positions: ReadonlyMap<string, AccountPositions>,
  reference: string,
  charted: MarketKey | null,
): BetaPlan {
  const markets = new Map<string, Map<string, MarketKey>>(); // venue|source -> coin -> market
  for (const entry of positions.values()) {
    for (const position of entry.positions) {
      const place = `${position.venue}|${position.source}`;
      const coins = markets.get(place) ?? new Map<string, MarketKey>();
      coins.set(coinOfSymbol(position.symbol), {
        venue: position.venue,
        source: position.source,
        symbol: position.symbol,
      });
      markets.set(place, coins);
    }
  }
  const isCharted = (key: MarketKey): boolean =>
    charted !== null && key.venue === charted.venue && key.source === charted.source && key.symbol === charted.symbol;
  const coins = new Set([...markets.values()].flatMap((byCoin) => [...byCoin.keys()]));
  coins.delete(reference);
  return [...coins].sort().map((coin) => {
    for (const byCoin of markets.values()) {
      const market = byCoin.get(coin);
      const referenceMarket = byCoin.get(reference);
      if (market !== undefined && referenceMarket !== undefined && !isCharted(market) && !isCharted(referenceMarket))
        return { coin, market, referenceMarket, reason: '' };
    }
    return {
      coin,
      market: null,
      referenceMarket: null,
      reason: `no beta: no venue holds ${coin} and ${reference} apart from the chart`,
    };
  });
}
