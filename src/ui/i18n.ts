// Localized text through browser.i18n; keys are checked against the English messages.json at compile time.
// browser.i18n always answers in the browser's language, so a language the user picked in the options page
// is an override: that locale's messages.json, loaded once (applyLanguage), then filled the way
// browser.i18n fills it. Keys missing from the override fall back to browser.i18n.
import browser from 'webextension-polyfill';
import type messages from '../../public/_locales/en/messages.json';

/** A message name that exists in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof messages;

/** The languages the extension is translated into, by their _locales folder name. */
export const LANGUAGES = ['en', 'zh_CN'] as const;
/** One of LANGUAGES. */
export type Language = (typeof LANGUAGES)[number];

/** The language setting ('browser' or a LANGUAGES entry) as an override: undefined for the browser's own. */
export function languageFromSetting(setting: 'browser' | Language): Language | undefined {
  return setting === 'browser' ? undefined : setting;
}

/** A messages.json file. */
export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

let override: { language: Language; messages: Messages } | undefined;

/** Show text in `language` from now on, or in the browser's language again (undefined). */
export async function applyLanguage(language: Language | undefined): Promise<void> {
  if (language === undefined) {
    override = undefined;
    return;
  }
  if (override?.language === language) return;
  const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
  if (!response.ok) throw new Error(`_locales/${language}/messages.json: HTTP ${response.status}`);
  override = { language, messages: (await response.json()) as Messages };
}

/** The language picked over the browser's, if any. */
export function languageOverride(): Language | undefined {
  return override?.language;
}

/** A message with count forms: `${base}_one` and `${base}_other` both exist ("entryCount" for entryCount_one/_other). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never }[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The text of `base` for `count` things, in the UI language: chrome.i18n has no plurals, so each count message
 * has a _one and an _other form, picked by the language's plural rules (Chinese: always _other). `count` is
 * $1, `substitutions` $2 on.
 */
export function tPlural(base: PluralKey, count: number, ...substitutions: (string | number)[]): string {
  const locale = t('intlLocale');
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  // English and Chinese have no other categories (few, many…); a language that does gets its forms here.
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}`, count, ...substitutions);
}

/** The text of `key` in the UI language, with $1…$9 filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const values = substitutions.map(String);
  const picked = override && fill(override.messages, key, values);
  if (picked) return picked;
  const text = browser.i18n.getMessage(key, values.length > 0 ? values : undefined);
  // An empty string means the key is missing in this locale (and in the default): show the key, not a blank.
  return text || key;
}

/** `key` of `messages` as browser.i18n fills it: each $NAME$ becomes its placeholder's content, whose $1…$9
 * are the substitutions; `$$` is a dollar sign. Empty when the key is missing. */
export function fill(messages: Messages, key: string, values: readonly string[]): string {
  const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (!entry) return '';
  const substitute = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? substitute(placeholder.content) : match;
  });
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
