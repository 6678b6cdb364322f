// Export OPML: the subscriptions (not the removed feeds kept for their starred entries) under the names the
// user sees, each in its folder, in the user's folder order. Read through Dexie; the page downloads it.
import { feedDisplayTitle } from '../../db/model';
import type { ReaderDB } from '../../db/schema';
import type { OpmlFeed } from '../../opml/model';
import { serializeOpml } from '../../opml/serialize';

/** The OPML document of the library's subscriptions; `title` names the list in its head. */
export async function exportOpml(db: ReaderDB, title: string, now: number = Date.now()): Promise<string> {
  const [folders, feeds] = await db.transaction('r', db.folders, db.feeds, () => Promise.all([db.folders.orderBy('position').toArray(), db.feeds.orderBy('id').toArray()]));
  const names = new Map(folders.map((folder) => [folder.id, folder.name]));
  const listed: OpmlFeed[] = feeds
    .filter((feed) => feed.pauseReason !== 'removed')
    .map((feed) => {
      const entry: OpmlFeed = { title: feedDisplayTitle(feed), xmlUrl: feed.url, folder: names.get(feed.folderId) ?? '' };
      if (feed.siteUrl) entry.htmlUrl = feed.siteUrl;
      return entry;
    });
  return serializeOpml({ title, createdAt: now, folders: folders.map((folder) => folder.name), feeds: listed });
}
