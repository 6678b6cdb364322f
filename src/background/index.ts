// Service worker entry. Listeners are registered synchronously at top level, so an event that wakes the
// worker finds them; all state lives in IndexedDB, nothing survives between wake-ups.
import browser from 'webextension-polyfill';
import { db } from '../db/schema';
import { ensurePollAlarm, POLL_ALARM } from './alarm';
import { updateBadge } from './badge';
import { createMenus, onMenuClick } from './context-menu';
import { createHandlers } from './handlers';
import { imagesAfterPolls, imagesAtStartup } from './image-hooks';
import { markTab } from './page-feeds';
import { createRouter } from './router';
import { pollDueFeeds, refreshNow } from './scheduler';
import { watchSearchIndex } from '../search/watch';

browser.runtime.onMessage.addListener(createRouter(createHandlers(db), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }));

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== POLL_ALARM) return;
  await pollDueFeeds(db);
  await updateBadge(db);
  imagesAfterPolls(db);
});

// Access to websites given back (options banner, browser settings): feeds that failed for lack of it would
// otherwise wait out their error backoff, up to a day.
browser.permissions.onAdded.addListener(async () => {
  await refreshNow(db);
  await updateBadge(db);
});

// The search index follows the entries from every wake-up on (and backfills after an upgrade); an extension
// call between segments keeps Chromium from stopping the worker during a long backfill.
watchSearchIndex(db, async () => void (await browser.runtime.getPlatformInfo()));

// A page that finished loading may advertise a feed: the tab's toolbar icon says so.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') void markTab(db, tabId);
});
browser.contextMenus.onClicked.addListener((info) => void onMenuClick(info));

browser.runtime.onInstalled.addListener(() => wake());
browser.runtime.onStartup.addListener(() => wake());

/** After install, update or browser start: the alarm exists and the badge is current. */
async function wake(): Promise<void> {
  await createMenus();
  await ensurePollAlarm();
  await updateBadge(db);
  await imagesAtStartup(db);
}
