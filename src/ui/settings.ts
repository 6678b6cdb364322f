// Settings for pages: read live from Dexie (a change made in any page or the worker re-renders every page),
// changed only through the worker's update-settings command. Watched by table (table-query.ts), so an open
// page pays nothing for a round's writes to other tables.
import { db } from '../db/schema';
import { readSettings, type Settings } from '../db/settings';
import type { Result } from '../shared/messages';
import { useTableQuery } from './table-query';
import { command } from './send';

/** The current settings, or undefined while they load (or when the database cannot be read). */
export function useSettings(): Settings | undefined {
  const settings = useTableQuery(() => readSettings(db), ['settings']);
  return settings.status === 'ready' ? settings.value : undefined;
}

/** Ask the worker to store `patch`; the reply says whether every key was accepted. */
export function updateSettings(patch: Partial<Settings>): Promise<Result<null>> {
  return command('update-settings', { patch });
}
