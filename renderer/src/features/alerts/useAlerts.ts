import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertEvent } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AlertsView } from '../../../../shared/ipc/views/alerts';
import { shouldToast, windowTitle } from './alert-text';

/** How long an in-app toast stays, ms (critical ones stay until dismissed). */
const toastMs = 8000;

/**
 * The alerts view kept live, the window title kept on the worst level, and in-app toasts for new
 * alerts. In web mode, when the user allowed it, the browser's own notifications ring too (the
 * desktop app rings through Electron in the main process instead).
 */
export function useAlerts(
  api: LiqLensApi,
  connected: boolean,
  browserNotifications: boolean,
): {
  view: AlertsView;
  toasts: readonly AlertEvent[];
  dismissToast: (id: string) => void;
} {
  const [view, setView] = useState<AlertsView>({ active: [], worstLevel: null, history: [] });
  const [toasts, setToasts] = useState<readonly AlertEvent[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismissToast = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    api.listAlerts().then(
      (next) => !cancelled && setView(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, connected]);

  useEffect(() => api.onAlertsChanged(setView), [api]);
  useEffect(
    () =>
      api.onAlert((event) => {
        setView((current) => ({ ...current, history: [event, ...current.history].slice(0, 500) }));
        if (!shouldToast(event)) return;
        setToasts((current) =>
          [
            event,
            ...current.filter(
              (toast) =>
                toast.accountId !== event.accountId || toast.symbol !== event.symbol || toast.side !== event.side,
            ),
          ].slice(0, 4),
        );
        if (event.level !== 'critical')
          timers.current.set(
            event.id,
            setTimeout(() => dismissToast(event.id), toastMs),
          );
        if (
          browserNotifications &&
          typeof Notification !== 'undefined' &&
          Notification.permission === 'granted' &&
          document.hidden
        ) {
          new Notification(`${event.level.toUpperCase()}: ${event.displaySymbol} ${event.side}`, {
            body: event.message,
            tag: `${event.accountId}-${event.symbol}-${event.side}`,
          });
        }
      }),
    [api, browserNotifications, dismissToast],
  );
  useEffect(() => {
    document.title = windowTitle(view.worstLevel);
  }, [view.worstLevel]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  return { view, toasts, dismissToast };
}
