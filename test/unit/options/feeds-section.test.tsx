// @vitest-environment happy-dom
// Feeds and folders as the user works them: groups by folder (live from Dexie), the Move to… menu and the
// keyboard drag (each ends in one move-feeds), folder tools, removing a feed with starred entries (asked
// what to keep), and the removed feeds kept for their starred entries.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { FeedsSection } from '../../../src/pages/options/feeds-section';
import { entry, feed, seedEntries } from '../ui/seed';
import { button, click, closePage, freshPage, press, replies, sent, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(freshPage);
afterEach(closePage);

const onStatus = vi.fn();

/** Folders Tech and News; Alpha in Tech, Beta and Gamma outside any folder; Beta has a starred entry. */
async function library(): Promise<HTMLElement> {
  await db.folders.bulkAdd([
    { id: 1, name: 'Tech', position: 0 },
    { id: 2, name: 'News', position: 1 },
  ]);
  await db.feeds.bulkAdd([feed(1, 'Alpha', { folderId: 1 }), feed(2, 'Beta', { lastError: { code: 'not-found', params: { host: 'beta.example', status: 404 } } }), feed(3, 'Gamma', { paused: 1, pauseReason: 'gone' })]);
  await seedEntries([entry(1, 2, 'Kept', 10, { starred: 1 }), entry(2, 2, 'Other', 20)]);
  const root = await show(<FeedsSection onStatus={onStatus} />);
  await until(() => expect(root.querySelectorAll('.feed-row')).toHaveLength(3));
  return root;
}

const groups = (root: HTMLElement) =>
  [...root.querySelectorAll('section.folder')].map((section) => [section.querySelector('h3')?.textContent, [...section.querySelectorAll('.feed-row .name')].map((node) => node.textContent)]);

describe('feeds and folders', () => {
  it('groups feeds by folder in the user order, feeds outside any folder last, with their state in words', async () => {
    const root = await library();
    expect(groups(root)).toEqual([
      ['Tech (1)', ['Alpha']],
      ['News (0)', []],
      ['Not in a folder (2)', ['Beta', 'Gamma']],
    ]);
    expect(root.querySelector('ul[aria-label="Feeds in News"]')).not.toBeNull();
    const states = [...root.querySelectorAll('.feed-row .state')].map((node) => node.textContent);
    expect(states).toEqual([
      'Not fetched yet',
      'Last update failed: beta.example has no feed at this address (HTTP 404).',
      'Paused: the server says this feed is gone for good (HTTP 410). Resume it if it comes back.',
    ]);
    expect(root.querySelectorAll('.feed-row')[1]?.querySelector('.hint')?.textContent).toBe('2 unread · 1 starred · 2 entries');
  });

  it('moves a feed with its Move to… menu, by keyboard: ArrowDown opens on the current folder, Enter picks', async () => {
    const root = await library();
    replies['move-feeds'] = () => ({ ok: true, value: null });
    const menuButton = button('Move to… — Alpha')!;
    await press(menuButton, 'ArrowDown');
    const items = () => [...root.querySelectorAll('[role="menuitemradio"]')];
    expect(items().map((item) => [item.textContent, item.getAttribute('aria-checked')])).toEqual([
      ['Not in a folder', 'false'],
      ['Tech', 'true'],
      ['News', 'false'],
    ]);
    expect(document.activeElement?.textContent).toBe('Tech');
    await press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.textContent).toBe('News');
    await press(document.activeElement!, 'Enter');
    expect(sent()).toEqual([{ type: 'move-feeds', payload: { feedIds: [1], folderId: 2 } }]);
    expect(root.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    await until(() => expect(onStatus).toHaveBeenLastCalledWith('Alpha moved to News.'));
  });

  it('closes the menu on Escape without moving anything', async () => {
    const root = await library();
    await click('Move to… — Beta');
    await press(document.activeElement!, 'Escape');
    expect(root.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(button('Move to… — Beta'));
    expect(sent()).toEqual([]);
  });

  it('drags a feed with the keyboard: Space picks it up, arrows choose the folder (highlighted), Space drops', async () => {
    const root = await library();
    replies['move-feeds'] = () => ({ ok: true, value: null });
    const grip = button('Drag Beta')!;
    await press(grip, ' ');
    expect(onStatus).toHaveBeenLastCalledWith('Picked up Beta, in Not in a folder. Choose a folder with the arrow keys.');
    await press(grip, 'ArrowDown');
    expect(onStatus).toHaveBeenLastCalledWith('Over Tech.');
    expect(root.querySelector('.drop-target h3')?.textContent).toBe('Tech (1)');
    await press(grip, ' ');
    expect(sent()).toEqual([{ type: 'move-feeds', payload: { feedIds: [2], folderId: 1 } }]);
    expect(root.querySelector('.drop-target')).toBeNull();
  });

  it('puts a keyboard-dragged feed back on Escape', async () => {
    await library();
    const grip = button('Drag Alpha')!;
    await press(grip, 'Enter');
    await press(grip, 'ArrowUp');
    await press(grip, 'Escape');
    expect(onStatus).toHaveBeenLastCalledWith('Alpha put back where it was.');
    expect(sent()).toEqual([]);
  });

  it('asks what to do with starred entries before removing a feed that has some', async () => {
    const root = await library();
    replies['remove-feed'] = () => ({ ok: true, value: { kept: 1 } });
    await click('Remove Beta');
    expect(root.querySelector('.confirm p')?.textContent).toBe('Remove “Beta”? It has 1 starred entry.');
    expect(document.activeElement?.textContent).toBe('Remove, keep the starred entries');
    expect(sent()).toEqual([]);
    await click('Remove, keep the starred entries');
    expect(sent()).toEqual([{ type: 'remove-feed', payload: { feedId: 2, keepStarred: true } }]);
    await until(() => expect(onStatus).toHaveBeenLastCalledWith('Removed Beta; its 1 starred entry is kept.'));
  });

  it('removes a feed without starred entries after a plain question, and Cancel gives focus back', async () => {
    await library();
    replies['remove-feed'] = () => ({ ok: true, value: { kept: 0 } });
    await click('Remove Alpha');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await click('Cancel');
    expect(document.activeElement).toBe(button('Remove Alpha'));
    await click('Remove Alpha');
    await click('Yes, remove');
    expect(sent()).toEqual([{ type: 'remove-feed', payload: { feedId: 1, keepStarred: false } }]);
  });

  it('creates, renames and deletes folders, showing the worker\'s refusal', async () => {
    const root = await library();
    replies['create-folder'] = ({ name }) => ({ ok: false, error: { code: 'folder-exists', params: { name: String(name) } } });
    const input = root.querySelector<HTMLInputElement>('#new-folder')!;
    await act(() => {
      input.value = 'tech';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Create folder');
    await until(() => expect(root.querySelector('.new-folder [role="alert"]')?.textContent).toBe('There is already a folder named “tech”.'));

    replies['rename-folder'] = () => ({ ok: true, value: null });
    await click('Rename folder News');
    const rename = root.querySelector<HTMLInputElement>('#rename-2')!;
    await act(() => {
      rename.value = 'World';
      rename.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Save');
    expect(sent().at(-1)).toEqual({ type: 'rename-folder', payload: { folderId: 2, name: 'World' } });

    replies['delete-folder'] = () => ({ ok: true, value: { moved: 1 } });
    await click('Delete folder Tech');
    expect(root.querySelector('.folder .confirm p')?.textContent).toBe('Delete the folder “Tech”? Its 1 feed stays subscribed, outside any folder.');
    await click('Yes, delete the folder');
    expect(sent().at(-1)).toEqual({ type: 'delete-folder', payload: { folderId: 1 } });
  });

  it('lists removed feeds apart, to subscribe again or delete', async () => {
    await db.feeds.add(feed(9, 'Old blog', { paused: 1, pauseReason: 'removed' }));
    await seedEntries([entry(5, 9, 'Kept', 1, { starred: 1 })]);
    const root = await show(<FeedsSection onStatus={onStatus} />);
    await until(() => expect(root.querySelector('.removed .name')?.textContent).toBe('Old blog'));
    expect(root.querySelector('.removed .hint + ul .hint')?.textContent).toBe('Keeps 1 starred entry');
    expect(root.querySelectorAll('section.folder .feed-row')).toHaveLength(0);
    replies['update-feed'] = () => ({ ok: true, value: null });
    await click('Subscribe again: Old blog');
    expect(sent()).toEqual([{ type: 'update-feed', payload: { feedId: 9, patch: { paused: false } } }]);
  });
});
