// Feeds and folders in real Chromium: folders made on the page, feeds moved by pointer drag, by the Move to…
// menu and by the keyboard drag; a feed's own settings saved and a mirror tested; a feed with a starred
// entry removed while keeping it, then brought back by subscribing to its address again; and axe-core finds no
// serious or critical violation on the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedRow, FolderRow } from '../../src/db/model';
import { seriousViolations } from './support/axe';
import { minutesAgo, rssRoute } from './support/fixtures';
import { command, eventually, readStore, startHarness, storedEntries, storedFeeds, subscribe, type Harness } from './support/harness';

let h: Harness;
let options: Page;
const ids: Record<string, number> = {};

function channel(title: string, guid: string) {
  return rssRoute({ title, link: 'http://site.example/', items: [{ guid, title: `${title} post`, link: `http://site.example/${guid}`, published: minutesAgo(10) }] });
}

beforeAll(async () => {
  h = await startHarness({ '/alpha.xml': channel('Alpha', 'a'), '/beta.xml': channel('Beta', 'b'), '/gamma.xml': channel('Gamma', 'g'), '/mirror/alpha.xml': channel('Alpha', 'a') });
  for (const name of ['alpha', 'beta', 'gamma']) ids[name] = (await subscribe(h, `/${name}.xml`)).feedId;
  options = await h.open('options');
});

afterAll(() => h?.close());

/** Folder name → names of its feeds, as the page shows them. */
function groups(): Promise<[string, string[]][]> {
  return options.locator('section.folder').evaluateAll((sections) =>
    sections.map((section) => [section.querySelector('h3')?.firstChild?.textContent?.trim() ?? '', [...section.querySelectorAll('.feed-row .name')].map((name) => name.textContent ?? '')] as [string, string[]]),
  );
}

const folderOf = async (feedId: number) => (await storedFeeds(h.control)).find((feed) => feed.id === feedId)?.folderId;
const group = (name: string) => options.locator('section.folder').filter({ has: options.getByRole('heading', { name: new RegExp(`^${name} `) }) });

