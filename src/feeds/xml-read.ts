// Reading helpers over the element tree: find children, take their text or their raw inner markup.
import type { XmlDocument, XmlNode } from './xml-tree';

/** The first child whose key is one of `keys`, trying the keys in order of preference. */
export function child(node: XmlNode, ...keys: string[]): XmlNode | undefined {
  for (const key of keys) {
    for (const candidate of node.children) if (candidate.key === key) return candidate;
  }
  return undefined;
}

/** Every child whose key is one of `keys`, in document order. */
export function childrenOf(node: XmlNode, ...keys: string[]): XmlNode[] {
  return node.children.filter((candidate) => keys.includes(candidate.key));
}

/** Trimmed text of the first matching child, or undefined when missing or blank. */
export function childText(node: XmlNode, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = child(node, key);
    const text = found ? textOf(found) : undefined;
    if (text) return text;
  }
  return undefined;
}

/** The element's own trimmed character data. */
export function textOf(node: XmlNode): string {
  return node.text.trim();
}

/** What an element holds as markup: its raw inner source when it has child elements, else its text. */
export function markupOf(doc: XmlDocument, node: XmlNode): string {
  if (node.children.length === 0) return node.text.trim();
  return doc.source.slice(node.innerStart, node.innerEnd).trim();
}

/** The first non-blank markup among the matching children. */
export function childMarkup(doc: XmlDocument, node: XmlNode, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = child(node, key);
    const markup = found ? markupOf(doc, found) : undefined;
    if (markup) return markup;
  }
  return undefined;
}

/** "Name (email)" or "email (Name)" → "Name"; a lone address stays. */
export function personName(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > 300) return text; // not a "Name (email)" field; and keeps the patterns below cheap
  const angle = /^(.*?)\s*<[^<>@\s]+@[^<>\s]+>\s*$/.exec(text);
  if (angle?.[1]) return angle[1].trim();
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(text);
  if (paren) {
    const [outside, inside] = [paren[1] ?? '', paren[2] ?? ''];
    if (outside.includes('@') && inside) return inside.trim();
    if (outside) return outside.trim();
  }
  return text;
}
