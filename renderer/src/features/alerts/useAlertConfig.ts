import { useCallback, useEffect, useState } from 'react';
import type { AlertConfig } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';

/**
 * The alert settings in force, read from the core once connected and again after each save (the
 * chart draws the threshold lines of the rules that are on). Null until read, or when the read failed.
 */
export function useAlertConfig(
  api: LiqLensApi,
  connected: boolean,
): { readonly config: AlertConfig | null; readonly onSaved: (config: AlertConfig) => void } {
  const [config, setConfig] = useState<AlertConfig | null>(null);
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    api.getAlertConfig().then(
      (next) => !cancelled && setConfig(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);
  const onSaved = useCallback((next: AlertConfig) => setConfig(next), []);
  return { config, onSaved };
}
