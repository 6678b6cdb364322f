// Subscribe the launched extension to feeds the way its own pages do: a `subscribe` command sent from an
// extension page (the options page, which then lists them).
import type { Page } from 'playwright-core';
import type { Commands, Result } from '../src/shared/messages';
import { command, PAGES, type ExtensionBrowser } from './chromium';

/** Open the options page and subscribe to each URL in turn; throws with the extension's message on failure. */
export async function subscribeAll(extension: ExtensionBrowser, feedUrls: readonly string[]): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url(PAGES.options));
  for (const url of feedUrls) {
    // Undefined when no listener answered, whatever the type says.
    const reply: Result<Commands['subscribe']['res']> | undefined = await command(page, 'subscribe', { url });
    if (!reply) throw new Error(`Subscribing to ${url} got no reply: is the service worker running?`);
    if (!reply.ok) throw new Error(`Subscribing to ${url} failed: ${JSON.stringify(reply.error)}`);
    console.log(`  subscribed: ${reply.value.title}  <${url}>`);
  }
  return page;
}
