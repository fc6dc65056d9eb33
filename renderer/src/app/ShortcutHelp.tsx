import { useEffect, useRef } from 'react';
import { Button } from '../ui';
import { shortcutList } from './shortcut-list';
import './shortcut-help.css';

/** Props of `ShortcutHelp`. */
export interface ShortcutHelpProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The list of keyboard shortcuts, opened with `?`: a modal `<dialog>` (focus stays inside, Escape,
 * the Close button, `?` again or a click beside it closes it).
 */
export function ShortcutHelp({ open, onClose }: ShortcutHelpProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      aria-labelledby="shortcut-help-title"
      data-testid="shortcut-help"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself, not on its content.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="shortcut-help__content">
        <h2 id="shortcut-help-title" className="shortcut-help__title">
          Keyboard shortcuts
        </h2>
        <dl className="shortcut-help__list">
          {shortcutList.map((entry) => (
            <div key={entry.action} className="shortcut-help__row">
              <dt>
                {entry.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{entry.action}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcut-help__note">Shortcuts wait while you type in a field.</p>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  );
}
