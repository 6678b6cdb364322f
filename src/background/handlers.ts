// What each command does, composed from one handler group per concern. Payloads are checked in each handler
// (src/background/payload.ts); every reply is a native Promise (router.ts).
import type { ReaderDB } from '../db/schema';
import { articleHandlers } from './article-handlers';
import { entryHandlers } from './entry-handlers';
import { feedHandlers } from './feed-handlers';
import { folderHandlers } from './folder-handlers';
import { optionsHandlers } from './options-handlers';
import { pageFeedHandlers } from './page-feed-handlers';
import type { Handlers } from './router';
import { settingsHandlers } from './settings-handlers';
import { storageHandlers } from './storage-handlers';

/** The handlers of every command, working on `db`. */
export function createHandlers(db: ReaderDB): Handlers {
  return { ...feedHandlers(db), ...entryHandlers(db), ...settingsHandlers(db), ...optionsHandlers(db), ...folderHandlers(db), ...articleHandlers(db), ...pageFeedHandlers(db), ...storageHandlers(db) };
}
