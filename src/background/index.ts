// Service worker entry. Listeners are registered synchronously at top level, so an event that wakes the
// worker finds them; all state lives in IndexedDB, nothing survives between wake-ups. Every start ensures the
// alarm exists (browsers may drop alarms on update) and resumes a round a stopped worker left unfinished.
import browser from 'webextension-polyfill';
import { db } from '../db/schema';
import { ensurePollAlarm, POLL_ALARM } from './alarm';
import { updateBadge } from './badge';
import { createHandlers } from './handlers';
import { imagesAtStartup } from './image-hooks';
import { openFromNotification } from './notifications';
import { requestPersistence } from './quota';
import { createRouter } from './router';
import { caught } from './worker-errors';
import { schedulerFor } from './worker-scheduler';

const scheduler = schedulerFor(db);

browser.runtime.onMessage.addListener(createRouter(createHandlers(db), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM) return caught(db, () => scheduler.onAlarm());
  return undefined;
});

// Access to websites given back (options banner, browser settings): feeds that failed for lack of it would
// otherwise wait out their error backoff, up to a day.
browser.permissions.onAdded.addListener(() => caught(db, async () => {
  await scheduler.refresh();
  await updateBadge(db);
}));

browser.notifications?.onClicked.addListener((id) => caught(db, () => openFromNotification(id)));

browser.runtime.onInstalled.addListener(() => caught(db, () => Promise.all([updateBadge(db), requestPersistence(db), imagesAtStartup(db)])));
browser.runtime.onStartup.addListener(() => caught(db, () => Promise.all([updateBadge(db), imagesAtStartup(db)])));

void caught(db, () => Promise.all([ensurePollAlarm(), scheduler.resume()]));
