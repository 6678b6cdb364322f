// Live reads by table, for what a page keeps open while the worker writes a lot: the feeds list and the
// storage figures (every feed row and every feed's counts are rewritten in a polling round) and the settings
// every page follows. Read again after any change to the named tables — the page's own writes and the
// worker's alike, as Dexie announces them — at most once per `throttleMs`, and each read finished and shown.
// Dexie's liveQuery fits neither case here: it aborts a run when a change arrives and starts over, so under
// writes faster than the read (a round of 1,000 feeds) it reads without pause and shows nothing until the
// writes stop (the options list ran its query 271 times in a 300-feed round and showed 5 results); and a
// subscription keeps merging every change to tables it does not read into a set it clears only when it runs,
// so a settings query on an open page grew with each of a round's writes.
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { db as defaultDb, type ReaderDB } from '../db/schema';
import type { Live } from './live-query';

/** The throttle for reads a polling round rewrites: the page is at most a second behind. */
export const ROUND_THROTTLE_MS = 1000;

/** What to read, how often at most, from which database. */
export interface TableQueryOptions {
  /** At most one read per this many milliseconds (0: at once after each change). */
  throttleMs?: number;
  db?: ReaderDB;
}

/** Read `query` now and after every change to `tables`, reporting each result; returns the stop function. */
export function observeTables<T>(query: () => Promise<T>, tables: readonly string[], report: { next(value: T): void; error(error: Error): void }, options: TableQueryOptions = {}): () => void {
  const { throttleMs = 0, db = defaultDb } = options;
  // Dexie names what changed "idb://<database>/<table>/<index>".
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  let stopped = false;
  let running = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;

  const run = () => {
    timer = undefined;
    running = true;
    dirty = false;
    lastStart = performance.now();
    void query()
      .then(
        (value) => !stopped && report.next(value),
        (error: unknown) => !stopped && report.error(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => {
        running = false;
        // Changed while it read: once more, when the throttle allows.
        if (dirty) schedule();
      });
  };
  const schedule = () => {
    if (stopped || running || timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, lastStart + throttleMs - performance.now()));
  };
  const changed = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) return;
    dirty = true;
    schedule();
  };

  Dexie.on('storagemutated', changed);
  run();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(changed);
  };
}

/** `query`'s value while mounted (see observeTables); `deps` are its inputs besides `tables`, as with useEffect. */
export function useTableQuery<T>(query: () => Promise<T>, tables: readonly string[], options: TableQueryOptions = {}, deps: readonly unknown[] = []): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(
    () =>
      observeTables(query, tables, { next: (value) => setState({ status: 'ready', value }), error: (error) => setState({ status: 'error', error }) }, options),
    [options.db, options.throttleMs, ...tables, ...deps],
  );
  return state;
}
