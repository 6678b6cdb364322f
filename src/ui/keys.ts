// Single-key shortcuts (j, k, o, ?) must not fire while the user types or holds a modifier.

/** True when the key press belongs to a text field or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The key of a plain shortcut press, or undefined for modified keys and typing. */
export function shortcutKey(event: KeyboardEvent): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  return event.key;
}
