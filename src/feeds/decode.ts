// Bytes → text, choosing the encoding as RFC 7303 §3 orders it: byte order mark, then the Content-Type
// charset, then the XML declaration, decoded with TextDecoder. A label the bytes prove wrong falls back to
// the next (see decodeBytes).

/** The charset named in a Content-Type header, lower-cased, if any. */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
  const match = contentType && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/** Decodes a feed body to a string, choosing the encoding the way XML readers do. */
export function decodeBody(body: Uint8Array | ArrayBuffer | string, contentType?: string): string {
  const { text, utf8 } = decodeBytes(body, contentType);
  // Valid UTF-8 holds a C1 control only as the bytes C2 80–C2 9F: searching the bytes for C2 is several
  // times cheaper than scanning the whole decoded text.
  return utf8 && !hasUtf8C1(utf8) ? text : demoronize(text);
}

// Decoded text, and the bytes it came from when they were read as UTF-8.
interface Decoded {
  text: string;
  utf8?: Uint8Array;
}

function hasUtf8C1(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xc2); i >= 0; i = bytes.indexOf(0xc2, i + 1)) {
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

// windows-1252 bytes 0x80–0x9F. Written out because Node's TextDecoder('windows-1252') returns C1
// controls for them (browsers do not); undefined bytes map to themselves.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// windows-1252 punctuation mislabelled as Latin-1 shows up as C1 control characters: map them back.
function demoronize(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function decodeBytes(body: Uint8Array | ArrayBuffer | string, contentType?: string): Decoded {
  if (typeof body === 'string') return { text: body.charCodeAt(0) === 0xfeff ? body.slice(1) : body };
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  const bom = bomEncoding(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding, true) ?? { text: '' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeWith(bytes, utf16, false) ?? { text: '' };
  // A label the bytes prove wrong falls through to the next: the other label, UTF-8, then GB18030 (Chinese
  // feeds mislabelled as UTF-8 are common; its strict decoder rejects most Latin text).
  const declared = xmlDeclaredEncoding(bytes);
  const labels = [contentTypeCharset(contentType), declared]
    .filter((label): label is string => label !== undefined && isAsciiCompatible(label) && !provenWrong(label, bytes));
  // A Latin label accepts any bytes, so it cannot be checked, and servers send iso-8859-1 as a default: when
  // the document itself declares UTF-8, bytes that are valid UTF-8 are read as such (valid non-ASCII UTF-8
  // practically never occurs by chance in Latin text). A document declaring a Latin charset too is Latin.
  if (labels[0] !== undefined && LATIN_LABELS.has(labels[0]) && declared !== undefined && UTF8_LABELS.has(declared)) labels.unshift('utf-8');
  for (const label of [...labels, 'utf-8', 'gb18030']) {
    const decoded = decodeWith(bytes, label, true);
    if (decoded !== undefined) return decoded;
  }
  // windows-1252 maps every byte, so the text is never lost, only possibly mis-read.
  return decodeWith(bytes, 'windows-1252', false) ?? { text: '' };
}

const LATIN_LABELS = new Set(['us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'iso_8859-1', 'windows-1252', 'cp1252']);
const ASCII_LABELS = new Set(['us-ascii', 'ascii']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

// TextDecoder reads 'us-ascii' as windows-1252, so it never fails; any byte above 0x7F proves it wrong.
function provenWrong(label: string, bytes: Uint8Array): boolean {
  return ASCII_LABELS.has(label) && bytes.some((byte) => byte > 0x7f);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// `<?` written in UTF-16 without a byte order mark.
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  return undefined;
}

/** The encoding named in `<?xml … encoding="…"?>`, read from the first bytes as ASCII. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i] ?? 0);
  const declaration = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration?.[1]?.toLowerCase();
}

// A label claiming UTF-16/32 on bytes that had no UTF-16 shape is wrong: read them as ASCII-compatible.
function isAsciiCompatible(label: string): boolean {
  return !/^(utf-?16|utf-?32|ucs-?2|ucs-?4|unicode)/i.test(label);
}

function decodeWith(bytes: Uint8Array, label: string, fatal: boolean): Decoded | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal });
  } catch {
    return undefined; // unknown label
  }
  try {
    const text = decoder.decode(bytes);
    // Only a fatal UTF-8 decoder guarantees the bytes were valid UTF-8.
    return fatal && decoder.encoding === 'utf-8' ? { text, utf8: bytes } : { text };
  } catch {
    return undefined; // bytes invalid for this encoding
  }
}
