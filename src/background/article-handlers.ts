// Commands of "Load full article": fetch the entry's original page for the reader to extract (Readability
// needs a DOM, which the worker has not), then store what the reader extracted, so it stays readable offline.
import type { ReaderDB } from '../db/schema';
import { httpUrl } from '../shared/url';
import { ARTICLE_MAX_BYTES, fetchArticlePage } from './article-fetch';
import { CommandError } from './errors';
import { imagesAfterArticle } from './image-hooks';
import { badRequest, rowId } from './payload';
import type { Handlers } from './router';

/** Handlers of fetch-article and save-article. */
export function articleHandlers(db: ReaderDB, now: () => number = Date.now): Pick<Handlers, 'fetch-article' | 'save-article'> {
  return {
    async 'fetch-article'({ entryId }) {
      const entry = await db.entries.get(rowId(entryId, 'fetch-article', 'entryId'));
      if (!entry) throw new CommandError('entry-gone');
      const url = entry.url ? httpUrl(entry.url) : undefined;
      if (!url) throw badRequest('fetch-article', 'entryId');
      return fetchArticlePage(url);
    },
    async 'save-article'({ entryId, html, url }) {
      const id = rowId(entryId, 'save-article', 'entryId');
      // Extracted articles are smaller than their pages; a bigger one is not what the reader sends.
      if (typeof html !== 'string' || html.length > ARTICLE_MAX_BYTES) throw badRequest('save-article', 'html');
      const address = typeof url === 'string' ? httpUrl(url) : undefined;
      if (!address) throw badRequest('save-article', 'url');
      const stored = await db.transaction('rw', db.entries, db.bodies, async () => {
        if (!(await db.entries.get(id))) return false;
        if ((await db.bodies.update(id, { article: { html, url: address, fetchedAt: now() } })) !== 1) return false;
        // Search finds the entry by the article's words too: its segment is indexed again.
        await db.entries.update(id, { searchStale: 1 });
        return true;
      });
      if (!stored) throw new CommandError('entry-gone');
      // A starred entry keeps its article's pictures offline too.
      imagesAfterArticle(db);
      return null;
    },
  };
}
