import { useEffect, useRef, useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';
import { readPositions, type PositionsRead } from './positions-read';

/**
 * Accounts and their positions, kept live from the core's events. Each connection reads them
 * afresh; `early` is a read the page made before it rendered (sent ahead of the app's script), shown
 * as soon as it is in unless this hook's own read answered first.
 */
export function usePositions(
  api: LiqLensApi,
  connected: boolean,
  early?: PositionsRead,
): {
  accounts: readonly AccountSummary[];
  positions: ReadonlyMap<string, AccountPositions>;
  error: string | undefined;
  /** True once the core has answered the first list, with positions or an error. */
  loaded: boolean;
} {
  const [accounts, setAccounts] = useState<readonly AccountSummary[]>([]);
  const [positions, setPositions] = useState<ReadonlyMap<string, AccountPositions>>(new Map());
  const [error, setError] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const answered = useRef(false);

  useEffect(() => {
    const offAccounts = api.onAccountsChanged(setAccounts);
    const offPositions = api.onPositionsChanged((next) =>
      setPositions((previous) => new Map(previous).set(next.accountId, next)),
    );
    return () => {
      offAccounts();
      offPositions();
    };
  }, [api]);

  useEffect(() => {
    if (early === undefined) return;
    let cancelled = false;
    early.then(
      ([list, all]) => {
        if (cancelled || answered.current) return;
        setAccounts(list);
        setPositions(new Map(all.map((entry) => [entry.accountId, entry])));
        setLoaded(true);
      },
      // This hook's own read reports what went wrong.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [early]);

  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    readPositions(api).then(
      ([list, all]) => {
        if (cancelled) return;
        answered.current = true;
        setAccounts(list);
        setPositions(new Map(all.map((entry) => [entry.accountId, entry])));
        setError(undefined);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (cancelled) return;
        answered.current = true;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);

  return { accounts, positions, error, loaded };
}
