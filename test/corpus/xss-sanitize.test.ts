// @vitest-environment jsdom
// The shared XSS corpora through our one sanitize config (skipped when ../shared/corpora is absent).
// Only "the dangerous part is gone" carries over: the expected outputs are DOMPurify's defaults and
// feedparser's allowlist, not ours.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from '../../src/ui/sanitize';
import { dangerIn } from '../unit/reader/danger';

// Paths, not URLs: jsdom's URL resolves relative to its own http://localhost page.
const XSS = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpora/xss');
const present = existsSync(join(XSS, 'dompurify_expect.json'));

function load<T>(name: string): T[] {
  return JSON.parse(readFileSync(join(XSS, name), 'utf8')) as T[];
}

describe.runIf(present)('XSS corpora through SANITIZE_CONFIG', () => {
  it('leaves nothing dangerous in any DOMPurify fixture payload', () => {
    const fixtures = present ? load<{ title: string; payload: string }>('dompurify_expect.json') : [];
    const failures = fixtures.filter((fixture) => dangerIn(sanitizeEntryHtml(fixture.payload).html).length > 0).map((fixture) => fixture.title);
    expect(fixtures.length).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('leaves nothing dangerous in the feedparser sanitize inputs that carry an attack', () => {
    // The other ~330 cases check harmless attributes feedparser keeps; they cannot fail this check.
    const risky = /script|\bon[a-z]+\s*=|javascript|vbscript|style|iframe|object|embed|form|svg|math|data:/i;
    const cases = present ? load<{ file: string; input_html: string }>('feedparser_sanitize.json').filter((item) => risky.test(item.input_html)) : [];
    const failures = cases.filter((item) => dangerIn(sanitizeEntryHtml(item.input_html, { baseUrl: 'http://example.com/' }).html).length > 0).map((item) => item.file);
    expect(cases.length).toBeGreaterThan(350);
    expect(failures).toEqual([]);
  });
});
