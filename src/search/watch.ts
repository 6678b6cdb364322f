// The worker's side of search: the indexer runs whenever entries were added, deleted or changed —
// whoever wrote them (a poll, an import, a restore, retention) — and once at every wake-up, which also
// backfills an index that is missing (after the upgrade to schema v2). One run at a time; writes that land
// during a run start another. While a polling round runs (status 'round' without finishedAt) it waits for
// the round's end, and a run under way stops between segments when a round starts, so indexing never
// competes with a poll for the worker.
import { liveQuery } from 'dexie';
import type { ReaderDB } from '../db/schema';
import { latestEntryId } from '../db/views';
import { updateSearchIndex } from './indexer';

/** Wait this long after a write before indexing, so a poll round's many writes end in one run. */
const SETTLE_MS = 1500;
/** How long a round may hold indexing off. */
const ROUND_PATIENCE_MS = 10 * 60_000;

/** Keep the index of `db` current while this context lives; `keepAlive` runs between segments. Returns a stop function. */
export function watchSearchIndex(db: ReaderDB, keepAlive?: () => Promise<void>): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  // A round started while a run indexes: the run stops after its segment, and the round's end starts another.
  let roundRunning = false;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await updateSearchIndex(db, keepAlive, () => roundRunning);
        } catch (error) {
          // The next write tries again; search reads unindexed entries directly meanwhile.
          console.warn('[mirror-reader] search indexing failed', error);
        }
      } while (again && !roundRunning);
    })();
    await running;
    running = undefined;
  };

  // What a write that matters to the index changes: the newest id, the number of entries, the indexed
  // segments; '' while a round runs.
  // The round is read first and alone: while one runs, this query then watches the status row only, instead of
  // re-reading every feed's counts after each of the round's writes.
  const state = async () => {
    const round = await db.status.get('round');
    // A round older than ROUND_PATIENCE_MS is taken as abandoned (its worker resumes it, but never waits on it).
    if (round?.key === 'round' && round.finishedAt === undefined && round.startedAt > Date.now() - ROUND_PATIENCE_MS) return '';
    const [latest, counts, segments, stale] = await Promise.all([latestEntryId(db), db.feedCounts.toArray(), db.searchSegments.count(), db.entries.where('searchStale').equals(1).count()]);
    return `${latest}:${counts.reduce((sum, row) => sum + row.total, 0)}:${segments}:${stale}`;
  };
  const subscription = liveQuery(state).subscribe({
    next: (value) => {
      roundRunning = value === '';
      if (value === last) return;
      last = value;
      clearTimeout(timer);
      if (value === '') return;
      timer = setTimeout(() => void run(), SETTLE_MS);
    },
    error: (error: unknown) => console.warn('[mirror-reader] search index watch failed', error),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
