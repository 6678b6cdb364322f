// Atom text constructs (1.0 type="text|html|xhtml", 0.3 mode="xml|escaped|base64") → HTML or text.
import { child, markupOf } from './xml-read';
import type { XmlDocument, XmlNode } from './xml-tree';

/** The construct's content as a string: xhtml gives the inner markup of its div, base64 is decoded. */
export function textConstruct(doc: XmlDocument, node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const type = (node.attrs.type ?? '').toLowerCase();
  const mode = (node.attrs.mode ?? '').toLowerCase();
  if (mode === 'base64' || (type !== '' && !/^(text|html|xhtml)$|xml|^text\//.test(type))) {
    return decodeBase64(node.text) ?? node.text.trim();
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml' || node.children.length > 0) {
    const div = child(node, 'xhtml:div', 'div');
    const onlyDiv = div && node.children.length === 1 && node.text.trim() === '';
    const inner = onlyDiv && type === 'xhtml' ? markupOf(doc, div) : markupOf(doc, node);
    return stripXhtmlPrefixes(inner);
  }
  return node.text.trim();
}

// Inline XHTML sometimes carries namespace prefixes ("<xhtml:b>") that HTML renderers do not know.
function stripXhtmlPrefixes(markup: string): string {
  return markup.replace(/<(\/?)(?:xhtml|html|h):/gi, '<$1').replace(/\s+xmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
}

function decodeBase64(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact === '') return undefined;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes).trim();
  } catch {
    return undefined;
  }
}
