// The worker's text in the language the user picked in the options page. browser.i18n answers only in the
// browser's language, so every text the worker composes (notifications; the context menu and the toolbar
// title once they exist) goes through t() after workerLanguage(db), which reads the setting each time: a
// change made while the worker is running applies to the next text it composes, with no message needed.
import type { ReaderDB } from '../db/schema';
import { readSettings } from '../db/settings';
import { applyLanguage, languageFromSetting } from '../ui/i18n';

/** Point t() at the language setting of `db` (the browser's language for 'browser'). */
export async function workerLanguage(db: ReaderDB): Promise<void> {
  const { language } = await readSettings(db);
  try {
    await applyLanguage(languageFromSetting(language));
  } catch (error) {
    // The language file did not load: the text stays in the language it had, which beats no text at all.
    console.warn('[mirror-reader] the worker keeps its previous language', error);
  }
}
