// A light element tree over htmlparser2's tolerant XML tokenizer. It never reads a DTD, so entity
// attacks (billion laughs, external entities) have nothing to expand; undeclared HTML entities are
// decoded, a bare "&" stays as written, tag names are matched case-insensitively, and whatever
// follows the root element is ignored.
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { resolveUrl } from './urls';

/** One element. `key` is "prefix:local" with a canonical prefix for known namespaces, or just "local". */
export interface XmlNode {
  key: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Decoded character data directly inside the element (CDATA included), in order. */
  text: string;
  /** Source range of everything between the start and end tags. */
  innerStart: number;
  innerEnd: number;
  /** Effective xml:base. */
  base: string;
}

/** The parsed document: its root element and the source string the offsets refer to. */
export interface XmlDocument {
  root: XmlNode;
  source: string;
}

// Namespaces whose elements are the feed's own vocabulary: their elements get no prefix.
const CORE = new Set([
  'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/', 'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss', 'http://blogs.law.harvard.edu/tech/rss', 'http://purl.org/net/rss1.1#',
]);

const PREFIXES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom', 'http://purl.org/atom/ns#': 'atom', 'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf', 'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms', 'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes', 'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media', 'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy', 'http://webns.net/mvcb/': 'admin',
};

/** Decodes entities in character data; a bare "&" or an unknown entity stays as written. */
export function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

/** Parses `source`; returns undefined when it holds no element at all. */
export function parseXml(source: string, baseUrl: string): XmlDocument | undefined {
  const text = withoutDoctype(source);
  let root: XmlNode | undefined;
  const stack: XmlNode[] = [];
  const scopes: Record<string, string>[] = [{}];
  let inCdata = false;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (done) return;
        const parent = stack[stack.length - 1];
        const scope = namespaceScope(scopes[scopes.length - 1] ?? {}, attribs);
        scopes.push(scope);
        // htmlparser2 hands over a fresh object per tag: its values are decoded in place and kept.
        const attrs = attribs;
        for (const attr in attrs) attrs[attr] = decodeText(attrs[attr] ?? '');
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon);
        const local = colon < 0 ? name : name.slice(colon + 1);
        const xmlBase = attrs['xml:base'];
        const inherited = parent?.base ?? baseUrl;
        const node: XmlNode = {
          key: keyFor(prefix, local, scope),
          local,
          attrs,
          children: [],
          text: '',
          innerStart: parser.endIndex + 1,
          innerEnd: parser.endIndex + 1,
          base: xmlBase ? (resolveUrl(xmlBase, inherited) ?? inherited) : inherited,
        };
        if (parent) parent.children.push(node);
        else root = node;
        stack.push(node);
      },
      onclosetag() {
        if (done) return;
        const node = stack.pop();
        scopes.pop();
        if (node) node.innerEnd = Math.max(node.innerStart, parser.startIndex);
        if (stack.length === 0) done = true; // trailing garbage after the root is ignored
      },
      ontext(data) {
        const node = stack[stack.length - 1];
        if (!done && node) node.text += inCdata ? data : decodeText(data);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return root ? { root, source: text } : undefined;
}

// A DOCTYPE's internal subset is dropped unread, except plain-text entities: a value with no "&", "%"
// or "<" cannot nest or smuggle markup, so expanding it once is safe (billion laughs needs nesting).
function withoutDoctype(source: string): string {
  // Only a DOCTYPE in the prolog counts; "<!DOCTYPE" inside CDATA or text is content.
  const doctype = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*(<!DOCTYPE[^[>]*(?:\[([\s\S]*?)\]\s*)?>)/i.exec(source.slice(0, 65_536));
  if (!doctype?.[1]) return source;
  const start = doctype[0].length - doctype[1].length;
  let text = source.slice(0, start) + source.slice(doctype[0].length);
  const limit = source.length * 2 + 1_000_000; // expansion never more than doubles the document
  for (const [, name, double, single] of (doctype[2] ?? '').matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&%<]{0,200})"|'([^'&%<]{0,200})')\s*>/g)) {
    const value = double ?? single;
    if (!name || value === undefined || name in SAFE_XML_ENTITIES) continue;
    const expanded = text.split(`&${name};`).join(value);
    if (expanded.length > limit) break;
    text = expanded;
  }
  return text;
}

const SAFE_XML_ENTITIES = { amp: 1, lt: 1, gt: 1, quot: 1, apos: 1 };

function namespaceScope(outer: Record<string, string>, attribs: Record<string, string>): Record<string, string> {
  let scope = outer;
  for (const name in attribs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    if (scope === outer) scope = { ...outer };
    scope[name === 'xmlns' ? '' : name.slice(6)] = (attribs[name] ?? '').trim().toLowerCase();
  }
  return scope;
}

function keyFor(prefix: string, local: string, scope: Record<string, string>): string {
  const uri = scope[prefix];
  if (uri === undefined) return prefix ? `${prefix}:${local}` : local; // undeclared: keep what was written
  if (uri === '' || CORE.has(uri)) return local;
  const canonical = PREFIXES[uri] ?? PREFIXES[uri.replace(/\/$/, '')] ?? prefix;
  return canonical ? `${canonical}:${local}` : local;
}
