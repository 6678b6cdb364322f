// A stand-in for webextension-polyfill in component tests: real English messages (with Chrome's
// $PLACEHOLDER$ → $1 substitution rules), and spies for what pages send.
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, Message>;

/** browser.i18n.getMessage as Chrome does it: named placeholders, then $1…$9. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, key: string) => fill(entry.placeholders?.[key.toLowerCase()]?.content ?? ''));
}

/** The fake `browser` object; tests program `runtime.sendMessage`. */
export const fakeBrowser = {
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn(async () => undefined) },
};
