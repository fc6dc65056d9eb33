import { useEffect, type RefObject } from 'react';

/**
 * Closes an open popover the way menus close: a press anywhere outside `root`, or Escape wherever
 * the focus is. `paused` (a dialog opened from the popover is in front) leaves both to the dialog.
 */
export function usePopoverDismiss(
  root: RefObject<HTMLElement | null>,
  open: boolean,
  paused: boolean,
  close: (reason: 'outside' | 'escape') => void,
): void {
  useEffect(() => {
    if (!open || paused) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      close('outside');
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close('escape');
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [root, open, paused, close]);
}
