import type { AlertEvent } from '../../../../shared/alerts';
import { Button } from '../../ui';
import { eventTitle } from './alert-text';
import { useToastCorner } from './useToastCorner';

/**
 * New alerts popping up (the in-app notification); critical ones stay until dismissed. They stack in
 * the chart pane's bottom-right corner (`useToastCorner`), where they cover no control, or in the
 * window's corner while no chart is drawn.
 */
export function AlertToasts({
  toasts,
  onDismiss,
  onSelect,
  note = null,
}: {
  readonly toasts: readonly AlertEvent[];
  readonly onDismiss: (id: string) => void;
  readonly onSelect: (event: AlertEvent) => void;
  /** A plain message toast (the test notification), shown above the alerts. */
  readonly note?: string | null;
}) {
  const corner = useToastCorner(toasts.length > 0 || note !== null);
  return (
    <div
      className="toasts"
      aria-live="assertive"
      aria-label="New alerts"
      data-testid="toasts"
      data-place={corner === null ? 'window' : 'chart'}
      style={corner ?? undefined}
    >
      {note !== null && (
        <div className="toast toast--info" role="status" data-testid="note-toast">
          <span className="toast__body">{note}</span>
        </div>
      )}
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.level}`} role="alert" data-testid="alert-toast">
          <Button variant="bare" className="toast__body" onClick={() => onSelect(toast)}>
            <strong>{eventTitle(toast)}</strong> {toast.message}
          </Button>
          <Button
            variant="quiet"
            className="toast__close"
            aria-label="Dismiss alert"
            onClick={() => onDismiss(toast.id)}
          >
            ×
          </Button>
        </div>
      ))}
    </div>
  );
}
