// Image hosts that failed in this session. A host that refused or timed out once and has shown nothing since
// goes to the back of every image's candidate list, so the next article does not wait on it again; it is
// never dropped, because one missing file on a CDN does not mean the CDN is down. Kept in sessionStorage:
// the reader tab's session, surviving reloads and the next entry in the same tab.

/** What the reader learns about image hosts while it shows pictures. */
export interface HostHealth {
  /** An image from `url`'s host loaded. */
  loaded(url: string): void;
  /** An image from `url`'s host failed. */
  failed(url: string): void;
  /** True when `url`'s host failed in this session and has loaded nothing since. */
  isFailing(url: string): boolean;
  /** `isFailing` as it answers now, unchanged by what is learnt later: one entry's first render stays its render. */
  snapshot(): (url: string) => boolean;
}

const STORAGE_KEY = 'mirror-reader.image-hosts';

/** Host and port: two servers on one machine are two hosts here. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

type HostLists = { failed: string[]; loaded: string[] };

/** Host health kept in `storage` (the tab's sessionStorage by default; a Map-backed one in tests). */
export function sessionHostHealth(storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): HostHealth {
  const read = (): HostLists => {
    try {
      const value = JSON.parse(storage.getItem(STORAGE_KEY) ?? '') as Partial<HostLists>;
      return { failed: Array.isArray(value.failed) ? value.failed : [], loaded: Array.isArray(value.loaded) ? value.loaded : [] };
    } catch {
      return { failed: [], loaded: [] };
    }
  };
  const state = read();
  const note = (list: 'failed' | 'loaded', url: string) => {
    const host = hostOf(url);
    if (!host || state[list].includes(host)) return;
    state[list].push(host);
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  };
  return {
    loaded: (url) => note('loaded', url),
    failed: (url) => note('failed', url),
    isFailing: (url) => failing(state, url),
    snapshot: () => {
      const copy = { failed: [...state.failed], loaded: [...state.loaded] };
      return (url) => failing(copy, url);
    },
  };
}

function failing(state: HostLists, url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && state.failed.includes(host) && !state.loaded.includes(host);
}

/** `urls` with those `isFailing` names moved to the end, each group in its order. */
export function healthyFirst(urls: readonly string[], isFailing: ((url: string) => boolean) | undefined): string[] {
  if (!isFailing) return [...urls];
  const bad = urls.filter((url) => isFailing(url));
  return [...urls.filter((url) => !bad.includes(url)), ...bad];
}
