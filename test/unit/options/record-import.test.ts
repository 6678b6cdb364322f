// Import a mirroring job's record file (seed 000): its article goes into the feed the record names, with
// its CDN image map, once; other JSON is refused with a reason and nothing stored.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { importRecord } from '../../../src/background/record-import';
import { dispatch } from '../../../src/background/router';
import type { ReaderDB } from '../../../src/db/schema';
import { CORPORA } from '../../corpus/corpora';
import { addFeedRow, freshDb } from '../background/helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/badge', () => ({ updateBadge: async () => undefined }));
// Offline pictures and Referer rules are the images code's, tested there.
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));

/** ../shared/seeds/000: one article of cnnic's blog, three images (two with CDN copies, one without). */
const SEED_FILE = join(CORPORA, '..', 'seeds', '000_82cd27bd64ef1596.txt');
const SEED = existsSync(SEED_FILE) ? readFileSync(SEED_FILE, 'utf8') : '';
const FEED_URL = 'http://blog.sina.com.cn/rss/cnnic2008.xml';

let db: ReaderDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe.skipIf(SEED === '')('import-record (../shared/seeds/000)', () => {
  it('subscribes to the feed the record names and stores its article with the CDN map', async () => {
    const now = Date.UTC(2024, 5, 1);
    expect(await importRecord(db, SEED, now)).toEqual({ feedId: 1, title: 'cnnic互联网发展研究', added: 1, updated: 0 });
    const feed = await db.feeds.get(1);
    // Polled on its schedule (30 minutes by default), not at once: the record already holds its entries.
    expect(feed).toMatchObject({ url: FEED_URL, urls: [FEED_URL], title: 'cnnic互联网发展研究', format: 'mirror-record', nextPollAt: now + 30 * 60_000 });
    const [entry] = await db.entries.toArray();
    expect(entry).toMatchObject({ key: '41ed8577c7861a94938dbba698f5556f', title: '即时通信差异化更加明显，连接能力进一步提升', publishedAt: Date.UTC(2018, 1, 8, 6, 33, 9), read: 0 });
    expect((await db.bodies.get(entry!.id))?.imageMap).toEqual({
      'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png': 'https://cdn.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
      'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg': null,
      'http://simg.sinajs.cn/blog7style/images/special/1265.gif': 'https://cdn.jsdelivr.net/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp',
    });
    expect(await db.feedCounts.get(1)).toEqual({ feedId: 1, unread: 1, starred: 0, total: 1 });
  });

  it('adds nothing the second time, and joins a feed already subscribed at that address', async () => {
    const id = await addFeedRow(db, { url: 'https://mirror.example/cnnic.json', urls: ['https://mirror.example/cnnic.json', FEED_URL] });
    expect(await importRecord(db, SEED)).toMatchObject({ feedId: id, added: 1 });
    expect(await importRecord(db, SEED)).toMatchObject({ feedId: id, added: 0, updated: 0 });
    expect(await db.feeds.count()).toBe(1);
    expect(await db.entries.count()).toBe(1);
  });

  it('refuses a file that is not a record, or not JSON, storing nothing', async () => {
    const send = (text: string) => dispatch(createHandlers(db), { type: 'import-record', payload: { text } });
    expect(await send('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}')).toEqual({ ok: false, error: { code: 'not-a-record' } });
    expect(await send('{"toInsertArticleList":[],"feed":{"name":"no address"}}')).toEqual({ ok: false, error: { code: 'not-a-record' } });
    expect(await send('{ not json')).toEqual({ ok: false, error: { code: 'malformed-json' } });
    expect(await db.feeds.count()).toBe(0);
  });
});
