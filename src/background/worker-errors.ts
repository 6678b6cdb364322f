// Errors of event listeners (the alarm, the permission and notification events) are caught and stored as the
// `worker` status row, never left unhandled: an unhandled rejection in a worker is lost in a console nobody reads.
import type { ReaderDB } from '../db/schema';
import { toAppError } from './errors';

/** Run `listener`'s work; a failure is logged and recorded for the pages, and the promise still resolves. */
export async function caught(db: ReaderDB, work: () => Promise<unknown>, now: () => number = Date.now): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error('[mirror-reader] an event listener failed', error);
    try {
      await db.status.put({ key: 'worker', error: toAppError(error), at: now() });
    } catch (storing) {
      console.error('[mirror-reader] could not record that failure either', storing);
    }
  }
}
