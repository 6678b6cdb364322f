// axe-core over the extension's pages in real Chromium, each in the states a user sees: the popup with
// entries, a search, the feeds a page offers and a failing feed; the reader with an article; the options
// page. No serious or critical violation is allowed (the options engineer's options-specific states are in
// their own tests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { htmlPage, postsOn, rssRoute } from './support/fixtures';
import { currentWorker, eventually, startHarness, storedEntries, subscribe, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const post = postsOn(h.server.origin);
  h.server.routes.set('/news.xml', rssRoute({ title: 'Harbour News', link: `${h.server.origin}/`, items: [{ ...post('a', 'Ferry timetable changes', 20), html: '<p>From Monday the <b>ferry</b> leaves earlier.</p>' }, post('b', 'Night market returns', 90)] }));
  h.server.routes.set('/broken.xml', rssRoute({ title: 'Broken Weekly', link: `${h.server.origin}/`, items: [post('c', 'Last issue', 300)] }));
  h.server.routes.set('/page.html', htmlPage('Harbour Blog', [{ href: '/other.xml', type: 'application/atom+xml', title: 'Harbour Blog' }]));
  await subscribe(h, '/news.xml');
  await subscribe(h, '/broken.xml');
  h.server.routes.set('/broken.xml', { body: 'down', contentType: 'text/plain', status: 500 });
});
afterAll(() => h?.close());

describe('accessibility (axe-core)', () => {
  it('finds nothing serious in the popup: the list, a search, the feeds of a page and a failing feed', async () => {
    const site = await h.ext.context.newPage();
    await site.goto(`${h.server.origin}/page.html`);
    const worker = await currentWorker(h);
    const tabId = await worker.evaluate(async (url) => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome.tabs.query({ url }))[0]!.id, `${h.server.origin}/page.html`);
    const popup = await h.open('popup', `#tab=${tabId}`);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.getByText("1 feed can't be updated").click();
    await popup.getByRole('heading', { name: 'Feeds on this page' }).waitFor();
    await popup.locator('.entries li .title').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search' }).fill('ferry');
    await eventually(() => popup.locator('ul[aria-label="Search results"] li .title').allInnerTexts()).toEqual(['Ferry timetable changes']);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await site.close();
  });

  it('finds nothing serious in the reader and the options page', async () => {
    const entry = (await storedEntries(h.control)).find((row) => row.key === 'a')!;
    const reader = await h.open('reader', `#entry=${entry.id}`);
    await reader.getByRole('heading', { name: 'Ferry timetable changes' }).waitFor();
    expect(await seriousViolations(reader)).toEqual([]);
    expect(await seriousViolations(h.control)).toEqual([]);
    await reader.close();
  });
});
