// Plain-text scrapes (no markup) become paragraphs: one per line, blank lines and indentation dropped.

/** The non-empty, trimmed lines of `text`, each one paragraph. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');
}
