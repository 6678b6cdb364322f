// Settings: one row per key in the `settings` table. SETTINGS names every key with its default and the check a
// stored or sent value must pass (refined-github's options-storage shape); an invalid value reads as the default.
import { parseImageLoading, parseImageRules, parseRefererRules, type ImageLoading, type ImageRule, type RefererRule } from '../images';
import type { ReaderDB } from './schema';

/** A setting's default and its parser: the value when acceptable, else undefined. */
interface SettingSpec<T> {
  default: T;
  parse(value: unknown): T | undefined;
}

/** An integer within [min, max]. */
function integer(min: number, max: number): (value: unknown) => number | undefined {
  return (value) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined);
}

/** One of `values`. */
function oneOf<T extends string>(...values: T[]): (value: unknown) => T | undefined {
  return (value) => (values.includes(value as T) ? (value as T) : undefined);
}

/** An absolute http(s) address, kept as written (trimmed, without a trailing slash). */
function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.trim().replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Every setting. Owners add their keys here, each with a default and a parser. */
export const SETTINGS = {
  /** Minutes between polls of a feed that has no interval of its own. */
  pollIntervalMinutes: { default: 30, parse: integer(5, 24 * 60) } as SettingSpec<number>,
  /** Retention: entries older than this many days are removed (0 keeps them forever). Starred ones always stay. */
  keepDays: { default: 90, parse: integer(0, 3650) } as SettingSpec<number>,
  /** Retention: at most this many entries per feed, the newest (0 for no limit). Starred ones always stay. */
  keepCount: { default: 1000, parse: integer(0, 100_000) } as SettingSpec<number>,
  /** Colours of every page: the system's choice, or always light or dark. */
  theme: { default: 'system', parse: oneOf('system', 'light', 'dark') } as SettingSpec<'system' | 'light' | 'dark'>,
  /** The language of every page: the browser's, or one the extension is translated into. */
  language: { default: 'browser', parse: oneOf('browser', 'en', 'zh_CN') } as SettingSpec<'browser' | 'en' | 'zh_CN'>,
  /** The RSSHub instance site rules send their routes to. */
  rsshubUrl: { default: 'https://rsshub.app', parse: webAddress } as SettingSpec<string>,
  /** Image rules (RSSHub hotlink templates): global without `hosts`, per host with (src/images/rules.ts). */
  imageRules: { default: [], parse: parseImageRules } as SettingSpec<ImageRule[]>,
  /** Referer rules the worker installs with declarativeNetRequest (src/background/referer-rules.ts). */
  refererRules: { default: [], parse: parseRefererRules } as SettingSpec<RefererRule[]>,
  /** When the reader loads pictures: always, only CDN copies, or on click. */
  imageLoading: { default: 'always', parse: parseImageLoading } as SettingSpec<ImageLoading>,
  /** Keep the pictures of entries from the last N days offline (0: only starred entries' pictures). */
  offlineRecentDays: { default: 0, parse: integer(0, 365) } as SettingSpec<number>,
  /** The most the last-N-days pictures may take, in MB (starred entries' pictures are kept whatever their size). */
  offlineBudgetMb: { default: 200, parse: integer(10, 100_000) } as SettingSpec<number>,
};

/** The settings and their value types. */
export type Settings = { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]['default'] };

/** A setting's name. */
export type SettingKey = keyof Settings;

/** Every default. */
export function defaultSettings(): Settings {
  return Object.fromEntries(Object.entries(SETTINGS).map(([key, spec]) => [key, spec.default])) as Settings;
}

/** All settings as stored, each invalid or missing one at its default. */
export async function readSettings(db: ReaderDB): Promise<Settings> {
  const settings = defaultSettings() as Record<string, unknown>;
  for (const row of await db.settings.toArray()) {
    const spec = (SETTINGS as Record<string, SettingSpec<unknown>>)[row.key];
    const value = spec?.parse(row.value);
    if (value !== undefined) settings[row.key] = value;
  }
  return settings as Settings;
}

/** A patch a page sent, checked: the valid patch, or the first key that is unknown or has an unacceptable value. */
export function parseSettingsPatch(patch: unknown): { ok: true; patch: Partial<Settings> } | { ok: false; key: string } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, key: '' };
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const spec = Object.hasOwn(SETTINGS, key) ? (SETTINGS as Record<string, SettingSpec<unknown>>)[key] : undefined;
    const parsed = spec?.parse(value);
    if (parsed === undefined) return { ok: false, key };
    checked[key] = parsed;
  }
  return { ok: true, patch: checked as Partial<Settings> };
}

/** Store a checked patch (see parseSettingsPatch). */
export async function writeSettings(db: ReaderDB, patch: Partial<Settings>): Promise<void> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
}
