/** One keyboard shortcut as the help overlay lists it. */
export interface ShortcutEntry {
  /** The keys as printed on the keyboard, e.g. ["1", "5"] for a range or ["J"]. */
  readonly keys: readonly string[];
  readonly action: string;
}

/**
 * Every shortcut of the workspace, in the order the help shows them. Single keys without a modifier,
 * ignored while typing in a field; Escape inside the what-if resets it as R does anywhere.
 */
export const shortcutList: readonly ShortcutEntry[] = [
  { keys: ['?'], action: 'Show or hide this list' },
  { keys: ['1', '2', '3', '4', '5'], action: 'Chart timeframe: 1m, 5m, 15m, 1h, 4h' },
  { keys: ['J'], action: 'Next position in the table (chart and what-if follow)' },
  { keys: ['K'], action: 'Previous position in the table' },
  { keys: ['H'], action: 'Heatmap on or off' },
  { keys: ['R'], action: 'Reset the what-if to the live position' },
  { keys: ['T'], action: 'Light or dark theme' },
  { keys: ['A'], action: 'Add an account' },
  { keys: ['Esc'], action: 'Close a menu or dialog; inside the what-if, reset it' },
];

/**
 * The item `step` places after (1) or before (-1) `current` in `items`, wrapping round at either end;
 * the first (or last) item when `current` is not among them; null for an empty list.
 */
export function stepThrough<T>(
  items: readonly T[],
  current: T | null,
  step: 1 | -1,
  same: (a: T, b: T) => boolean,
): T | null {
  if (items.length === 0) return null;
  const index = current === null ? -1 : items.findIndex((item) => same(item, current));
  if (index < 0) return items[step === 1 ? 0 : items.length - 1] ?? null;
  return items[(index + step + items.length) % items.length] ?? null;
}
