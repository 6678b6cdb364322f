// @vitest-environment happy-dom
// Storage and about: the data not yet kept under storage pressure offers to ask the browser; a yes shows as
// kept, a no says the browser decides by itself, and a browser without persist() offers no button.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageSection } from '../../../src/pages/options/storage-section';
import { button, click, closePage, freshPage, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

/** A navigator.storage whose persisted() starts `false` and whose persist() answers `answer`. */
function storage(answer: boolean | undefined) {
  let persisted = false;
  const persist = vi.fn(async () => {
    persisted = answer === true;
    return persisted;
  });
  const api = { estimate: async () => ({ usage: 2_000_000, quota: 10_000_000 }), persisted: async () => persisted, ...(answer === undefined ? {} : { persist }) };
  Object.defineProperty(navigator, 'storage', { value: api, configurable: true });
  return persist;
}

const kept = (root: HTMLElement) => [...root.querySelectorAll('dt')].find((dt) => dt.textContent === 'Kept when disk space runs low')?.nextElementSibling?.textContent;

beforeEach(freshPage);
afterEach(closePage);

describe('keeping the data', () => {
  it('asks the browser, and shows Yes once it agreed', async () => {
    const persist = storage(true);
    const root = await show(<StorageSection />);
    await until(() => expect(kept(root)).toBe('No: the browser may clear it under storage pressure Ask the browser to keep it'));
    await click('Ask the browser to keep it');
    expect(persist).toHaveBeenCalledTimes(1);
    await until(() => expect(kept(root)).toBe('Yes'));
  });

  it('says the browser decides by itself when it said no', async () => {
    storage(false);
    const root = await show(<StorageSection />);
    await until(() => expect(button('Ask the browser to keep it')).toBeDefined());
    await click('Ask the browser to keep it');
    await until(() => expect(root.querySelector('.facts [role="status"]')?.textContent).toBe('The browser said no. It decides by itself, for example by how often the extension is used; your data is still there.'));
  });

  it('offers no button where the browser cannot be asked', async () => {
    storage(undefined);
    const root = await show(<StorageSection />);
    await until(() => expect(kept(root)).toBe('No: the browser may clear it under storage pressure'));
    expect(button('Ask the browser to keep it')).toBeUndefined();
  });
});
