// One notification per round of the new entries of feeds whose notifications are on (off by default, per feed:
// FeedRow.notify), in the language picked in the options page (worker-language.ts). Clicking it opens the popup
// where the browser allows that from a notification, else the newest of those entries in the reader.
// Notifications are an optional permission the options page asks for when a feed's are turned on: without
// it (never granted, refused, withdrawn later) a round shows nothing, and that is not an error.
import browser from 'webextension-polyfill';
import { feedDisplayTitle } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { RoundStatus } from '../db/status';
import { t, tPlural } from '../ui/i18n';
import { openReaderTab } from './reader-tab';
import { workerLanguage } from './worker-language';

/** Notification ids are this prefix and the entry the click opens. */
export const NOTIFICATION_PREFIX = 'new-entries:';
/** Feeds named in the message; the rest are counted. */
const LISTED_FEEDS = 3;

/** The notification's title and message for `counts` (feed name → new entries), most first, in t()'s language. */
export function notificationText(counts: readonly [string, number][]): { title: string; message: string } {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  const lines = sorted.slice(0, LISTED_FEEDS).map(([title, count]) => t('notifyFeedLine', title, count));
  if (sorted.length > LISTED_FEEDS) lines.push(tPlural('notifyMoreFeeds', sorted.length - LISTED_FEEDS));
  return { title: tPlural('notifyTitle', total), message: lines.join('\n') };
}

/** True when the user allowed notifications and the browser offers their API (it appears once granted). */
export async function notificationsAllowed(): Promise<boolean> {
  return (await browser.permissions.contains({ permissions: ['notifications'] })) && browser.notifications !== undefined;
}

/** Show the round's notification, replacing the previous one; nothing when no such feed got entries, or
 * when notifications are not allowed. */
export async function notifyRound(db: ReaderDB, round: RoundStatus): Promise<void> {
  const ids = Object.keys(round.notify).map(Number);
  if (ids.length === 0 || round.notifyEntryId === undefined || !(await notificationsAllowed())) return;
  const feeds = await db.feeds.bulkGet(ids);
  const counts = ids.flatMap((id, index): [string, number][] => {
    const feed = feeds[index];
    return feed && feed.notify === 1 ? [[feedDisplayTitle(feed), round.notify[id] ?? 0]] : [];
  });
  if (counts.length === 0) return;
  await workerLanguage(db);
  for (const id of Object.keys(await browser.notifications.getAll())) if (id.startsWith(NOTIFICATION_PREFIX)) await browser.notifications.clear(id);
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${round.notifyEntryId}`, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), ...notificationText(counts) });
}

/** A click on one of our notifications: the popup, or else the newest new entry in the reader. */
export async function openFromNotification(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Firefox opens the popup only from a user action on the toolbar; Chrome needs a focused window.
  }
  await openReaderTab(Number(notificationId.slice(NOTIFICATION_PREFIX.length)), { kind: 'unread' });
}
