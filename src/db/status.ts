// What the worker tells the pages about itself, one row per key in the `status` table: the polling round in
// progress (the popup shows it live), storage (full disk, pruning, persistence) and the last error an alarm
// caught. Written only by the worker; pages read it through liveQuery.
import type { AppError } from '../shared/errors';

/** A round of polling: how far it got. A round killed with the worker is picked up again from here. */
export interface RoundStatus {
  key: 'round';
  startedAt: number;
  /** Set when every feed of the round was polled. */
  finishedAt?: number;
  total: number;
  done: number;
  added: number;
  failed: number;
  /** New entries this round of feeds with notifications on, by feed id (one notification at the end). */
  notify: Record<string, number>;
  /** The newest entry among those, which the notification opens. */
  notifyEntryId?: number;
}

/** The feeds of the current round, apart from its counters so each progress write stays small. */
export interface RoundFeedsStatus {
  key: 'round-feeds';
  feedIds: number[];
}

/** Storage as the worker last saw it. */
export interface StorageStatus {
  key: 'storage';
  /** When a write last failed because the disk or the quota was full (the options page says so until the user
   * dismisses it). */
  fullAt?: number;
  /** Entries retention removed to make room since the user last dismissed the notice. */
  prunedEntries?: number;
  /** Whether the browser granted persistent storage (undefined: the browser cannot say). */
  persisted?: boolean;
  /** When retention last ran over every feed. */
  retentionAt?: number;
}

/** The last failure the alarm handler caught instead of leaving it unhandled. */
export interface WorkerStatus {
  key: 'worker';
  error: AppError;
  at: number;
}

/** Any row of the `status` table. */
export type StatusRow = RoundStatus | RoundFeedsStatus | StorageStatus | WorkerStatus;
