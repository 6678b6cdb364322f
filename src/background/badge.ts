// The toolbar badge: how many entries are unread.
import browser from 'webextension-polyfill';
import type { ReaderDB } from '../db/schema';
import { unreadCount } from '../db/queries';

const BADGE_COLOR = '#1d4ed8';

/** The badge text for `count` unread entries: empty at 0, capped at 999+ so it fits the icon. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Recount the unread entries and show the number on the toolbar icon. */
export async function updateBadge(db: ReaderDB): Promise<void> {
  try {
    const text = badgeText(await unreadCount(db));
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await browser.action.setBadgeText({ text });
  } catch (error) {
    // A stale badge must never turn a command that worked into a failure.
    console.warn('[mirror-reader] could not update the badge', error);
  }
}
