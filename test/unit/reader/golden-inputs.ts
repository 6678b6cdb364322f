// The three seeds the golden test renders: seed 000 through the parser (a mirror record with its CDN map),
// seeds 002/003 (static-site posts: front matter, then the HTML the site publishes) as their body HTML.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../../src/feeds/index';
import type { SanitizeContext } from '../../../src/ui/sanitize';

const HERE = dirname(fileURLToPath(import.meta.url));
/** ../shared/seeds, from the project root. */
export const SEEDS = join(HERE, '../../../../shared/seeds');
/** Reviewed expected output, one file per seed. */
export const GOLDEN = join(HERE, '../../fixtures/golden');

/** One seed's body HTML and where it lives. */
export interface GoldenInput {
  name: string;
  html: string;
  context: SanitizeContext;
}

/** The seeds' inputs, in order. */
export function goldenInputs(): GoldenInput[] {
  const record = parseFeed(new Uint8Array(readFileSync(join(SEEDS, '000_82cd27bd64ef1596.txt'))), { url: 'http://blog.sina.com.cn/rss/cnnic2008.xml' });
  const article = record.entries[0]!;
  const post = (file: string) => readFileSync(join(SEEDS, file), 'utf8').replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  return [
    { name: 'seed-000', html: article.contentHtml ?? '', context: { baseUrl: article.url, imageMap: article.imageMap } },
    { name: 'seed-002', html: post('002_8f09e6c303b3c32b.txt'), context: {} },
    { name: 'seed-003', html: post('003_3b3ca1c3ec97040c.txt'), context: {} },
  ];
}
