import type { Notice } from '../../../../shared/ipc/views/app';
import { Button } from '../../ui';

/** Notices from the core (for example a settings file that had to be reset), each dismissible. */
export function NoticeBanner({
  notices,
  onDismiss,
}: {
  readonly notices: readonly Notice[];
  readonly onDismiss: (id: string) => void;
}) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`} data-testid="notice" role="alert">
          <span className="notice__text">{notice.message}</span>
          <Button variant="ghost" onClick={() => onDismiss(notice.id)} aria-label="Dismiss notice">
            Dismiss
          </Button>
        </div>
      ))}
    </div>
  );
}
