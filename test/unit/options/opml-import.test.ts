// Import OPML in the worker, then Export OPML from the page's reader: folders kept (matched by name in any
// case), duplicates skipped by name (already subscribed, or twice in the file), bad outlines reported by
// name, all or nothing, the imported feeds fetched afterwards; the export lists the same feeds in the same
// folders.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { ingestFeed } from '../../../src/background/ingest';
import { importOpml } from '../../../src/background/opml-import';
import { dispatch } from '../../../src/background/router';
import type { ReaderDB } from '../../../src/db/schema';
import { parseOpml } from '../../../src/opml/parse';
import { exportOpml } from '../../../src/pages/options/opml-export';
import { addFeedRow, entry, feed, freshDb, rss, startServer, type TestServer } from '../background/helpers';
import { resetPermissions } from '../ui/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/badge', () => ({ updateBadge: async () => undefined }));
// Offline pictures and Referer rules are the images code's, tested there.
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));

let db: ReaderDB;
let server: TestServer | undefined;
beforeEach(() => {
  resetPermissions();
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await server?.close();
  server = undefined;
});

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>From my old reader</title></head><body>
  <outline text="tech">
    <outline type="rss" text="Alpha" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/>
    <outline type="rss" text="Beta" xmlUrl="https://b.example/rss"/>
  </outline>
  <outline text="News">
    <outline type="rss" text="Gamma" xmlUrl="https://c.example/atom.xml"/>
    <outline type="rss" text="Already here" xmlUrl="https://dup.example/feed"/>
    <outline type="rss" text="No address"/>
  </outline>
  <outline type="rss" text="Epsilon" xmlUrl="https://e.example/index.xml"/>
  <outline type="rss" text="Alpha again" xmlUrl="https://a.example/feed"/>
  <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

async function library(): Promise<void> {
  await db.folders.add({ name: 'Tech', position: 0 });
  await addFeedRow(db, { url: 'https://dup.example/feed', title: 'Dup', customTitle: 'My dup' });
}

