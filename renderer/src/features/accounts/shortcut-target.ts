/** The parts of a keydown event a shortcut decision needs (a DOM KeyboardEvent fits). */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly defaultPrevented: boolean;
  /** The event's target: an element (tagName, isContentEditable), or anything else. */
  readonly target: object | null;
}

const nonTextInputs = new Set(['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** True when the event comes from a place the user types into (a field, an editable element). */
export function isTyping(event: KeyLike): boolean {
  const target = event.target;
  if (target === null) return false;
  const tagName = 'tagName' in target && typeof target.tagName === 'string' ? target.tagName : '';
  const editable = 'isContentEditable' in target && target.isContentEditable === true;
  if (tagName === 'INPUT') {
    // Sliders, radios and checkboxes take no text: a letter pressed on them is a shortcut.
    const type = 'type' in target && typeof target.type === 'string' ? target.type : 'text';
    return !nonTextInputs.has(type);
  }
  return editable || tagName === 'TEXTAREA' || tagName === 'SELECT';
}

/** True when `event` is the plain single-key shortcut `key` (no modifier, not while typing). */
export function isShortcut(event: KeyLike, key: string): boolean {
  return (
    !event.defaultPrevented &&
    event.key.toLowerCase() === key &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !isTyping(event)
  );
}
