// Group commit for a round's small writes (claims, a 304's bookkeeping, a failure): every write that arrives
// while a transaction runs goes into the next one, so 1,000 feeds cost tens of transactions on the feeds table,
// not thousands queued one behind the other. Each write stays atomic: a batch commits or rolls back whole, and a
// batch that fails is retried write by write, so one bad write fails alone. The writes of a batch run one after
// the other: two read-modify-writes of the round's counters must not interleave.
import type { Table } from 'dexie';
import type { ReaderDB } from '../db/schema';

/** A write on feeds and status; it may await Dexie calls only (it runs inside a shared transaction). */
export type Write<T> = () => Promise<T>;

/** Runs a write now or batched (WriteQueue.run), in a transaction on feeds and status either way. */
export type Writes = <T>(write: Write<T>) => Promise<T>;

/** Writes run one by one, each its own transaction. */
export function alone(db: ReaderDB): Writes {
  return (write) => db.transaction('rw', [db.feeds, db.status], write);
}

interface Job {
  write: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Runs writes on `tables`, batched into shared transactions. */
export class WriteQueue {
  private jobs: Job[] = [];
  private draining = false;

  constructor(
    private readonly db: ReaderDB,
    private readonly tables: Table[],
  ) {}

  /** Run `write` (its own db.transaction on these tables, or a subset, joins the batch's) and give its result. */
  run<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.jobs.length > 0) {
        const batch = this.jobs.splice(0);
        try {
          const results = await this.db.transaction('rw', this.tables, async () => {
            const done: unknown[] = [];
            for (const job of batch) done.push(await job.write());
            return done;
          });
          batch.forEach((job, index) => job.resolve(results[index]));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const job of batch) await this.db.transaction('rw', this.tables, job.write).then(job.resolve, job.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
