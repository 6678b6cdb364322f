// New-entry notifications: off by default, per feed; one per round summarising, in the language picked in the
// options page; nothing (and no error) while the optional permission is missing; a click opens the popup, or
// the newest new entry in the reader when the browser will not open the popup.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { notifyRound, openFromNotification } from '../../../src/background/notifications';
import { afterRound } from '../../../src/background/round-end';
import { caught } from '../../../src/background/worker-errors';
import type { ReaderDB } from '../../../src/db/schema';
import type { RoundStatus } from '../../../src/db/status';
import { applyLanguage } from '../../../src/ui/i18n';
import { fakeBrowser, fakeNotifications, resetNotifications, resetPermissions, setApiPermission, shownNotifications } from '../ui/fake-browser';
import { freshDb, rss } from './helpers';
import { feedAt, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
let server: FeedServer;
beforeEach(async () => {
  resetPermissions();
  setApiPermission('notifications', true);
  resetNotifications();
  db = freshDb();
  server = await startFeedServer({}, 0, (url) => ({ body: rss(url.pathname.slice(1, -4), ['1', '2', '3'].map((n) => `${url.pathname}-${n}`)), contentType: 'application/rss+xml' }));
});
afterEach(async () => {
  db.close();
  await server.close();
  await applyLanguage(undefined);
  vi.unstubAllGlobals();
});

function round(notify: Record<string, number>, notifyEntryId?: number): RoundStatus {
  return { key: 'round', startedAt: NOW, finishedAt: NOW, total: 3, done: 3, added: 9, failed: 0, notify, ...(notifyEntryId === undefined ? {} : { notifyEntryId }) };
}

describe('notifications of new entries', () => {
  it('are off by default: a round of feeds that did not ask for them shows none', async () => {
    await feedAt(db, `${server.origin}/quiet.xml`);
    const { scheduler } = testScheduler(db, { afterRound: (finished) => afterRound(db, finished, NOW) });

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 3, failed: 0 });
    await scheduler.idle();
    expect(fakeNotifications.create).not.toHaveBeenCalled();
  });

  it('summarise one round in one notification naming the feeds that asked for them', async () => {
    const loud = await feedAt(db, `${server.origin}/Loud.xml`, { notify: 1, title: 'Loud News' });
    await feedAt(db, `${server.origin}/quiet.xml`);
    const { scheduler } = testScheduler(db, { afterRound: (finished) => afterRound(db, finished, NOW) });

    await scheduler.refresh();
    await scheduler.idle();

    const newest = (await db.entries.filter((row) => row.feedId === loud).primaryKeys()).sort((a, b) => b - a)[0];
    expect([...shownNotifications()]).toEqual([[`new-entries:${newest}`, { type: 'basic', iconUrl: 'chrome-extension://fake-id/icons/icon-128.png', title: '3 new entries', message: 'Loud: 3' }]]);
  });

  it('list at most three feeds, most entries first, and count the rest; a new one replaces the last', async () => {
    const ids = await Promise.all(['A', 'B', 'C', 'D'].map((name) => feedAt(db, `${server.origin}/${name}.xml`, { notify: 1, title: `Feed ${name}` })));
    await notifyRound(db, round({}, 1));
    expect(shownNotifications().size).toBe(0);

    await notifyRound(db, round({ [ids[0]!]: 1, [ids[1]!]: 5, [ids[2]!]: 2, [ids[3]!]: 1 }, 41));
    await notifyRound(db, round({ [ids[0]!]: 1, [ids[1]!]: 5, [ids[2]!]: 2, [ids[3]!]: 1 }, 42));

    expect([...shownNotifications()]).toEqual([['new-entries:42', expect.objectContaining({ title: '9 new entries', message: 'Feed B: 5\nFeed C: 2\nFeed A: 1\n1 more feed' })]]);
  });

  it('show nothing, cleanly, while the user has not allowed them (an optional permission)', async () => {
    setApiPermission('notifications', false);
    await feedAt(db, `${server.origin}/Loud.xml`, { notify: 1, title: 'Loud News' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { scheduler } = testScheduler(db, { afterRound: (finished) => afterRound(db, finished, NOW) });

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 3, failed: 0 });
    await scheduler.idle();

    expect(fakeNotifications.create).not.toHaveBeenCalled();
    expect(fakeNotifications.getAll).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(await db.status.get('worker')).toBeUndefined();
    warn.mockRestore();

    // Allowed later, while the worker runs: the next round's entries are announced.
    setApiPermission('notifications', true);
    await notifyRound(db, round({ [(await db.feeds.toCollection().primaryKeys())[0]!]: 3 }, 7));
    expect([...shownNotifications().keys()]).toEqual(['new-entries:7']);
  });

  it('speak the language picked in the options page, following a change made while the worker runs', async () => {
    // What the extension serves at chrome-extension://<id>/_locales/…: the checked-in files.
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`public/${new URL(url).pathname.slice(1)}`, 'utf8'), { status: 200 }));
    const ids = await Promise.all(['A', 'B', 'C', 'D'].map((name) => feedAt(db, `${server.origin}/${name}.xml`, { notify: 1, title: `Feed ${name}` })));
    const counts = { [ids[0]!]: 1, [ids[1]!]: 5, [ids[2]!]: 2, [ids[3]!]: 1 };
    const shown = () => [...shownNotifications().values()].map(({ title, message }) => ({ title, message }));

    await db.settings.put({ key: 'language', value: 'zh_CN' });
    await notifyRound(db, round(counts, 1));
    expect(shown()).toEqual([{ title: '新文章：9 篇', message: 'Feed B：5 篇\nFeed C：2 篇\nFeed A：1 篇\n另有 1 个订阅源' }]);

    await db.settings.put({ key: 'language', value: 'browser' });
    await notifyRound(db, round(counts, 2));
    expect(shown()).toEqual([{ title: '9 new entries', message: 'Feed B: 5\nFeed C: 2\nFeed A: 1\n1 more feed' }]);

    await db.settings.put({ key: 'language', value: 'zh_CN' });
    await notifyRound(db, round({ [ids[3]!]: 2 }, 3));
    expect(shown()).toEqual([{ title: '新文章：2 篇', message: 'Feed D：2 篇' }]);
  });

  it('open the popup when clicked, or else the newest new entry in the reader', async () => {
    await openFromNotification('new-entries:42');
    expect(fakeBrowser.action.openPopup).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();

    fakeBrowser.action.openPopup.mockRejectedValueOnce(new Error('openPopup requires a user gesture'));
    await openFromNotification('new-entries:42');
    expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://fake-id/src/pages/reader/index.html#entry=42&view=unread', active: true });

    await openFromNotification('someone-else');
    expect(fakeBrowser.action.openPopup).toHaveBeenCalledTimes(2);
  });
});

describe('listener errors', () => {
  it('are caught and recorded for the pages, never left unhandled', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await caught(db, async () => Promise.reject(new TypeError('alarms is undefined')), () => NOW);

    expect(await db.status.get('worker')).toEqual({ key: 'worker', error: { code: 'internal', params: { detail: 'TypeError: alarms is undefined' } }, at: NOW });
    log.mockRestore();
  });
});
