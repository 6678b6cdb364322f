// srcset lists, split as the HTML standard's "parse a srcset attribute" does: URLs are runs of non-space
// characters (commas inside them kept, trailing ones dropped), descriptors run to the next comma outside
// parentheses. Pure string work.

/** One image candidate of a srcset: its URL and its descriptor as written ('' when none). */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/** The candidates of a srcset value, in order. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value[i])) i++;
    let end = i;
    while (end > start && value[end - 1] === ',') end--;
    const url = value.slice(start, end);
    let descriptor = '';
    if (end === i) {
      // No comma ended the URL: a descriptor may follow, up to a comma outside parentheses.
      const from = i;
      let depth = 0;
      while (i < n && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(from, i).trim();
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/** A srcset value from candidates. */
export function serializeSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((candidate) => (candidate.descriptor ? `${candidate.url} ${candidate.descriptor}` : candidate.url)).join(', ');
}

/** The URL of the widest (`w`) or densest (`x`) candidate; undefined for an empty list. */
export function bestFromSrcset(value: string): string | undefined {
  let best: { url: string; score: number } | undefined;
  for (const { url, descriptor } of parseSrcset(value)) {
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
    // Widths (hundreds) naturally outrank densities (1–3); a candidate without descriptor is 1x.
    const score = match ? Number(match[1]) : 1;
    if (!best || score > best.score) best = { url, score };
  }
  return best?.url;
}
