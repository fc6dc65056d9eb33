import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertEvent } from '../../../../shared/alerts';
import type { LiqLensApi } from '../../../../shared/ipc/contract';
import type { AlertsView } from '../../../../shared/ipc/views/alerts';
import { shouldToast, windowTitle } from './alert-text';

/** How long an in-app toast stays, ms (critical ones stay until dismissed). */
const toastMs = 8000;

/**
 * The alerts view kept live, the window title kept on the worst level, and in-app toasts for new
 * alerts. In web mode, whenever the user allowed it, the browser's own notifications ring too,
 * visible tab or not (the desktop app rings through Electron in the main process instead).
 * `showNote` pops a plain toast (the test notification).
 */
export function useAlerts(
  api: LiqLensApi,
  connected: boolean,
  browserNotifications: boolean,
): {
  view: AlertsView;
  toasts: readonly AlertEvent[];
  dismissToast: (id: string) => void;
  note: string | null;
  showNote: (text: string) => void;
} {
  const [view, setView] = useState<AlertsView>({ active: [], worstLevel: null, history: [] });
  const [toasts, setToasts] = useState<readonly AlertEvent[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [note, setNote] = useState<string | null>(null);
  const noteTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const showNote = useCallback((text: string) => {
    setNote(text);
    clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => setNote(null), toastMs);
  }, []);

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
        if (browserNotifications && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
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
      clearTimeout(noteTimer.current);
    };
  }, []);

  return { view, toasts, dismissToast, note, showNote };
}
