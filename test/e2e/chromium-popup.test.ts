// The popup in real Chromium: Refresh fetches again, unread entries newest first across feeds with feed
// name and relative time, the count in the header and on the toolbar badge, no duplicates across polls,
// and GBK-encoded feeds shown as Chinese text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureBytes, postsOn, rssRoute, type Channel, type Item } from './support/fixtures';
import { badgeText, eventually, popupCount, popupRows, startHarness, storedEntries, subscribe, unsubscribeAll, type Harness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

beforeEach(() => unsubscribeAll(h));

/** A channel on the fixture server at `path`, with `items`. */
function publish(path: string, title: string, items: Item[]): Channel {
  const channel = { title, link: `${h.server.origin}/`, items };
  h.server.routes.set(path, rssRoute(channel));
  return channel;
}

/** Click Refresh and wait until `path` was fetched again and the popup shows `summary` (the same text twice in a row is possible). */
async function refresh(popup: Page, path: string, summary: string): Promise<void> {
  const fetched = h.server.hits.get(path) ?? 0;
  const button = popup.getByRole('button', { name: 'Refresh' });
  await button.click();
  await eventually(() => h.server.hits.get(path)).toBe(fetched + 1);
  await eventually(async () => ((await button.isEnabled()) ? popup.getByRole('status').innerText() : 'busy')).toBe(summary);
}

describe('popup', () => {
  it('refreshes, lists unread entries newest first with feed name and relative time, and counts them on the badge', async () => {
    const item = postsOn(h.server.origin);
    const gazette = publish('/gazette.xml', 'Harbour Town Gazette', [item('market', 'Night market returns to the harbour', 180), item('tide', 'Spring tides expected this weekend', 1500)]);
    publish('/weekly.xml', 'Open Source Weekly', [item('release', 'Release notes: version 4.2 is out', 2 * 1440 + 30)]);
    await subscribe(h, '/gazette.xml');
    await subscribe(h, '/weekly.xml');
    const popup = await h.open('popup');
    expect(await popupCount(popup)).toBe('3');
    // The badge follows the round's writes, after its reply.
    await eventually(() => badgeText(h)).toBe('3');

    // The feed gains an entry; only Refresh fetches it.
    gazette.items.unshift(item('ferry', 'Ferry timetable changes from Monday', 20));
    h.server.routes.set('/gazette.xml', rssRoute(gazette));
    await refresh(popup, '/gazette.xml', 'Checked 2 feeds: 1 new entry.');

    expect(await popupRows(popup)).toEqual([
      { title: 'Ferry timetable changes from Monday', feed: 'Harbour Town Gazette', time: '20 minutes ago' },
      { title: 'Night market returns to the harbour', feed: 'Harbour Town Gazette', time: '3 hours ago' },
      { title: 'Spring tides expected this weekend', feed: 'Harbour Town Gazette', time: 'yesterday' },
      { title: 'Release notes: version 4.2 is out', feed: 'Open Source Weekly', time: '2 days ago' },
    ]);
    expect(await popupCount(popup)).toBe('4');
    await eventually(() => badgeText(h)).toBe('4');

    await popup.getByRole('button', { name: 'Mark all read' }).click();
    await popup.getByText('No unread entries').waitFor();
    expect(await popupCount(popup)).toBe('0');
    await eventually(() => badgeText(h)).toBe('');
    await popup.close();
  });

  it('never stores an entry twice: two refreshes add nothing, one new item adds exactly one', async () => {
    const item = postsOn(h.server.origin);
    const feed = publish('/daily.xml', 'The Daily Ledger', [item('a', 'Council approves the new library', 60), item('b', 'Rail strike called off', 120), item('c', 'Weather: a dry week ahead', 240)]);
    await subscribe(h, '/daily.xml');
    const popup = await h.open('popup');
    const keys = async () => (await storedEntries(h.control)).map((entry) => entry.key).sort();
    expect(await keys()).toEqual(['a', 'b', 'c']);

    await refresh(popup, '/daily.xml', 'Checked 1 feed: 0 new entries.');
    await refresh(popup, '/daily.xml', 'Checked 1 feed: 0 new entries.');
    expect(await keys()).toEqual(['a', 'b', 'c']);
    expect(await popupCount(popup)).toBe('3');

    feed.items.unshift(item('d', 'Harbour bridge reopens', 5));
    h.server.routes.set('/daily.xml', rssRoute(feed));
    await refresh(popup, '/daily.xml', 'Checked 1 feed: 1 new entry.');
    expect(await keys()).toEqual(['a', 'b', 'c', 'd']);
    expect(await popupCount(popup)).toBe('4');
    expect((await popupRows(popup)).map((row) => row.title)).toEqual(['Harbour bridge reopens', 'Council approves the new library', 'Rail strike called off', 'Weather: a dry week ahead']);
    await popup.close();
  });

  // The fixture's bytes are GBK and its XML declaration says so; the second variant drops the declaration
  // and leaves the charset to the HTTP header.
  const gbk = fixtureBytes('encoding-gbk.xml');
  const declaration = Buffer.from(gbk).indexOf('?>') + 2;
  it.each([
    { served: 'declared in the XML, no charset header', body: gbk, contentType: 'application/rss+xml' },
    { served: 'only in the charset header', body: gbk.subarray(declaration), contentType: 'text/xml; charset=GBK' },
  ])('shows a GBK feed as Chinese text (encoding $served)', async ({ body, contentType }) => {
    h.server.routes.set('/gbk.xml', { body, contentType });
    const { title } = await subscribe(h, '/gbk.xml');
    expect(title).toBe('中文订阅源');
    const popup = await h.open('popup');
    expect(await popupRows(popup)).toEqual([{ title: '互联互通迈入深水区', feed: '中文订阅源', time: expect.any(String) }]);
    await popup.close();
  });
});
