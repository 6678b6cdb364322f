// One Chromium with the built extension and one feed server per test file, plus what the tests read from
// the extension: its pages, its IndexedDB (raw, from an extension page), its worker's badge, its commands.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { command, launchWithExtension, PAGES, type ExtensionBrowser } from '../../../scripts/chromium';
import { startFeedServer, type FeedServer, type Route } from '../../../scripts/feed-server';
import type { EntryRow, FeedRow } from '../../../src/db/schema';
import type { CommandName, Commands, Result } from '../../../src/shared/messages';

/** The Chromium build (`npm run build`); MIRROR_READER_DIST points elsewhere. */
export const DIST = resolve(process.env.MIRROR_READER_DIST ?? 'dist');

export { command, PAGES };

/** The Dexie database's name (src/db/schema.ts, `new ReaderDB()`). */
const DB_NAME = 'mirror-reader';

/** The browser APIs of an extension page or the worker, typed as far as these tests call them. */
type Chrome = {
  action: { getBadgeText(details: object): Promise<string> };
};

/** A browser with the extension, a feed server, and an extension page to send commands from. */
export interface Harness {
  ext: ExtensionBrowser;
  server: FeedServer;
  /** An options page kept open to send commands and read IndexedDB; never one of the pages under test. */
  control: Page;
  /** Open an extension page in a new tab and wait until it has rendered. */
  open(page: keyof typeof PAGES, hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Start a feed server with `routes` and a fresh Chromium profile with the extension loaded (English UI
 * unless `lang` says otherwise; `args`: extra Chromium switches). */
export async function startHarness(routes: Record<string, Route> = {}, lang?: string, args: string[] = []): Promise<Harness> {
  const server = await startFeedServer(routes);
  const ext = await launchWithExtension(DIST, { ...(lang === undefined ? {} : { lang }), args });
  const open = async (name: keyof typeof PAGES, hash = '') => {
    const page = await ext.context.newPage();
    await page.goto(ext.url(PAGES[name]) + hash);
    // Every page renders into #app; the popup is ready once its live count has a number.
    if (name === 'popup') await page.getByTestId('unread-count').filter({ hasText: /\d/ }).waitFor();
    else await page.locator('#app > *').first().waitFor();
    return page;
  };
  const control = await open('options');
  return {
    ext,
    server,
    control,
    open,
    close: async () => {
      // The browser first: its open connections would keep the server from closing.
      await ext.close();
      await server.close();
    },
  };
}

/** Subscribe through the worker (the options UI has its own test); fails the test unless it worked. */
export async function subscribe(h: Harness, path: string): Promise<{ feedId: number; title: string }> {
  const result = await command(h.control, 'subscribe', { url: h.server.origin + path });
  if (!result.ok) throw new Error(`subscribing to ${path} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Remove every subscription through the worker, so a test starts from an empty library. */
export async function unsubscribeAll(h: Harness): Promise<void> {
  for (const feed of await storedFeeds(h.control)) {
    const result = await command(h.control, 'unsubscribe', { feedId: feed.id });
    if (!result.ok) throw new Error(`removing feed ${feed.id} failed: ${JSON.stringify(result.error)}`);
  }
  expect(await storedEntries(h.control)).toEqual([]);
}

/** Every stored feed, read straight from IndexedDB. */
export function storedFeeds(page: Page): Promise<FeedRow[]> {
  return readStore<FeedRow>(page, 'feeds');
}

/** Every stored entry, read straight from IndexedDB, in id order. */
export function storedEntries(page: Page): Promise<EntryRow[]> {
  return readStore<EntryRow>(page, 'entries');
}

/** getAll() of one object store, without Dexie, from an extension page (same origin as the worker). */
export async function readStore<T>(page: Page, store: 'feeds' | 'entries' | 'bodies' | 'feedCounts' | 'settings' | 'folders' | 'images' | 'status' | 'tombstones'): Promise<T[]> {
  const rows = await page.evaluate(
    ({ name, store }) =>
      new Promise<unknown[]>((done, fail) => {
        const request = indexedDB.open(name);
        let created = false;
        // Not created by the worker yet: do not create it here (Dexie would then find a schema-less v1).
        request.onupgradeneeded = () => {
          created = true;
          request.transaction?.abort();
        };
        request.onerror = () => (created ? done([]) : fail(request.error));
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result);
          };
          all.onerror = () => fail(all.error);
        };
      }),
    { name: DB_NAME, store },
  );
  return rows as T[];
}

/** The toolbar badge's text, asked of the running worker (started again if it was stopped). */
export async function badgeText(h: Harness): Promise<string> {
  return (await currentWorker(h)).evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));
}

/** The extension's live service worker: after a stop, the one that started since. */
export async function currentWorker(h: Harness): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${h.ext.extensionId}/`);
  const running = h.ext.context.serviceWorkers().filter(ours).at(-1);
  return running ?? h.ext.context.waitForEvent('serviceworker', { predicate: ours });
}

/** The popup's entries as the user reads them: title, feed name and relative time of each row, top to bottom. */
export async function popupRows(popup: Page): Promise<{ title: string; feed: string; time: string }[]> {
  return popup.getByRole('list', { name: 'Unread entries' }).locator('li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.title')?.textContent ?? '',
      feed: item.querySelector('.feed')?.textContent ?? '',
      time: item.querySelector('time')?.textContent ?? '',
    })),
  );
}

/**
 * `expect.poll` with room for a busy 2-core machine: the worker fetches, stores, and every open page re-renders
 * from IndexedDB before the value settles (vitest's default gives up after one second).
 */
export function eventually<T>(value: () => T | Promise<T>) {
  return expect.poll(value, { timeout: 15_000, interval: 50 });
}

/** The number in the popup's header. */
export async function popupCount(popup: Page): Promise<string> {
  return popup.getByTestId('unread-count').innerText();
}

/** A localhost port nothing listens on: bound by us, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
