// Faults where the real browser matters: what Chromium tells of redirects (the Fetch API hides their statuses;
// webRequest names them), gzip, Retry-After honoured by the popup's Refresh, and 410 pausing a feed, each shown
// on the options page in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirect, retryAfter, statusRoute } from '../../scripts/fault-routes';
import type { FeedRow } from '../../src/db/model';
import { rssRoute, type Channel } from './support/fixtures';
import { closedPort, command, eventually, startHarness, storedFeeds, subscribe, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** A one-item feed titled `title`, as a route. */
function feedRoute(title: string, extra = {}) {
  const channel: Channel = { title, link: `${h.server.origin}/`, items: [{ guid: `${title}-1`, title: `${title} item`, link: `${h.server.origin}/${title}`, published: new Date('2025-01-06T10:00:00Z') }] };
  return rssRoute(channel, extra);
}

async function feedNamed(title: string): Promise<FeedRow> {
  const feed = (await storedFeeds(h.control)).find((row) => row.title === title);
  if (!feed) throw new Error(`no feed titled ${title}`);
  return feed;
}

const host = () => new URL(h.server.origin).host;

describe('redirects in Chromium', () => {
  it('subscribes to where a redirect ends, so subscribing to the target is the same feed', async () => {
    h.server.routes.set('/short.xml', redirect('/long/feed.xml', 301));
    h.server.routes.set('/long/feed.xml', feedRoute('Target'));

    await subscribe(h, '/short.xml');

    expect(await feedNamed('Target')).toMatchObject({ url: `${h.server.origin}/long/feed.xml`, urls: [`${h.server.origin}/long/feed.xml`] });
    expect(await command(h.control, 'subscribe', { url: `${h.server.origin}/long/feed.xml` })).toEqual({ ok: false, error: { code: 'duplicate', params: { title: 'Target' } } });
  });

  it('moves the stored address at once for a 308, which webRequest names, and never for a 302', async () => {
    h.server.routes.set('/perm.xml', feedRoute('Permanent'));
    h.server.routes.set('/temp.xml', feedRoute('Temporary'));
    await subscribe(h, '/perm.xml');
    await subscribe(h, '/temp.xml');
    h.server.routes.set('/perm.xml', redirect('/perm-new.xml', 308));
    h.server.routes.set('/perm-new.xml', feedRoute('Permanent'));
    h.server.routes.set('/temp.xml', redirect('/temp-new.xml', 302));
    h.server.routes.set('/temp-new.xml', feedRoute('Temporary'));

    expect(await command(h.control, 'refresh', {})).toMatchObject({ ok: true, value: { failed: 0 } });

    expect(await feedNamed('Permanent')).toMatchObject({ url: `${h.server.origin}/perm-new.xml`, urls: [`${h.server.origin}/perm-new.xml`], servedUrl: `${h.server.origin}/perm-new.xml` });
    // Remembered as temporary (count 0), so later polls watch its hops from the first request.
    expect(await feedNamed('Temporary')).toMatchObject({ url: `${h.server.origin}/temp.xml`, servedUrl: `${h.server.origin}/temp.xml`, redirectStreak: { from: `${h.server.origin}/temp.xml`, to: `${h.server.origin}/temp-new.xml`, count: 0 } });
    // Polled again, the temporary redirect still never moves it, and each poll asks once.
    const asked = h.server.hits.get('/temp.xml');
    await command(h.control, 'refresh', { feedId: (await feedNamed('Temporary')).id });
    expect(await feedNamed('Temporary')).toMatchObject({ url: `${h.server.origin}/temp.xml`, redirectStreak: { count: 0 } });
    expect(h.server.hits.get('/temp.xml')).toBe(asked! + 1);
  });

  it('ends a redirect loop with redirect-loop, and names the host a redirect leads to when that host is down', async () => {
    h.server.routes.set('/loop.xml', feedRoute('Looping'));
    h.server.routes.set('/detour.xml', feedRoute('Detour'));
    await subscribe(h, '/loop.xml');
    await subscribe(h, '/detour.xml');
    const dead = `127.0.0.1:${await closedPort()}`;
    h.server.routes.set('/loop.xml', redirect('/loop2.xml', 302));
    h.server.routes.set('/loop2.xml', redirect('/loop.xml', 302));
    h.server.routes.set('/detour.xml', redirect(`http://${dead}/feed.xml`, 302));

    await command(h.control, 'refresh', {});

    expect((await feedNamed('Looping')).lastError).toEqual({ code: 'redirect-loop', params: { host: host() } });
    expect((await feedNamed('Detour')).lastError).toEqual({ code: 'network', params: { host: dead } });
    const options = await h.open('options');
    await eventually(() => options.locator('.feed-row .state.problem').allInnerTexts()).toEqual(
      expect.arrayContaining([`Last update failed: ${host()} redirects in a loop, so the feed could not be reached.`, `Last update failed: Could not reach ${dead}. Check the address and your connection.`]),
    );
    await options.close();
  });
});

describe('servers in Chromium', () => {
  it('reads a gzip-encoded feed', async () => {
    h.server.routes.set('/packed.xml', feedRoute('Packed', { gzip: true }));
    await subscribe(h, '/packed.xml');
    expect(await feedNamed('Packed')).toMatchObject({ errorCount: 0, format: 'rss' });
  });

  it('the popup\'s Refresh does not ask a server that said to wait an hour; the options page says why', async () => {
    h.server.routes.set('/busy.xml', feedRoute('Busy'));
    await subscribe(h, '/busy.xml');
    h.server.routes.set('/busy.xml', retryAfter(429, '3600'));
    await command(h.control, 'refresh', {});
    const asked = h.server.hits.get('/busy.xml');
    // At least the hour asked for; a little more when the jittered backoff ends later.
    expect((await feedNamed('Busy')).lastError).toEqual({ code: 'rate-limited', params: { host: host(), status: 429, minutes: expect.toSatisfy((minutes: number) => minutes >= 60 && minutes <= 66) } });

    const popup = await h.open('popup');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await eventually(() => popup.getByRole('status').innerText()).toMatch(/^(Checked \d+ feeds?: |\d+ feeds? could not be updated\.)/);
    expect(h.server.hits.get('/busy.xml')).toBe(asked);
    expect(await command(h.control, 'refresh', { feedId: (await feedNamed('Busy')).id })).toMatchObject({ ok: false, error: { code: 'rate-limited', params: { status: 429 } } });
    expect(h.server.hits.get('/busy.xml')).toBe(asked);

    const options = await h.open('options');
    const minutes = (await feedNamed('Busy')).lastError?.params?.minutes;
    await eventually(() => options.locator('.feed-row .state.problem').allInnerTexts()).toContain(
      `Last update failed: ${host()} asked Mirror Reader to wait before asking again (HTTP 429). It asks again after ${minutes} min.`,
    );
    await Promise.all([popup.close(), options.close()]);
  });

  it('pauses a feed that answers 410 Gone: Refresh leaves it alone and the options page says it is gone', async () => {
    h.server.routes.set('/retired.xml', feedRoute('Retired'));
    await subscribe(h, '/retired.xml');
    h.server.routes.set('/retired.xml', statusRoute(410));
    await command(h.control, 'refresh', {});
    expect(await feedNamed('Retired')).toMatchObject({ paused: 1, pauseReason: 'gone', lastError: { code: 'gone', params: { host: host() } } });
    const asked = h.server.hits.get('/retired.xml');

    await command(h.control, 'refresh', {});
    expect(h.server.hits.get('/retired.xml')).toBe(asked);
    const options = await h.open('options');
    await eventually(() => options.locator('.feed-row .state.problem').allInnerTexts()).toContain(
      'Paused: the server says this feed is gone for good (HTTP 410). Resume it if it comes back.',
    );
    await options.close();
  });
});
