// Import OPML: the file's feeds are stored first, in ONE transaction (all of them or, on any failure, none),
// each in its folder (an existing folder of the same name, any case, or a new one); addresses already
// subscribed — or listed twice in the file — are skipped by name, except a feed removed but kept for its
// starred entries, which is resumed; outlines that are not usable feeds are reported by name. The outline's
// name is stored as the user's name for the feed. Nothing is fetched to import: the new and resumed feeds
// are due at once and the worker polls them.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { OpmlError, type OpmlImportReport } from '../opml/model';
import { parseOpml } from '../opml/parse';
import { CommandError } from './errors';
import { folderNamed } from './folders';
import { RESUMED } from './poll-state';

/** Import the OPML document `text`; throws CommandError for a file that is not a subscription list. */
export async function importOpml(db: ReaderDB, text: string, now: number = Date.now()): Promise<OpmlImportReport> {
  let list;
  try {
    list = parseOpml(text);
  } catch (error) {
    if (error instanceof OpmlError) throw new CommandError(error.code);
    throw error;
  }
  return db.transaction('rw', [db.feeds, db.folders, db.feedCounts], async () => {
    // Every address the library holds → its feed; `seen` is what this import already used.
    const owners = new Map((await db.feeds.toArray()).flatMap((feed) => feed.urls.concat(feed.url).map((url) => [url, feed] as const)));
    const seen = new Set<string>();
    const folderIds = new Map<string, number>();
    let lastPosition = (await db.folders.orderBy('position').last())?.position ?? -1;
    let foldersAdded = 0;
    const folderFor = async (name: string): Promise<number> => {
      if (name === '') return 0;
      const known = folderIds.get(name.toLocaleLowerCase()) ?? (await folderNamed(db, name))?.id;
      if (known !== undefined) return known;
      const id = await db.folders.add({ name, position: ++lastPosition });
      foldersAdded++;
      folderIds.set(name.toLocaleLowerCase(), id);
      return id;
    };

    const report: OpmlImportReport = { added: 0, feedIds: [], folders: 0, duplicates: [], problems: list.problems, ignored: list.ignored };
    for (const feed of list.feeds) {
      const existing = owners.get(feed.xmlUrl);
      if (seen.has(feed.xmlUrl) || (existing && existing.pauseReason !== 'removed')) {
        report.duplicates.push(feed.title || feed.xmlUrl);
        continue;
      }
      seen.add(feed.xmlUrl);
      // The outline's name is the one the user gave the feed (ours exports it so); the feed's own title comes
      // with its first poll, which drops the name again if it is the same (ingest.ts).
      const named: Partial<FeedRow> = feed.title ? { customTitle: feed.title } : {};
      const folderId = await folderFor(feed.folder);
      if (existing) {
        // A feed removed but kept for its starred entries: the file lists it, so it is resumed, like subscribing.
        for (const url of existing.urls.concat(existing.url)) seen.add(url);
        await db.feeds.update(existing.id, { ...RESUMED, folderId, ...named });
        report.feedIds.push(existing.id);
        continue;
      }
      const row: Omit<FeedRow, 'id'> = {
        url: feed.xmlUrl,
        urls: [feed.xmlUrl],
        title: '',
        ...named,
        folderId,
        paused: 0,
        notify: 0,
        addedAt: now,
        errorCount: 0,
        // Due now: the worker fetches it on its next look (started right after this import).
        nextPollAt: 0,
      };
      if (feed.htmlUrl) row.siteUrl = feed.htmlUrl;
      const feedId = await db.feeds.add(row as FeedRow);
      await db.feedCounts.add({ feedId, unread: 0, starred: 0, total: 0 });
      report.feedIds.push(feedId);
    }
    report.added = report.feedIds.length;
    report.folders = foldersAdded;
    return report;
  });
}

