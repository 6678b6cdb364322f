import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getMessage } from './fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
const en = load('en');
const zh = load('zh_CN');

describe('locales', () => {
  it('has every English message in Simplified Chinese and no extra ones', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages, each one defined', () => {
    for (const [name, entry] of Object.entries(en)) {
      const used = (text: string) => [...text.matchAll(/\$([A-Z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
      const other = zh[name]!;
      expect(used(other.message), name).toEqual(used(entry.message));
      for (const key of used(entry.message)) expect(entry.placeholders?.[key], `${name}.${key}`).toBeDefined();
      for (const key of used(other.message)) expect(other.placeholders?.[key], `zh_CN ${name}.${key}`).toBeDefined();
    }
  });

  it('substitutes the fixed e2e names', () => {
    expect(getMessage('removeFeed', ['Daily News'])).toBe('Remove Daily News');
    expect(getMessage('feedUrlLabel')).toBe('Feed or page URL');
    expect(getMessage('unreadEntriesLabel')).toBe('Unread entries');
  });
});
