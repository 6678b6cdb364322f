// Subscribe the launched extension to feeds the way its own pages do: a `subscribe` command sent from an
// extension page (the options page, which then lists them).
import type { Page } from 'playwright-core';
import type { Commands, Envelope, Result } from '../src/shared/messages';
import type { ExtensionBrowser } from './chromium';

/** The options page's path in the build. */
export const OPTIONS_PAGE = 'src/pages/options/index.html';

/** Open the options page and subscribe to each URL in turn; throws with the extension's message on failure. */
export async function subscribeAll(extension: ExtensionBrowser, feedUrls: readonly string[]): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url(OPTIONS_PAGE));
  for (const url of feedUrls) {
    const envelope: Envelope<'subscribe'> = { type: 'subscribe', payload: { url } };
    // `chrome` exists only in the page; the function runs there, not in Node.
    const reply = await page.evaluate(
      (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
      envelope,
    ) as Result<Commands['subscribe']['res']> | undefined;
    if (!reply) throw new Error(`Subscribing to ${url} got no reply: is the service worker running?`);
    if (!reply.ok) throw new Error(`Subscribing to ${url} failed (${reply.error.code}): ${reply.error.message}`);
    console.log(`  subscribed: ${reply.value.title}  <${url}>`);
  }
  return page;
}
