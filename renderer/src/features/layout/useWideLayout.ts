import { useSyncExternalStore } from 'react';

/**
 * The narrowest window, in CSS pixels, that lays the what-if beside the whole height of the chart and
 * the positions. Below it the positions table needs the window's full width to show every column.
 */
export const wideLayoutMinWidthPx = 1360;

const query = `(min-width: ${wideLayoutMinWidthPx}px)`;

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** True while the window is at least `wideLayoutMinWidthPx` wide; follows window resizes. */
export function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => true,
  );
}
