// Commands of the options page that bring feeds in: finding and previewing feeds, importing OPML and record
// files, restoring a backup. Imports store first and reply; the new feeds are polled right after.
import { readSettings } from '../db/settings';
import type { ReaderDB } from '../db/schema';
import { updateBadge } from './badge';
import { restoreBackup } from './backup';
import { discoverFeeds, previewFeed } from './discover';
import { imagesAfterPolls, imagesAfterSettings, imagesAfterStarring } from './image-hooks';
import { importOpml } from './opml-import';
import { badRequest } from './payload';
import { importRecord } from './record-import';
import type { Handlers } from './router';
import { pollDueNow } from './worker-scheduler';

type Names = 'discover' | 'preview-feed' | 'import-opml' | 'import-record' | 'restore-backup';

/** Handlers of discover, preview-feed, import-opml, import-record and restore-backup. */
export function optionsHandlers(db: ReaderDB): Pick<Handlers, Names> {
  return {
    async discover({ url }) {
      if (typeof url !== 'string') throw badRequest('discover', 'url');
      const { rsshubUrl } = await readSettings(db);
      return { candidates: await discoverFeeds(url, rsshubUrl) };
    },
    async 'preview-feed'({ url }) {
      if (typeof url !== 'string') throw badRequest('preview-feed', 'url');
      return previewFeed(url);
    },
    async 'import-opml'({ text }) {
      if (typeof text !== 'string') throw badRequest('import-opml', 'text');
      const report = await importOpml(db, text);
      // A round of the due feeds (the imported ones) starts; its end updates the badge and the offline pictures.
      if (report.added > 0) pollDueNow(db, 'import-opml');
      return report;
    },
    async 'import-record'({ text }) {
      if (typeof text !== 'string') throw badRequest('import-record', 'text');
      const imported = await importRecord(db, text);
      await updateBadge(db);
      imagesAfterPolls(db);
      return imported;
    },
    async 'restore-backup'({ backup }) {
      const { report, settings } = await restoreBackup(db, backup);
      await updateBadge(db);
      // Restored: the Referer rules and offline pictures follow the settings and stars the backup brought.
      await imagesAfterSettings(db, settings).catch((error: unknown) => console.error('[mirror-reader] images after restore', error));
      imagesAfterStarring(db);
      if (report.feedsAdded > 0) pollDueNow(db, 'restore-backup');
      return report;
    },
  };
}