describe('feeds and folders', () => {
  it('leaves the bottom of the window to the page while the status line has nothing to say', async () => {
    // The first feed row scrolled down to the window's bottom edge: what is drawn on its last line is the row.
    const bottomLine = await options.evaluate(() => {
      const row = document.querySelector('.feed-row')!;
      row.scrollIntoView({ block: 'end' });
      const box = row.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 60, innerHeight - 4);
      return { rowAtBottom: Math.abs(box.bottom - innerHeight) < 2, drawnThere: hit?.closest('.feed-row, [role="status"]')?.className };
    });
    expect(bottomLine).toEqual({ rowAtBottom: true, drawnThere: 'feed-row' });
  });

  it('creates folders from the page', async () => {
    for (const name of ['Tech', 'News']) {
      await options.getByLabel('New folder').fill(name);
      await options.getByRole('button', { name: 'Create folder' }).click();
      await eventually(() => options.getByRole('status').innerText()).toBe(`Folder “${name}” created.`);
    }
    // Saying something, the status line stays in sight at the bottom of the window, wherever the page is scrolled.
    const status = await options.evaluate(() => {
      scrollTo(0, 0);
      const box = document.querySelector('[role="status"]')!.getBoundingClientRect();
      return { text: document.querySelector('[role="status"]')!.textContent, inSight: box.bottom <= innerHeight && box.top > innerHeight - 80 };
    });
    expect(status).toEqual({ text: 'Folder “News” created.', inSight: true });
    expect((await readStore<FolderRow>(h.control, 'folders')).map((folder) => folder.name)).toEqual(['Tech', 'News']);
    await eventually(groups).toEqual([
      ['Tech', []],
      ['News', []],
      ['Not in a folder', ['Alpha', 'Beta', 'Gamma']],
    ]);
  });

  it('moves a feed by dragging it onto a folder', async () => {
    await options.locator('.feed-row', { hasText: 'Alpha' }).locator('.feed-line').dragTo(group('Tech'));
    await eventually(() => folderOf(ids.alpha!)).toBe(1);
    await eventually(groups).toEqual([
      ['Tech', ['Alpha']],
      ['News', []],
      ['Not in a folder', ['Beta', 'Gamma']],
    ]);
  });

  it('moves a feed with its Move to… menu', async () => {
    await options.getByRole('button', { name: 'Move to… — Beta' }).click();
    await options.getByRole('menuitemradio', { name: 'News' }).click();
    await eventually(() => folderOf(ids.beta!)).toBe(2);
    await eventually(() => options.getByRole('status').innerText()).toBe('Beta moved to News.');
  });

  it('moves a feed with the keyboard alone: Space on its handle, arrows, Space', async () => {
    await options.getByRole('button', { name: 'Drag Gamma' }).focus();
    await options.keyboard.press('Space');
    await eventually(() => options.getByRole('status').innerText()).toBe('Picked up Gamma, in Not in a folder. Choose a folder with the arrow keys.');
    await options.keyboard.press('ArrowDown');
    await eventually(() => options.getByRole('status').innerText()).toBe('Over Tech.');
    await options.keyboard.press('Space');
    await eventually(() => folderOf(ids.gamma!)).toBe(1);
    await eventually(groups).toEqual([
      ['Tech', ['Alpha', 'Gamma']],
      ['News', ['Beta']],
      ['Not in a folder', []],
    ]);
  });

  it('saves a feed’s own settings and tests a mirror before adding it', async () => {
    await options.getByRole('button', { name: 'Settings of Alpha' }).click();
    const panel = options.getByRole('region', { name: 'Settings of Alpha' });
    await panel.getByLabel('Name').fill('Alpha (mine)');
    await panel.getByLabel('Check this feed').selectOption({ label: 'every 2 hours' });
    await panel.getByLabel('Time zone of its dates').fill('Asia/Shanghai');
    await panel.getByLabel('Notify me of new entries').check();
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => options.getByRole('status').innerText()).toBe('Settings of Alpha (mine) saved.');

    await panel.getByLabel('Add a mirror').fill(`${h.server.origin}/mirror/alpha.xml`);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByRole('button', { name: `Test ${h.server.origin}/mirror/alpha.xml` }).click();
    await eventually(() => panel.locator('.mirrors li').nth(1).locator('p').innerText()).toBe('Works: “Alpha”, 1 entry.');
    const alpha = (await storedFeeds(h.control)).find((feed) => feed.id === ids.alpha) as FeedRow;
    expect([alpha.customTitle, alpha.intervalMinutes, alpha.timeZone, alpha.notify, alpha.urls]).toEqual([
      'Alpha (mine)',
      120,
      'Asia/Shanghai',
      1,
      [`${h.server.origin}/alpha.xml`, `${h.server.origin}/mirror/alpha.xml`],
    ]);
    await panel.getByRole('button', { name: 'Pause updates' }).click();
    await eventually(async () => (await storedFeeds(h.control)).find((feed) => feed.id === ids.alpha)?.paused).toBe(1);
    await eventually(() => options.locator('.feed-row', { hasText: 'Alpha (mine)' }).locator('.state').innerText()).toBe('Paused');
  });

  it('has no serious or critical accessibility violation, with a folder, a settings panel and a menu open', async () => {
    await options.getByRole('button', { name: 'Move to… — Beta' }).click();
    await options.getByRole('menu').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
  });

  it('removes a feed but keeps its starred entry, listed under Removed feeds', async () => {
    const entry = (await storedEntries(h.control)).find((row) => row.feedId === ids.beta)!;
    expect(await command(h.control, 'set-starred', { entryIds: [entry.id], starred: true })).toEqual({ ok: true, value: { count: 1 } });
    await options.getByRole('button', { name: 'Remove Beta' }).click();
    await options.getByText('Remove “Beta”? It has 1 starred entry.').waitFor();
    await options.getByRole('button', { name: 'Remove, keep the starred entries' }).click();
    await eventually(() => options.getByRole('status').innerText()).toBe('Removed Beta; its 1 starred entry is kept.');
    await options.getByRole('region', { name: 'Removed feeds' }).getByText('Keeps 1 starred entry').waitFor();
    expect((await storedEntries(h.control)).filter((row) => row.feedId === ids.beta).map((row) => [row.id, row.starred])).toEqual([[entry.id, 1]]);
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('brings the removed feed back when its address is subscribed to again, with its starred entry', async () => {
    h.server.routes.set('/beta.xml', rssRoute({ title: 'Beta', link: 'http://site.example/', items: [{ guid: 'b', title: 'Beta post', link: 'http://site.example/b', published: minutesAgo(10) }, { guid: 'b2', title: 'Beta news', link: 'http://site.example/b2', published: minutesAgo(1) }] }));
    await options.getByLabel('Feed or page URL').fill(`${h.server.origin}/beta.xml`);
    await options.getByRole('button', { name: 'Find feeds', exact: true }).click();
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await eventually(() => options.getByRole('status').innerText()).toBe('Subscribed to Beta again.');
    await options.getByRole('region', { name: 'Removed feeds' }).waitFor({ state: 'detached' });
    const beta = (await storedFeeds(h.control)).filter((feed) => feed.url === `${h.server.origin}/beta.xml`);
    expect(beta.map((feed) => [feed.id, feed.paused, feed.pauseReason])).toEqual([[ids.beta, 0, undefined]]);
    // Polled at once: the new entry is stored beside the kept one, which is still starred.
    await eventually(async () => (await storedEntries(h.control)).filter((row) => row.feedId === ids.beta).map((row) => [row.title, row.starred])).toEqual([
      ['Beta post', 1],
      ['Beta news', 0],
    ]);
    await eventually(() => options.locator('.feed-row', { hasText: 'Beta' }).locator('.hint').innerText()).toBe('2 unread · 1 starred · 2 entries');
  });
});
