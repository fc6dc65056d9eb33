import { useEffect, useState } from 'react';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { ChannelsView } from '../../../../shared/ipc/views/channels';

const empty: ChannelsView = { secretStorage: 'memory', channels: [], failures: [] };

/** The notification channels kept live: read when connected, then every change the core announces. */
export function useChannels(api: LiqLensApi, connected: boolean): ChannelsView {
  const [view, setView] = useState<ChannelsView>(empty);
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    api.listChannels().then(
      (next) => !cancelled && setView(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);
  useEffect(() => api.onChannelsChanged(setView), [api]);
  return view;
}
