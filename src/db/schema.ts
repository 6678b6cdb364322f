// The Dexie database every context shares. Versions are append-only: add `this.version(n+1)` with an
// upgrade() below the last one, never edit a shipped one. The row types live in model.ts.
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { BodyRow, EntryRow, FeedCountRow, FeedRow, FolderRow, ImageRow, SettingRow, TombstoneRow } from './model';
import type { SegmentRow, ShardRow } from '../search/segment';
import type { StatusRow } from './status';
import { upgradeToV2 } from './upgrade-v2';

export type { BodyRow, EntryRow, FeedCountRow, FeedRow, FolderRow, ImageRow, SettingRow, TombstoneRow } from './model';

/** The typed database; one instance per context via `db`. */
export class ReaderDB extends Dexie {
  feeds!: EntityTable<FeedRow, 'id'>;
  entries!: EntityTable<EntryRow, 'id'>;
  bodies!: EntityTable<BodyRow, 'id'>;
  feedCounts!: Table<FeedCountRow, number>;
  folders!: EntityTable<FolderRow, 'id'>;
  settings!: Table<SettingRow, string>;
  tombstones!: Table<TombstoneRow, [number, string]>;
  status!: Table<StatusRow, StatusRow['key']>;
  images!: Table<ImageRow, string>;
  /** The search index (src/search/): postings by [shard+segment], and which segments are indexed. */
  searchShards!: Table<ShardRow, [number, number]>;
  searchSegments!: Table<SegmentRow, number>;

  /** `options` lets tests hand in their own IndexedDB factory. */
  constructor(name = 'mirror-reader', options?: DexieOptions) {
    super(name, options);
    // v1 (0.1.0): entries held their bodies; counts were computed by scanning.
    this.version(1).stores({
      feeds: '++id, &url, nextPollAt',
      entries: '++id, &[feedId+key], [read+sortAt], [feedId+sortAt], sortAt',
    });
    // v2: list rows and bodies apart, exact per-feed counts, mirrors, folders, settings, retention tombstones,
    // pictures kept offline, the search index (empty after the upgrade: the worker's indexer backfills it).
    this.version(2)
      .stores({
        feeds: '++id, &url, *urls, nextPollAt, folderId',
        entries: '++id, &[feedId+key], [read+sortAt], [feedId+read+sortAt], [feedId+sortAt], [starred+sortAt], sortAt, searchStale',
        bodies: 'id',
        feedCounts: 'feedId',
        folders: '++id, name, position',
        settings: 'key',
        tombstones: '[feedId+key]',
        status: 'key',
        images: 'url, *entryIds',
        searchShards: '[shard+segment]',
        searchSegments: 'segment',
      })
      .upgrade(upgradeToV2);
  }
}

/** A Dexie collection of entry rows (a query not yet run). */
export type EntryCollection = ReturnType<ReaderDB['entries']['toCollection']>;

/** The shared database instance of this context. */
export const db = new ReaderDB();
