/**
 * Small pieces of view state (the sort, the selected position) kept in the renderer's local storage,
 * so a reload finds them again. Each window origin has its own storage: in web mode that is the host
 * and port, in the desktop app the app's profile. Nothing secret is ever kept here.
 */

/**
 * The value stored under `key`, checked by `parse` (which returns null for anything it does not
 * accept); null when nothing is stored, the JSON is damaged or storage is unavailable.
 */
export function readStored<T>(key: string, parse: (value: unknown) => T | null): T | null {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`; a full or refused storage only loses the memory, never the action. */
export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Remembering the view is a convenience; the app works the same without it.
  }
}