describe('import-opml', () => {
  it('stores the feeds in their folders, skipping duplicates and reporting bad outlines by name', async () => {
    await library();
    const report = await importOpml(db, FILE, 5_000);
    expect(report).toEqual({
      added: 4,
      feedIds: [2, 3, 4, 5],
      folders: 1,
      duplicates: ['Already here', 'Alpha again'],
      problems: [
        { name: 'No address', line: 10, code: 'no-address' },
        { name: 'Script', line: 14, code: 'bad-address' },
      ],
      ignored: 0,
    });
    expect(await db.folders.orderBy('position').toArray()).toEqual([
      { id: 1, name: 'Tech', position: 0 },
      { id: 2, name: 'News', position: 1 },
    ]);
    const feeds = await db.feeds.orderBy('id').toArray();
    // The outline's name is the user's name for the feed; its own title comes with the first poll.
    expect(feeds.map((row) => [row.title, row.customTitle, row.url, row.folderId, row.nextPollAt, row.addedAt])).toEqual([
      ['Dup', 'My dup', 'https://dup.example/feed', 0, 0, 0],
      ['', 'Alpha', 'https://a.example/feed', 1, 0, 5_000],
      ['', 'Beta', 'https://b.example/rss', 1, 0, 5_000],
      ['', 'Gamma', 'https://c.example/atom.xml', 2, 0, 5_000],
      ['', 'Epsilon', 'https://e.example/index.xml', 0, 0, 5_000],
    ]);
    expect(feeds[1]?.siteUrl).toBe('https://a.example/');
    expect(await db.feedCounts.count()).toBe(4);
  });

  it('exports the same feeds in the same folders, under the names the user sees', async () => {
    await library();
    await importOpml(db, FILE, 5_000);
    const exported = parseOpml(await exportOpml(db, 'Mirror Reader', 6_000));
    expect(exported.title).toBe('Mirror Reader');
    expect(exported.folders).toEqual(['Tech', 'News']);
    expect(exported.feeds).toEqual([
      { title: 'Alpha', xmlUrl: 'https://a.example/feed', htmlUrl: 'https://a.example/', folder: 'Tech' },
      { title: 'Beta', xmlUrl: 'https://b.example/rss', folder: 'Tech' },
      { title: 'Gamma', xmlUrl: 'https://c.example/atom.xml', folder: 'News' },
      { title: 'My dup', xmlUrl: 'https://dup.example/feed', folder: '' },
      { title: 'Epsilon', xmlUrl: 'https://e.example/index.xml', folder: '' },
    ]);
  });

  it('resumes a feed removed but kept for its starred entries, in the outline\'s folder, counted as added', async () => {
    await db.folders.add({ name: 'Tech', position: 0 });
    const kept = await addFeedRow(db, { url: 'https://a.example/feed', urls: ['https://a.example/feed', 'https://mirror.example/a'], title: 'Alpha own', paused: 1, pauseReason: 'removed', nextPollAt: 99_000 });
    const text = `<opml version="2.0"><body><outline text="Tech"><outline type="rss" text="Alpha" xmlUrl="https://a.example/feed"/></outline>
      <outline type="rss" text="Alpha's mirror" xmlUrl="https://mirror.example/a"/></body></opml>`;

    expect(await importOpml(db, text, 5_000)).toMatchObject({ added: 1, feedIds: [kept], duplicates: ["Alpha's mirror"] });
    const row = await db.feeds.get(kept);
    expect(row).toMatchObject({ paused: 0, nextPollAt: 0, folderId: 1, customTitle: 'Alpha', title: 'Alpha own' });
    expect(row).not.toHaveProperty('pauseReason');
    expect(await db.feeds.count()).toBe(1);
  });

  it('keeps the names the user gave feeds through export, import and the first poll', async () => {
    await addFeedRow(db, { url: 'https://a.example/feed', title: 'Alpha own', customTitle: 'My alpha' });
    await addFeedRow(db, { url: 'https://b.example/rss', title: 'Beta own' });
    const file = await exportOpml(db, 'Mirror Reader', 6_000);

    const other = freshDb();
    try {
      const { feedIds } = await importOpml(other, file, 7_000);
      await ingestFeed(other, feedIds[0]!, feed([entry('a1')], { title: 'Alpha own' }), {}, 8_000);
      await ingestFeed(other, feedIds[1]!, feed([entry('b1')], { title: 'Beta own' }), {}, 8_000);
      const rows = await other.feeds.orderBy('id').toArray();
      // A name that is only the feed's own title is no rename: the feed's later renames show.
      expect(rows.map((row) => [row.title, row.customTitle])).toEqual([
        ['Alpha own', 'My alpha'],
        ['Beta own', undefined],
      ]);
      await ingestFeed(other, feedIds[1]!, feed([entry('b1')], { title: 'Beta renamed' }), {}, 9_000);
      expect((await other.feeds.get(feedIds[1]!))?.title).toBe('Beta renamed');
      expect(parseOpml(await exportOpml(other, 'x')).feeds.map((row) => row.title)).toEqual(['My alpha', 'Beta renamed']);
    } finally {
      other.close();
    }
  });

  it('leaves out removed feeds kept for their starred entries', async () => {
    await addFeedRow(db, { url: 'https://kept.example/feed', paused: 1, pauseReason: 'removed' });
    await expect(exportOpml(db, 'x')).resolves.not.toContain('kept.example');
  });

  it('writes nothing when storing fails part way', async () => {
    await library();
    db.feeds.hook('creating', (_key, row) => {
      if (row.url === 'https://c.example/atom.xml') throw new Error('disk full');
    });
    await expect(importOpml(db, FILE)).rejects.toThrow('disk full');
    expect(await db.feeds.count()).toBe(1);
    expect(await db.folders.count()).toBe(1);
    expect(await db.feedCounts.count()).toBe(0);
  });

  it('refuses a file that is cut off, writing nothing', async () => {
    const reply = await dispatch(createHandlers(db), { type: 'import-opml', payload: { text: FILE.slice(0, 400) } });
    expect(reply).toEqual({ ok: false, error: { code: 'opml-cut-off' } });
    expect(await db.feeds.count()).toBe(0);
    expect(await db.folders.count()).toBe(0);
  });

  it('fetches the imported feeds right after the import', async () => {
    server = await startServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss(`Served ${req.url}`, ['1', '2'])));
    const text = `<opml version="1.0"><body><outline text="Folder"><outline type="rss" text="One" xmlUrl="${server.url('/one')}"/></outline>
      <outline type="rss" text="Two" xmlUrl="${server.url('/two')}"/></body></opml>`;
    const reply = await dispatch(createHandlers(db), { type: 'import-opml', payload: { text } });
    expect(reply).toMatchObject({ ok: true, value: { added: 2, folders: 1 } });
    await vi.waitFor(async () => expect((await db.feeds.orderBy('id').toArray()).map((row) => row.title)).toEqual(['Served /one', 'Served /two']), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await db.entries.count()).toBe(4));
  });
});
