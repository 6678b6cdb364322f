// Theme and language for every page, from the settings. The last values seen are kept in localStorage so a
// page paints in the right colours and language at once (a render cache only: the settings table stays the
// record, written by the worker); then the page follows the settings live, as the user changes them.
import { db } from '../db/schema';
import { readSettings, THEMES, type Settings } from '../db/settings';
import { applyLanguage, languageFromSetting, languageOverride } from './i18n';
import { observeTables } from './table-query';

/** What a page needs before its first paint. */
export type Appearance = Pick<Settings, 'theme' | 'language'>;

const CACHE_KEY = 'mirror-reader.appearance';

/** Colours: `data-theme` on <html> ('light', 'dark', 'sepia' or 'system'), which styles.css follows. */
export function applyTheme(theme: Settings['theme']): void {
  document.documentElement.dataset.theme = theme;
}

/**
 * Apply the cached theme and language, call `draw`, then redraw whenever the language setting changes
 * (the theme needs no redraw). A language file that fails to load leaves the page in the language it has.
 */
export async function followAppearance(draw: () => void): Promise<void> {
  const cached = readCache();
  applyTheme(cached.theme);
  await applyLanguage(languageFromSetting(cached.language)).catch(reportFailure);
  draw();
  // By table (table-query.ts): every page keeps this open for its whole life, through every round.
  observeTables(() => readSettings(db), ['settings'], {
    next: (settings) => {
      applyTheme(settings.theme);
      writeCache({ theme: settings.theme, language: settings.language });
      const wanted = languageFromSetting(settings.language);
      if (wanted === languageOverride()) return;
      void applyLanguage(wanted).then(draw, reportFailure);
    },
    error: reportFailure,
  });
}

function readCache(): Appearance {
  try {
    const value = JSON.parse(localStorage.getItem(CACHE_KEY) ?? '{}') as Partial<Appearance>;
    const theme = THEMES.includes(value.theme as never) ? (value.theme as Appearance['theme']) : 'system';
    const language = value.language === 'en' || value.language === 'zh_CN' ? value.language : 'browser';
    return { theme, language };
  } catch {
    return { theme: 'system', language: 'browser' };
  }
}

function writeCache(value: Appearance): void {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the next page starts from the defaults and catches up from the settings.
  }
}

function reportFailure(error: unknown): void {
  console.error('[mirror-reader] appearance', error);
}
