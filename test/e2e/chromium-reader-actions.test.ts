// The reader's actions in real Chromium, end to end through the real worker and IndexedDB: star and unread,
// previous/next within the list it was opened from, reading settings remembered across reloads and tabs,
// scroll position remembered per entry, and the full article — served by the local server as a GBK page
// (the charset only in its <meta>), extracted, stored, and still there with the server gone.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyRow, FeedCountRow, SettingRow } from '../../src/db/model';
import { minutesAgo, rssRoute } from './support/fixtures';
import { eventually, readStore, startHarness, storedEntries, subscribe, type Harness } from './support/harness';

let h: Harness;
let reader: Page;
const ids: Record<string, number> = {};
const LONG = Array.from({ length: 80 }, (_, index) => `<p>Paragraph ${index + 1}: the tide tables, the pier and the harbour master's notes.</p>`).join('');

beforeAll(async () => {
  h = await startHarness({}, undefined, ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
  const site = h.server.origin;
  h.server.routes.set('/articles/interop.html', { body: readFileSync('test/fixtures/articles/cjk-short-gbk.html'), contentType: 'text/html' });
  h.server.routes.set(
    '/harbour.xml',
    rssRoute({
      title: 'Harbour Town Gazette',
      link: `${site}/`,
      items: [
        { guid: 'new', title: 'Newest: ferry timetable', link: `${site}/posts/new`, published: minutesAgo(10), html: '<p>Ferries run hourly.</p>' },
        { guid: 'cjk', title: '互联互通迈入深水区', link: `${site}/articles/interop.html`, published: minutesAgo(20), html: '<p>摘要：互联互通成为了业界关注的焦点。</p>' },
        { guid: 'long', title: 'Long read: the harbour year', link: `${site}/posts/long`, published: minutesAgo(30), html: LONG },
        { guid: 'old', title: 'Oldest: the lighthouse', link: `${site}/posts/old`, published: minutesAgo(40), html: '<p>Built in 1891.</p>' },
      ],
    }),
  );
  await subscribe(h, '/harbour.xml');
  for (const row of await storedEntries(h.control)) ids[row.key] = row.id;
});

afterAll(() => h?.close());

const title = () => reader.locator('h1').innerText();
const entry = async (key: string) => (await storedEntries(h.control)).find((row) => row.id === ids[key])!;
const theme = () => reader.evaluate(() => document.documentElement.dataset['theme'] ?? 'system');
const fontSize = () => reader.evaluate(() => getComputedStyle(document.querySelector('article')!).fontSize);

describe('reader actions', () => {
  it('walks the list it came from with j and k and the pager, skipping entries outside it', async () => {
    // Starred: the newest and the oldest only.
    await h.open('options');
    reader = await h.open('reader', `#entry=${ids['new']}&view=all`);
    await eventually(title).toBe('Newest: ferry timetable');
    await reader.getByRole('button', { name: 'Star' }).click();
    await eventually(async () => (await entry('new')).starred).toBe(1);
    await reader.keyboard.press('j');
    await eventually(title).toBe('互联互通迈入深水区');
    expect(reader.url()).toContain(`#entry=${ids['cjk']}&view=all`);
    await reader.keyboard.press('k');
    await eventually(title).toBe('Newest: ferry timetable');

    await reader.evaluate((id) => (location.hash = `#entry=${id}&view=all`), ids['old']);
    await eventually(title).toBe('Oldest: the lighthouse');
    await reader.keyboard.press('s');
    await eventually(async () => (await entry('old')).starred).toBe(1);
    await reader.evaluate((id) => (location.hash = `#entry=${id}&view=starred`), ids['old']);
    await eventually(() => reader.locator('.pager-previous .pager-title').innerText()).toBe('Newest: ferry timetable');
    await reader.locator('.pager-previous').click();
    await eventually(title).toBe('Newest: ferry timetable');
    await reader.keyboard.press('k');
    await eventually(() => reader.getByRole('status').innerText()).toBe('No more entries in this list in that direction.');
  });

  it('stars and marks unread: the worker stores both, the counts follow, the buttons say so', async () => {
    await reader.evaluate((id) => (location.hash = `#entry=${id}&view=unread`), ids['cjk']);
    await eventually(title).toBe('互联互通迈入深水区');
    await eventually(async () => (await entry('cjk')).read).toBe(1);
    const star = reader.getByRole('button', { name: 'Star' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await eventually(() => star.getAttribute('aria-pressed')).toBe('true');
    await reader.getByRole('button', { name: 'Mark as unread' }).click();
    await eventually(async () => (await entry('cjk')).read).toBe(0);
    await eventually(() => reader.getByRole('button', { name: 'Mark as read' }).count()).toBe(1);
    const [counts] = await readStore<FeedCountRow>(h.control, 'feedCounts');
    expect(counts).toMatchObject({ starred: 3, total: 4 });
  });

  it('loads the full article from a GBK page, without its comments, and keeps it with the server gone', async () => {
    await reader.getByRole('button', { name: 'Load full article' }).click();
    const content = reader.locator('article .entry-content');
    await eventually(() => content.innerText()).toContain('透过这些场景，我们看到，一场由外链引发的运动');
    expect(await content.innerText()).not.toContain('网友评论');
    expect(await reader.locator('.article-source').innerText()).toContain('Full article from 127.0.0.1');
    const body = (await readStore<BodyRow>(h.control, 'bodies')).find((row) => row.id === ids['cjk'])!;
    expect(body.article?.url).toBe(`${h.server.origin}/articles/interop.html`);
    expect(body.article?.html).toContain('一场由外链引发的运动');

    h.server.routes.delete('/articles/interop.html');
    await reader.reload();
    await eventually(() => content.innerText()).toContain('透过这些场景');
    await reader.keyboard.press('o');
    await eventually(() => content.innerText()).toBe('摘要：互联互通成为了业界关注的焦点。');
  });

  it('remembers the reading settings: after a reload, and in a new tab', async () => {
    expect(await fontSize()).toBe('18px');
    await reader.getByRole('button', { name: 'Reading settings' }).click();
    await reader.getByRole('button', { name: 'Larger text' }).click();
    await reader.getByRole('button', { name: 'Larger text' }).click();
    await reader.getByRole('radio', { name: 'Dark' }).check();
    await reader.getByRole('radio', { name: 'Serif', exact: true }).check();
    await reader.getByRole('radio', { name: 'Wide' }).check();
    await eventually(theme).toBe('dark');
    await eventually(fontSize).toBe('20px');
    const stored = Object.fromEntries((await readStore<SettingRow>(h.control, 'settings')).map((row) => [row.key, row.value]));
    expect(stored).toMatchObject({ readerFontSize: 20, theme: 'dark', readerFont: 'serif', readerWidth: 'wide' });

    await reader.reload();
    await eventually(title).toBe('互联互通迈入深水区');
    expect(await theme()).toBe('dark');
    await eventually(fontSize).toBe('20px');
    const other = await h.open('reader', `#entry=${ids['old']}&view=all`);
    expect(await other.evaluate(() => [document.documentElement.dataset['theme'], document.documentElement.dataset['readerFont'], document.documentElement.dataset['readerWidth']])).toEqual(['dark', 'serif', 'wide']);
    await other.close();
    await reader.keyboard.press('-');
    await eventually(fontSize).toBe('19px');
  });

  it('remembers where the user was in each entry', async () => {
    await reader.evaluate((id) => (location.hash = `#entry=${id}&view=all`), ids['long']);
    await eventually(title).toBe('Long read: the harbour year');
    const position = () => reader.evaluate(() => Math.round((window.scrollY / (document.documentElement.scrollHeight - window.innerHeight)) * 100));
    await eventually(() => reader.locator('article .entry-content').innerText()).toContain('Paragraph 80');
    // The reader puts a newly shown entry at its top once its body is in and the reading settings are read, a
    // render or two after the text shows: a scroll before that is undone, and forgotten. So: scroll to the middle
    // (again, when it was undone) until the position is kept, which takes the scroll event and a write 250 ms on.
    const kept = () => reader.evaluate((id) => (JSON.parse(localStorage.getItem('mirror-reader.scroll') ?? '[]') as [number, number][]).some(([entry]) => entry === id), ids['long']);
    await eventually(async () => {
      if ((await position()) !== 50) await reader.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * 0.5));
      return kept();
    }).toBe(true);
    expect(await position()).toBe(50);
    await reader.keyboard.press('j');
    await eventually(title).toBe('Oldest: the lighthouse');
    expect(await reader.evaluate(() => window.scrollY)).toBe(0);
    await reader.keyboard.press('k');
    await eventually(title).toBe('Long read: the harbour year');
    // Back at the middle, give or take a line: the page may lay out a few pixels differently the second time.
    await eventually(async () => Math.abs((await position()) - 50) <= 2).toBe(true);
  });
});
