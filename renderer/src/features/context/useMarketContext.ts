import { useEffect, useState } from 'react';
import { marketKeyId } from '../../../../shared/domain/market-source';
import type { LiqLensApi, MarketKey } from '../../../../shared/ipc/contract';
import type { MarketContextView } from '../../../../shared/ipc/views/market-context';

/** How often the panel asks the core again, ms: the core reads the venue at most every 10 s. */
const pollMs = 10_000;

/** The market context of the charted market, asked again every `pollMs`; an error keeps the last view. */
export function useMarketContext(
  api: LiqLensApi,
  market: MarketKey | null,
  connected: boolean,
): { readonly view: MarketContextView | null; readonly error: string | null } {
  const [view, setView] = useState<MarketContextView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Keyed by the market's id, not its object: a new object for the same market keeps what is shown.
  const id = market === null ? null : marketKeyId(market);
  const [asked, setAsked] = useState<MarketKey | null>(market);
  if (id !== (asked === null ? null : marketKeyId(asked))) {
    setAsked(market);
    setView(null);
    setError(null);
  }
  useEffect(() => {
    if (asked === null || !connected) return undefined;
    let cancelled = false;
    const ask = (): void => {
      api.getMarketContext(asked).then(
        (next) => {
          if (cancelled) return;
          setView(next);
          setError(null);
        },
        (reason: unknown) => !cancelled && setError(reason instanceof Error ? reason.message : String(reason)),
      );
    };
    ask();
    const timer = setInterval(ask, pollMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [api, asked, connected]);
  return { view, error };
}
