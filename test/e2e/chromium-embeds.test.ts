// Video players in the reader, in real Chromium: YouTube refuses to play without a Referer ("Error 153") and
// Chromium sends none from extension pages, so the worker's declarativeNetRequest rule sends the player's own
// origin; the other players get none. The player hosts are mapped by --host-resolver-rules to a local HTTPS
// server that records the Referer each frame request brought; a web page embedding the same player keeps its
// own Referer, which proves the rule is scoped to the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesAgo, rssRoute } from './support/fixtures';
import { eventually, PAGES, startHarness, storedEntries, subscribe, type Harness } from './support/harness';
import { playerHostRules, startPlayerServer, type PlayerServer } from './support/player-server';

let player: PlayerServer;
let h: Harness;

beforeAll(async () => {
  player = await startPlayerServer();
  h = await startHarness({}, undefined, [playerHostRules(['www.youtube-nocookie.com', 'player.vimeo.com'], player.port), '--ignore-certificate-errors']);
  h.server.routes.set(
    '/videos.xml',
    rssRoute({
      title: 'Video Notes',
      link: `${h.server.origin}/`,
      items: [
        {
          guid: 'two-players',
          title: 'Two players',
          link: `${h.server.origin}/posts/two-players`,
          published: minutesAgo(5),
          html: '<p>Watch these.</p><iframe src="https://www.youtube.com/embed/abcDEF12345"></iframe><iframe src="https://player.vimeo.com/video/76979871"></iframe><p>The end.</p>',
        },
      ],
    }),
  );
  // A web page the user might visit, embedding the same player.
  h.server.routes.set('/blog.html', { body: '<!doctype html><title>Blog</title><iframe src="https://www.youtube-nocookie.com/embed/fromTheWeb1"></iframe>', contentType: 'text/html; charset=utf-8' });
  await subscribe(h, '/videos.xml');
});

afterAll(async () => {
  await h?.close();
  await player?.close();
});

/** The first request the players received for `path`. */
const received = (path: string) => player.requests.find((request) => request.path.startsWith(path));

describe('video players in the reader', () => {
  it('sends YouTube its own origin as Referer, and Vimeo none', async () => {
    const entry = (await storedEntries(h.control)).find((row) => row.title === 'Two players')!;
    const reader = await h.ext.context.newPage();
    await reader.goto(h.ext.url(PAGES.reader) + `#entry=${entry.id}`);
    const frames = reader.locator('article iframe');
    await eventually(() => frames.count()).toBe(2);
    // The frames load lazily: bring each into view.
    for (const frame of await frames.all()) await frame.scrollIntoViewIfNeeded();

    await eventually(() => received('/embed/abcDEF12345')).toEqual({ host: 'www.youtube-nocookie.com', path: '/embed/abcDEF12345', referer: 'https://www.youtube-nocookie.com/', dest: 'iframe' });
    await eventually(() => received('/video/76979871')).toEqual({ host: 'player.vimeo.com', path: '/video/76979871?dnt=1', dest: 'iframe' });
    await reader.close();
  });

  it('leaves the Referer of a web page that embeds the same player alone', async () => {
    const page = await h.ext.context.newPage();
    await page.goto(`${h.server.origin}/blog.html`);
    await eventually(() => received('/embed/fromTheWeb1')).toEqual({ host: 'www.youtube-nocookie.com', path: '/embed/fromTheWeb1', referer: `${h.server.origin}/`, dest: 'iframe' });
    await page.close();
  });
});
