// Service worker entry. Listeners are registered synchronously at top level, so an event that wakes the
// worker finds them; all state lives in IndexedDB, nothing survives between wake-ups.
import browser from 'webextension-polyfill';
import { db } from '../db/schema';
import { ensurePollAlarm, POLL_ALARM } from './alarm';
import { updateBadge } from './badge';
import { createHandlers } from './handlers';
import { imagesAfterPolls, imagesAtStartup } from './image-hooks';
import { createRouter } from './router';
import { pollDueFeeds, refreshNow } from './scheduler';

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

browser.runtime.onInstalled.addListener(() => wake());
browser.runtime.onStartup.addListener(() => wake());

/** After install, update or browser start: the alarm exists and the badge is current. */
async function wake(): Promise<void> {
  await ensurePollAlarm();
  await updateBadge(db);
  await imagesAtStartup(db);
}
