// Open an entry in the reader tab, reusing a reader tab that is already open.
import browser from 'webextension-polyfill';
import { readerHash, type ReaderList } from '../db/reader-list';

/** The reader page's path inside the extension (see vite.config.ts rollupOptions.input). */
export const READER_PAGE = 'src/pages/reader/index.html';

/** The address of the reader showing `entryId`, walking `list` with previous/next. */
export function readerUrl(entryId: number, list?: ReaderList): string {
  return `${browser.runtime.getURL(READER_PAGE)}${readerHash(entryId, list)}`;
}

/** Show `entryId` in the open reader tab (focused), or in a new tab when none is open. */
export async function openReaderTab(entryId: number, list?: ReaderList): Promise<void> {
  const url = readerUrl(entryId, list);
  const open = await findReaderTab();
  if (!open) {
    await browser.tabs.create({ url, active: true });
    return;
  }
  // Only the #fragment changes, so the page gets a hashchange rather than a reload.
  await browser.tabs.update(open.tabId, { url, active: true });
  await browser.windows.update(open.windowId, { focused: true });
}

/** The tab and window of an open reader page, if any. */
async function findReaderTab(): Promise<{ tabId: number; windowId: number } | undefined> {
  const base = browser.runtime.getURL(READER_PAGE);
  // runtime.getContexts: Chrome 116+, Firefox 135+; it sees our own tabs without the "tabs" permission.
  if (typeof browser.runtime.getContexts === 'function') {
    const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB'] });
    const found = contexts.find((context) => context.documentUrl?.startsWith(base) && context.tabId >= 0);
    return found && { tabId: found.tabId, windowId: found.windowId };
  }
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((candidate) => candidate.url?.startsWith(base) && candidate.id !== undefined);
  return tab && { tabId: tab.id!, windowId: tab.windowId! };
}
