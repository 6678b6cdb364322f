// Atom text constructs (1.0 type="text|html|xhtml", 0.3 mode="xml|escaped|base64") → HTML or text.
import { resolveContentUrls as resolveUrls } from './content-urls';
import { htmlToText } from './html-text';
import { child } from './xml-read';
import type { XmlDocument, XmlNode } from './xml-tree';

/**
 * The construct's content: inline XHTML gives its raw inner markup (Atom 1.0 drops the wrapping div),
 * base64 is decoded, HTML has its relative URLs resolved against the element's xml:base unless
 * `resolve` is false (entry bodies: the normalizer resolves those, the entry link included).
 */
export function textConstruct(doc: XmlDocument, node: XmlNode | undefined, dropDiv = true, resolve = true): string | undefined {
  if (!node) return undefined;
  const resolveContentUrls = resolve ? resolveUrls : (html: string) => html;
  const type = (node.attrs.type ?? '').toLowerCase();
  const mode = (node.attrs.mode ?? '').toLowerCase();
  if (mode === 'base64' || (type !== '' && !/text|html|xml|plain/.test(type))) {
    return resolveContentUrls(decodeBase64(node.text) ?? node.text.trim(), node.base);
  }
  const xhtml = type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml';
  // Inline XHTML that is only text: its references decoded, markup characters kept escaped.
  if (xhtml && node.children.length === 0) return escapeHtml(node.text.trim());
  if (xhtml || node.children.length > 0) {
    const div = child(node, 'xhtml:div', 'div');
    const onlyDiv = dropDiv && div && node.children.length === 1 && node.text.trim() === '';
    const inner = onlyDiv ? rawInner(doc, div) : rawInner(doc, node);
    return resolveContentUrls(cleanXhtml(inner), node.base);
  }
  const text = node.text.trim();
  return type === 'html' || type === 'text/html' ? resolveContentUrls(text, node.base) : text;
}

/** A text construct as plain text (titles): type="html" and inline XHTML reduced to what they show. */
export function textConstructText(doc: XmlDocument, node: XmlNode | undefined, dropDiv = true): string | undefined {
  const value = textConstruct(doc, node, dropDiv, false);
  if (value === undefined || !node) return value;
  const type = (node.attrs.type ?? '').toLowerCase();
  const markup = type === 'html' || type === 'text/html' || type === 'xhtml' || type === 'application/xhtml+xml' || node.attrs.mode?.toLowerCase() === 'xml' || node.children.length > 0;
  return markup ? htmlToText(value) : value;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function rawInner(doc: XmlDocument, node: XmlNode): string {
  return doc.source.slice(node.innerStart, node.innerEnd).trim();
}

// Inline XHTML carries namespace declarations and prefixes ("<xhtml:b>") HTML renderers do not need,
// and numeric references for "&" that mean plain "&amp;".
function cleanXhtml(markup: string): string {
  return markup
    .replace(/<(\/?)(?:xhtml|html|h):/gi, '<$1')
    .replace(/\s+xmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g, '')
    .replace(/&#(?:38|x26);/gi, '&amp;');
}

function decodeBase64(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact === '') return undefined;
  try {
    const bytes = Uint8Array.from(atob(compact), (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes).trim();
  } catch {
    return undefined;
  }
}
