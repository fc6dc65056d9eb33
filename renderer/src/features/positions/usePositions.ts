import { useEffect, useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/views/accounts';
import type { AccountPositions } from '../../../../shared/ipc/views/positions';

/** Accounts and their positions, kept live from the core's events. */
export function usePositions(
  api: LiqLensApi,
  connected: boolean,
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
    if (!connected) return;
    let cancelled = false;
    Promise.all([api.listAccounts(), api.listPositions()]).then(
      ([list, all]) => {
        if (cancelled) return;
        setAccounts(list);
        setPositions(new Map(all.map((entry) => [entry.accountId, entry])));
        setError(undefined);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (cancelled) return;
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
