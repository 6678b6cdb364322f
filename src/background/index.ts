// Service worker entry. Listeners are registered synchronously at top level, so an event that wakes the
// worker finds them; all state lives in IndexedDB, nothing survives between wake-ups. Every start ensures the
// alarm exists (browsers may drop alarms on update) and resumes a round a stopped worker left unfinished.
import browser from 'webextension-polyfill';
import { db } from '../db/schema';
import { ensurePollAlarm, POLL_ALARM } from './alarm';
import { updateBadge } from './badge';
import { createMenus, onMenuClick } from './context-menu';
import { installEmbedRules } from './embed-rules';
import { createHandlers } from './handlers';
import { imagesAtStartup } from './image-hooks';
import { openFromNotification } from './notifications';
import { markTab } from './page-feeds';
import { requestPersistence } from './quota';
import { createRouter } from './router';
import { caught } from './worker-errors';
import { schedulerFor } from './worker-scheduler';
import { watchSearchIndex } from '../search/watch';

const scheduler = schedulerFor(db);

browser.runtime.onMessage.addListener(createRouter(createHandlers(db), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM) return caught(db, () => scheduler.onAlarm());
  return undefined;
});

// Notifications are an optional permission: their API exists only once the user allowed them, which may
// happen while this worker runs (then the listener is added from permissions.onAdded).
let hearingClicks = false;
function hearNotificationClicks(): void {
  if (hearingClicks || !browser.notifications) return;
  browser.notifications.onClicked.addListener((id) => caught(db, () => openFromNotification(id)));
  hearingClicks = true;
}
hearNotificationClicks();

// Access to websites given back (options banner, browser settings): feeds that failed for lack of it would
// otherwise wait out their error backoff, up to a day. Notifications allowed: nothing to poll for.
browser.permissions.onAdded.addListener((added) => {
  hearNotificationClicks();
  if (!added.origins?.length) return undefined;
  return caught(db, async () => {
    await scheduler.refresh();
    await updateBadge(db);
  });
});

// The search index follows the entries from every wake-up on (and backfills after an upgrade); an extension
// call between segments keeps Chromium from stopping the worker during a long backfill.
watchSearchIndex(db, async () => void (await browser.runtime.getPlatformInfo()));

// A page that finished loading may advertise a feed: the tab's toolbar icon says so.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') void markTab(db, tabId);
});
browser.contextMenus.onClicked.addListener((info) => caught(db, () => onMenuClick(info)));

// Context menu items outlive the worker: they are made at install and browser start.
browser.runtime.onInstalled.addListener(() => caught(db, () => Promise.all([updateBadge(db), requestPersistence(db), imagesAtStartup(db), createMenus(), installEmbedRules()])));
browser.runtime.onStartup.addListener(() => caught(db, () => Promise.all([updateBadge(db), imagesAtStartup(db), createMenus(), installEmbedRules()])));

void caught(db, () => Promise.all([ensurePollAlarm(), scheduler.resume()]));
