// Commands of the options page: finding feeds and previewing them (more join as the page gains them).
import { readSettings } from '../db/settings';
import type { ReaderDB } from '../db/schema';
import { discoverFeeds, previewFeed } from './discover';
import { badRequest } from './payload';
import type { Handlers } from './router';

/** Handlers of discover and preview-feed. */
export function optionsHandlers(db: ReaderDB): Pick<Handlers, 'discover' | 'preview-feed'> {
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
  };
}
