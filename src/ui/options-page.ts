// Opening the options page from the popup (header link and the empty state's "Add feeds").
import browser from 'webextension-polyfill';

/** Open (or focus) the options page in a tab; the popup closes itself as focus leaves. */
export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}
