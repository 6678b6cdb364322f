// Errors in words: every code has a message in each locale whose placeholders are exactly its parameters,
// in the order ERROR_PARAMS gives, and errorText fills them.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_PARAMS } from '../../../src/shared/errors';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));
const { errorKey, errorText } = await import('../../../src/ui/user-error');

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales = ['en', 'zh_CN'].map((locale) => [locale, JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages] as const);

describe('error messages', () => {
  it.each(Object.entries(ERROR_PARAMS))('%s has a message whose placeholders are its parameters, in order', (code, params) => {
    for (const [locale, messages] of locales) {
      const message = messages[errorKey(code as keyof typeof ERROR_PARAMS)];
      expect(message, `${locale} ${code}`).toBeDefined();
      const placeholders = Object.entries(message!.placeholders ?? {}).map(([name, { content }]) => [name, content]);
      expect(placeholders.sort(), `${locale} ${code}`).toEqual(params.map((name, index) => [name.toLowerCase(), `$${index + 1}`]).sort());
    }
  });

  it('fills the parameters into the English text', () => {
    expect(errorText({ code: 'server-error', params: { host: 'mirror.example', status: 503 } })).toBe('mirror.example had a server error (HTTP 503). It may work again later.');
    expect(errorText({ code: 'too-large', params: { limitMb: 20 } })).toBe('The feed is larger than 20 MB, too large to read.');
    expect(errorText({ code: 'empty' })).toBe('The feed is empty.');
  });

  it('says so, with the code, for an error this version does not know', () => {
    expect(errorText({ code: 'from-the-future' as never })).toBe('An error this version does not know occurred (from-the-future).');
  });
});
