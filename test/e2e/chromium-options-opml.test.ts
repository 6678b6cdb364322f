// Import OPML and Export OPML in real Chromium: a file with folders, a feed already subscribed, a duplicate
// and broken outlines is chosen in the "Import OPML" file input; the report names what was skipped and
// refused, the feeds are stored in their folders and then fetched from the local server; Export OPML
// downloads the same feeds in the same folders.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderRow } from '../../src/db/model';
import { parseOpml } from '../../src/opml/parse';
import { minutesAgo, rssRoute } from './support/fixtures';
import { eventually, readStore, startHarness, storedEntries, storedFeeds, subscribe, type Harness } from './support/harness';

let h: Harness;
let options: Page;
const dir = mkdtempSync(join(tmpdir(), 'mirror-reader-opml-'));

/** A feed served on the test server, titled as its own document says. */
function channel(title: string, guid: string) {
  return rssRoute({ title, link: 'http://site.example/', items: [{ guid, title: `${title}: first post`, link: `http://site.example/${guid}`, published: minutesAgo(30) }] });
}

beforeAll(async () => {
  h = await startHarness({
    '/alpha.xml': channel('Alpha Weekly', 'a'),
    '/beta.xml': channel('Beta Daily', 'b'),
    '/gamma.xml': channel('Gamma News', 'g'),
    '/epsilon.xml': channel('Epsilon Notes', 'e'),
    '/dup.xml': channel('Already Here', 'd'),
  });
  await subscribe(h, '/dup.xml');
  options = await h.open('options');
});

afterAll(() => h?.close());

describe('Import OPML, then Export OPML', () => {
  it('imports the feeds into their folders, skipping the duplicates and naming each broken outline', async () => {
    const site = h.server.origin;
    const file = join(dir, 'from-another-reader.opml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My subscriptions</title></head><body>
  <outline text="Tech" title="Tech">
    <outline type="rss" text="Alpha" xmlUrl="${site}/alpha.xml" htmlUrl="http://site.example/"/>
    <outline type="rss" text="Beta" xmlUrl="${site}/beta.xml"/>
  </outline>
  <outline text="News">
    <outline type="rss" text="Gamma" xmlUrl="${site}/gamma.xml"/>
    <outline type="rss" text="Old copy of Already Here" xmlUrl="${site}/dup.xml"/>
    <outline type="rss" text="Broken, no address"/>
  </outline>
  <outline type="rss" text="Epsilon" xmlUrl="${site}/epsilon.xml"/>
  <outline type="rss" text="Alpha twice" xmlUrl="${site}/alpha.xml"/>
  <outline type="rss" text="Not a web address" xmlUrl="ftp://files.example/feed.xml"/>
</body></opml>
`,
    );
    await options.getByLabel('Import OPML').setInputFiles(file);

    const report = options.getByRole('region', { name: 'Imported from from-another-reader.opml' });
    await report.waitFor();
    expect(await report.locator('p, li').allInnerTexts()).toEqual([
      'Added 4 feeds and 2 new folders.',
      'Skipped 2 feeds already subscribed: Old copy of Already Here, Alpha twice.',
      '2 outlines could not be imported.',
      '“Broken, no address” (line 10): it has no feed address.',
      '“Not a web address” (line 14): its feed address is not a web address.',
    ]);
    await eventually(() => options.getByRole('status').innerText()).toBe('Imported 4 feeds.');

    const folders = await readStore<FolderRow>(h.control, 'folders');
    expect(folders.map((folder) => [folder.id, folder.name])).toEqual([
      [1, 'Tech'],
      [2, 'News'],
    ]);
    // Stored at once, then fetched: each feed gets its own title, with its entry, and keeps the file's name
    // for it as the user's (the name the other reader showed).
    await eventually(async () => (await storedFeeds(h.control)).map((feed) => [feed.url.slice(site.length), feed.title, feed.customTitle, feed.folderId])).toEqual([
      ['/dup.xml', 'Already Here', undefined, 0],
      ['/alpha.xml', 'Alpha Weekly', 'Alpha', 1],
      ['/beta.xml', 'Beta Daily', 'Beta', 1],
      ['/gamma.xml', 'Gamma News', 'Gamma', 2],
      ['/epsilon.xml', 'Epsilon Notes', 'Epsilon', 0],
    ]);
    await eventually(async () => (await storedEntries(h.control)).length).toBe(5);
    // The list follows within a second (it reads at most once a second while the import's round writes).
    await eventually(() => options.locator('section.folder').evaluateAll((sections) => sections.map((section) => [section.querySelector('h3')?.textContent, [...section.querySelectorAll('.feed-row .name')].map((name) => name.textContent)]))).toEqual([
      ['Tech (2)', ['Alpha', 'Beta']],
      ['News (1)', ['Gamma']],
      ['Not in a folder (2)', ['Already Here', 'Epsilon']],
    ]);
  });

  it('exports the same feeds in the same folders', async () => {
    const site = h.server.origin;
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export OPML' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mirror-reader-\d{4}-\d{2}-\d{2}\.opml$/);
    const exported = parseOpml(readFileSync((await file.path())!, 'utf8'));
    expect(exported.title).toBe('Mirror Reader subscriptions');
    expect(exported.folders).toEqual(['Tech', 'News']);
    expect(exported.feeds.map((feed) => [feed.folder, feed.title, feed.xmlUrl.slice(site.length)])).toEqual([
      ['Tech', 'Alpha', '/alpha.xml'],
      ['Tech', 'Beta', '/beta.xml'],
      ['News', 'Gamma', '/gamma.xml'],
      ['', 'Already Here', '/dup.xml'],
      ['', 'Epsilon', '/epsilon.xml'],
    ]);
  });

  it('refuses a file cut off before its end and imports nothing from it', async () => {
    const file = join(dir, 'cut.opml');
    writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Zeta" xmlUrl="${h.server.origin}/zeta.xml"/>`);
    await options.getByLabel('Import OPML').setInputFiles(file);
    await eventually(() => options.locator('.imports [role=alert]').innerText()).toBe(
      'That OPML file is cut off before its end, so some of its feeds are missing. Nothing was imported: export it again from your other reader.',
    );
    expect(await storedFeeds(h.control)).toHaveLength(5);
  });
});
