import { useContext, useEffect, useState } from 'react';
import { marketKeyId, type MarketKey } from '../../../../shared/domain/market-source';
import type { AggregateMapWire } from '../../../../shared/ipc/views/clusters';
import { BridgeContext } from '../../app/bridge-context';
import { useMarketField, type MarketSource } from '../market/useMarket';

/** How often the map across venues is asked again while shown, ms: the other venues' markets load and change on their own. */
const pollMs = 10_000;

/**
 * The map of the charted market's coin across venues while `enabled`: asked of the core at once,
 * again whenever the charted market's own clusters change, and every `pollMs` (the other venues'
 * markets fill in meanwhile). Null while off, before the first answer, and without a bridge (the
 * chart harness); an error keeps the last map and says why.
 */
export function useAggregateMap(
  source: MarketSource | null,
  market: MarketKey | null,
  enabled: boolean,
): { readonly aggregate: AggregateMapWire | null; readonly error: string | null } {
  const bridge = useContext(BridgeContext);
  const clusters = useMarketField(source, 'clusters');
  const [answer, setAnswer] = useState<{ id: string; aggregate: AggregateMapWire } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = market === null ? null : marketKeyId(market);
  const api = bridge?.api ?? null;
  useEffect(() => {
    if (!enabled || api === null || market === null || id === null) return undefined;
    let cancelled = false;
    const ask = (): void => {
      api.getAggregateMap(market).then(
        (aggregate) => {
          if (cancelled) return;
          setAnswer({ id, aggregate });
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
    // `market` is read through its id: a new object for the same market asks nothing new.
  }, [api, id, enabled, clusters]);
  return { aggregate: enabled && answer?.id === id ? answer.aggregate : null, error: enabled ? error : null };
}
