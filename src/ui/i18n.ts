// Localized text through browser.i18n; keys are checked against the English messages.json at compile time.
import browser from 'webextension-polyfill';
import type messages from '../../public/_locales/en/messages.json';

/** A message name that exists in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof messages;

/** The text of `key` in the browser's UI language, with $1…$9 filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.length > 0 ? substitutions.map(String) : undefined);
  // An empty string means the key is missing in this locale (and in the default): show the key, not a blank.
  return text || key;
}

/** The language for Intl formatters ("en-GB", "zh-CN"): the browser's, unless the text is in another one. */
export function uiLocale(): string {
  const ui = browser.i18n.getUILanguage() || navigator.language || 'en';
  // getMessage falls back (zh-TW → English) where dates would not: format dates in the text's language,
  // keeping the browser's regional variant (en-GB day-month order) when the languages agree.
  const text = t('intlLocale');
  const language = (tag: string) => tag.split('-')[0]!.toLowerCase();
  return language(ui) === language(text) ? ui : text;
}
