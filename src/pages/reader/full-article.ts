// "Load full article", the page's half: the worker fetches the original page (fetch-article), the page finds
// its article with Readability (loaded only when first needed) and has the worker store it (save-article),
// after which the body row carries it and the reader shows it — offline too. The feed's text stays a click away.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BodyRow, StoredArticle } from '../../db/model';
import { appError, type AppError } from '../../shared/errors';
import { command } from '../../ui/send';

/** Where a load stands. */
export type ArticleLoad = { phase: 'idle' } | { phase: 'loading' } | { phase: 'failed'; error: AppError };

/** What the reader shows and can do for the current entry's full article. */
export interface FullArticle {
  /** The stored article when it is the one shown. */
  shown: StoredArticle | undefined;
  stored: boolean;
  load: ArticleLoad;
  /** Load the article, or switch between it and the feed's text once it is stored. */
  toggle(): void;
  /** Fetch and extract the page again. */
  reload(): void;
}

/** Fetch, extract and store the article of entry `entryId`; the error to show when that fails. */
export async function loadFullArticle(entryId: number): Promise<AppError | undefined> {
  const page = await command('fetch-article', { entryId });
  if (!page.ok) return page.error;
  const { extractArticle } = await import('../../ui/readability');
  const article = extractArticle(page.value.html, page.value.url);
  if (!article) return appError('no-article');
  const saved = await command('save-article', { entryId, html: article.html, url: page.value.url });
  return saved.ok ? undefined : saved.error;
}

/** The full-article state of entry `entryId` with body `body` (undefined while the body loads). */
export function useFullArticle(entryId: number, body: BodyRow | undefined): FullArticle {
  const [preferFeed, setPreferFeed] = useState(false);
  const [load, setLoad] = useState<ArticleLoad>({ phase: 'idle' });
  const current = useRef(entryId);
  current.current = entryId;

  useEffect(() => {
    setPreferFeed(false);
    setLoad({ phase: 'idle' });
  }, [entryId]);

  const run = () => {
    if (load.phase === 'loading') return;
    const id = entryId;
    setLoad({ phase: 'loading' });
    void loadFullArticle(id).then((error) => {
      // The user may have moved on meanwhile: the article is stored all the same, only this view's state is stale.
      if (current.current !== id) return;
      setLoad(error ? { phase: 'failed', error } : { phase: 'idle' });
      if (!error) setPreferFeed(false);
    });
  };

  const stored = body?.article !== undefined;
  return {
    shown: stored && !preferFeed ? body.article : undefined,
    stored,
    load,
    toggle: () => (stored ? setPreferFeed((feed) => !feed) : run()),
    reload: run,
  };
}
