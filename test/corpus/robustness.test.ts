// Every file under feedvalidator/, rss-parser/ and sample-feeds/ gives a ParsedFeed or a FeedError:
// no other exception. A hang fails on the suite's timeout.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../src/feeds/index';
import { CORPORA, HAVE_CORPORA, filesUnder } from './corpora';

describe.skipIf(!HAVE_CORPORA)('robustness on real and broken feeds', () => {
  it('parses or refuses with a FeedError, for every file', () => {
    const files = ['feedvalidator', 'rss-parser', 'sample-feeds'].flatMap((dir) => filesUnder(join(CORPORA, dir)));
    expect(files.length).toBeGreaterThan(1500);
    const crashes: string[] = [];
    const outcome = { parsed: 0, refused: 0, entries: 0 };
    for (const file of files) {
      try {
        const feed = parseFeed(new Uint8Array(readFileSync(file)), { url: 'https://example.com/feed' });
        outcome.parsed++;
        outcome.entries += feed.entries.length;
        for (const entry of feed.entries) {
          if (typeof entry.id !== 'string' || entry.id === '') crashes.push(`${relative(CORPORA, file)}: entry without id`);
          if (Number.isNaN(entry.publishedAt) || Number.isNaN(entry.updatedAt)) crashes.push(`${relative(CORPORA, file)}: NaN date`);
        }
      } catch (error) {
        if (error instanceof FeedError) outcome.refused++;
        else crashes.push(`${relative(CORPORA, file)}: ${String(error)}`);
      }
    }
    console.log(`robustness: ${files.length} files, ${outcome.parsed} parsed (${outcome.entries} entries), ${outcome.refused} refused with FeedError, ${crashes.length} crashes`);
    expect(crashes).toEqual([]);
  });
});
