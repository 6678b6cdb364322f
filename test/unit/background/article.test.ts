// "Load full article" in the worker: fetch-article fetches the entry's original page over real HTTP and decodes
// it (header charset, else <meta charset>: GBK and Shift_JIS pages read right), refuses what is not a page;
// save-article stores the extracted article in the body row, a later feed update keeps it, and search finds it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, entry, feed, freshDb, startServer, type TestServer } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
const offline = vi.hoisted(() => ({ imagesAfterArticle: vi.fn() }));
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterArticle: offline.imagesAfterArticle }));

const { articleHandlers } = await import('../../../src/background/article-handlers');
const { metaCharset, withCharset } = await import('../../../src/background/article-fetch');
const { ingestFeed } = await import('../../../src/background/ingest');
const { setHostAccess } = await import('../ui/fake-browser');
const { updateSearchIndex } = await import('../../../src/search/indexer');
const { searchEntries } = await import('../../../src/search/search');

/** 中文 in GBK, 日本 in Shift_JIS: bytes that are not UTF-8. */
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
const SJIS_NIHON = [0x93, 0xfa, 0x96, 0x7b];

function page(head: string, bodyBytes: number[]): Buffer {
  return Buffer.concat([Buffer.from(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`), Buffer.from(bodyBytes), Buffer.from('</p></body></html>')]);
}

let server: TestServer;
let db: ReaderDB;
let ids: Record<string, number>;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const routes: Record<string, [string, Buffer | string, number?]> = {
      '/gbk': ['text/html', page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', GBK_ZHONGWEN)],
      '/sjis': ['text/html', page('<meta charset="shift_jis">', SJIS_NIHON)],
      '/header': ['text/html; charset=gbk', page('', GBK_ZHONGWEN)],
      '/pdf': ['application/pdf', '%PDF-1.4'],
      '/gone': ['text/html', 'gone', 404],
      '/moved': ['text/html', '', 301],
    };
    const [type, body, status = 200] = routes[req.url ?? ''] ?? ['text/plain', 'no', 404];
    res.writeHead(status, status === 301 ? { location: '/gbk' } : { 'content-type': type }).end(body);
  });
});
afterAll(() => server.close());

beforeEach(async () => {
  vi.clearAllMocks();
  setHostAccess(true);
  db = freshDb();
  const feedId = await addFeedRow(db);
  const paths = ['gbk', 'sjis', 'header', 'pdf', 'gone', 'moved'];
  await ingestFeed(db, feedId, feed([...paths.map((path) => entry(path, { url: server.url(`/${path}`), contentHtml: '<p>summary</p>' })), entry('nolink')]), {}, 1);
  ids = Object.fromEntries((await db.entries.toArray()).map((row) => [row.key, row.id]));
});
afterEach(() => db.close());

describe('fetch-article', () => {
  it.each([
    ['gbk', '中文', '<meta http-equiv> names gb2312'],
    ['sjis', '日本', '<meta charset> names shift_jis'],
    ['header', '中文', 'the Content-Type header names gbk'],
  ])('decodes the %s page (%s): %s', async (key, text) => {
    const page = await articleHandlers(db)['fetch-article']({ entryId: ids[key]! });
    expect(page.html).toContain(`<p>${text}</p>`);
    expect(page.url).toBe(server.url(`/${key}`));
  });

  it('follows a redirect and reports where the page came from', async () => {
    expect((await articleHandlers(db)['fetch-article']({ entryId: ids['moved']! })).url).toBe(server.url('/gbk'));
  });

  it.each([
    ['pdf', { code: 'not-html', params: { type: 'application/pdf' } }],
    ['gone', { code: 'http', params: { status: 404 } }],
    ['nolink', { code: 'bad-request', params: { command: 'fetch-article', field: 'entryId' } }],
  ])('refuses the %s entry with a coded error', async (key, error) => {
    await expect(articleHandlers(db)['fetch-article']({ entryId: ids[key]! })).rejects.toMatchObject(error);
  });

  it('asks for site access first and fetches nothing without it', async () => {
    setHostAccess(false);
    const before = server.requests.length;
    await expect(articleHandlers(db)['fetch-article']({ entryId: ids['gbk']! })).rejects.toMatchObject({ code: 'page-no-access', params: { host: new URL(server.url('/')).host } });
    expect(server.requests.length).toBe(before);
  });

  it('says an entry that was removed is gone', async () => {
    await expect(articleHandlers(db)['fetch-article']({ entryId: 9999 })).rejects.toMatchObject({ code: 'entry-gone' });
  });
});

describe('save-article', () => {
  it('stores the article in the body row, and a feed update keeps it', async () => {
    const id = ids['gbk']!;
    await articleHandlers(db, () => 42)['save-article']({ entryId: id, html: '<p>Full text</p>', url: 'https://site.example/post' });
    expect((await db.bodies.get(id))?.article).toEqual({ html: '<p>Full text</p>', url: 'https://site.example/post', fetchedAt: 42 });
    expect(offline.imagesAfterArticle).toHaveBeenCalledWith(db);

    const feedId = (await db.entries.get(id))!.feedId;
    await ingestFeed(db, feedId, feed([entry('gbk', { url: server.url('/gbk'), contentHtml: '<p>summary, edited</p>' })]), {}, 2);
    const body = await db.bodies.get(id);
    expect(body?.contentHtml).toBe('<p>summary, edited</p>');
    expect(body?.article?.html).toBe('<p>Full text</p>');
  });

  it('makes the entry findable by the article\'s words, before and after the indexer runs', async () => {
    const id = ids['sjis']!;
    await updateSearchIndex(db);
    expect(await searchEntries('flabbergasted', db)).toEqual([]);
    await articleHandlers(db)['save-article']({ entryId: id, html: '<p>A <b>flabbergasted</b> 读者 wrote in.</p>', url: 'https://site.example/post' });
    expect(await db.entries.where('searchStale').equals(1).primaryKeys()).toEqual([id]);
    expect(await searchEntries('flabbergasted', db)).toEqual([id]);
    await updateSearchIndex(db);
    expect(await db.entries.where('searchStale').equals(1).count()).toBe(0);
    expect(await searchEntries('flabbergasted', db)).toEqual([id]);
    expect(await searchEntries('读者', db)).toEqual([id]);
  });

  it.each([
    [{ html: 5 as unknown as string, url: 'https://a.example/' }, 'html'],
    [{ html: 'x'.repeat(5 * 1024 * 1024 + 1), url: 'https://a.example/' }, 'html'],
    [{ html: '<p>x</p>', url: 'javascript:alert(1)' }, 'url'],
  ])('refuses a bad payload (%#)', async (payload, field) => {
    await expect(articleHandlers(db)['save-article']({ entryId: ids['gbk']!, ...payload })).rejects.toMatchObject({ code: 'bad-request', params: { field } });
    expect((await db.bodies.get(ids['gbk']!))?.article).toBeUndefined();
  });

  it('says an entry removed meanwhile is gone, writing nothing', async () => {
    await expect(articleHandlers(db)['save-article']({ entryId: 9999, html: '<p>x</p>', url: 'https://a.example/' })).rejects.toMatchObject({ code: 'entry-gone' });
    expect(await db.bodies.get(9999)).toBeUndefined();
  });
});

describe('charset of a page', () => {
  it('prefers the header, then the page’s meta, else leaves the type as it was', () => {
    const meta = new TextEncoder().encode('<html><head><META CHARSET=\'Big5\'></head>');
    expect(metaCharset(meta)).toBe('big5');
    expect(withCharset('text/html; charset=utf-8', meta)).toBe('text/html; charset=utf-8');
    expect(withCharset('text/html', meta)).toBe('text/html; charset=big5');
    expect(withCharset(undefined, new TextEncoder().encode('<p>none</p>'))).toBeUndefined();
  });
});
