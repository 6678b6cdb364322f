// The storage section's command: the full-disk notice dismissed once the user has read it.
import type { ReaderDB } from '../db/schema';
import { badRequest } from './payload';
import { dismissStorageNotice } from './quota';
import type { Handlers } from './router';

/** Handler of dismiss-storage-notice. */
export function storageHandlers(db: ReaderDB): Pick<Handlers, 'dismiss-storage-notice'> {
  return {
    async 'dismiss-storage-notice'({ fullAt }) {
      if (typeof fullAt !== 'number' || !Number.isFinite(fullAt)) throw badRequest('dismiss-storage-notice', 'fullAt');
      await dismissStorageNotice(db, fullAt);
      return null;
    },
  };
}
