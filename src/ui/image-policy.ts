// The image policy the reader renders with: the user's rules and loading setting, the entry's pictures kept
// offline (as object URLs), and the hosts that failed in this tab's session (one record for every entry shown).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { db } from '../db/schema';
import { useLiveQuery } from './live-query';
import { sessionHostHealth, type HostHealth } from './image-hosts';
import type { ImagePolicy } from './image-rewrite';
import { useSettings } from './settings';

let health: HostHealth | undefined;

/** This tab's failing-hosts record (sessionStorage), made on first use. */
export function tabHostHealth(): HostHealth {
  health ??= sessionHostHealth();
  return health;
}

/**
 * The policy for the reader's images while `entryId` is shown, or undefined until the settings and the offline
 * copies are read (so no picture starts loading against the user's privacy setting). Failing hosts are those
 * of the moment the entry opened.
 */
export function useImagePolicy(entryId: number): ImagePolicy | undefined {
  const settings = useSettings();
  const offline = useOfflineImages(entryId);
  const rules = settings ? JSON.stringify(settings.imageRules) : undefined;
  return useMemo(() => {
    if (!settings || !offline) return undefined;
    return { rules: settings.imageRules, loading: settings.imageLoading, offline, failing: tabHostHealth().snapshot() };
    // `rules` stands for settings.imageRules: a new array on every settings change, the same rules mostly.
  }, [entryId, rules, settings?.imageLoading, offline]);
}

/** Object URLs of the entry's pictures kept offline, by picture key; undefined while they are read. */
export function useOfflineImages(entryId: number): ReadonlyMap<string, string> | undefined {
  const rows = useLiveQuery(() => db.images.where('entryIds').equals(entryId).toArray(), [entryId]);
  const ready = rows.status === 'ready' ? rows.value : rows.status === 'error' ? [] : undefined;
  // A write to another row gives a new array of the same pictures: rebuild only when the pictures change.
  const signature = ready?.map((row) => `${row.url} ${row.storedAt}`).join('\n');
  const [urls, setUrls] = useState<{ signature: string; map: ReadonlyMap<string, string> } | undefined>();
  useEffect(() => {
    if (!ready || signature === undefined) return undefined;
    const map = new Map(ready.map((row) => [row.url, URL.createObjectURL(row.blob)]));
    setUrls({ signature, map });
    return () => {
      for (const url of map.values()) URL.revokeObjectURL(url);
    };
  }, [entryId, signature]);
  return urls && urls.signature === signature ? urls.map : undefined;
}
