// A feed's state in words, from what the worker stored: paused (by the user, or since its server said 410
// Gone), failing (its last error in the user's language), or when it was last updated.
import type { FeedRow } from '../../db/model';
import { t, uiLocale } from '../../ui/i18n';
import { relativeTime } from '../../ui/time';
import { errorText } from '../../ui/user-error';

/** How a feed is doing; `problem` marks the states shown as a warning. */
export interface FeedStatus {
  text: string;
  problem: boolean;
}

/** The one line under a feed's name. */
export function feedStatus(feed: FeedRow, now: number = Date.now()): FeedStatus {
  if (feed.paused === 1 && feed.pauseReason === 'gone') return { text: t('statusGone'), problem: true };
  if (feed.paused === 1) return { text: t('statusPaused'), problem: false };
  if (feed.lastError) return { text: t('feedLastError', errorText(feed.lastError)), problem: true };
  if (feed.lastFetchedAt) return { text: t('feedUpdated', relativeTime(feed.lastFetchedAt, now, uiLocale())), problem: false };
  return { text: t('feedNeverUpdated'), problem: false };
}

/** A time for the details list: relative, with the full date as its title. */
export function when(at: number | undefined, now: number = Date.now()): { text: string; full?: string } {
  if (at === undefined || at <= 0) return { text: t('never') };
  return { text: relativeTime(at, now, uiLocale()), full: new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at) };
}
