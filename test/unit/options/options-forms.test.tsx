// @vitest-environment jsdom
// The settings form, Import OPML and its report, and Restore a backup (checked here first: a malformed
// file lists each problem and sends nothing; a good one is summed up and restored only when confirmed).
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '../../../src/pages/options/backup-section';
import { ImportFiles } from '../../../src/pages/options/import-files';
import { SettingsSection } from '../../../src/pages/options/settings-section';
import { click, closePage, fill, freshPage, replies, sent, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(freshPage);
afterEach(closePage);

const onStatus = vi.fn();

/** Choose `file` in the file input `id`, as the user does. */
async function choose(root: HTMLElement, id: string, file: File): Promise<void> {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('settings', () => {
  it('starts from the defaults and saves every setting at once', async () => {
    replies['update-settings'] = () => ({ ok: true, value: null });
    const root = await show(<SettingsSection onStatus={onStatus} />);
    await until(() => expect(root.querySelector<HTMLSelectElement>('#poll-interval')?.value).toBe('30'));
    expect([...root.querySelectorAll('#poll-interval option')].slice(0, 5).map((option) => option.textContent)).toEqual([
      'every 5 minutes',
      'every 10 minutes',
      'every 15 minutes',
      'every 30 minutes',
      'every 1 hour',
    ]);
    await fill('poll-interval', '60');
    await fill('keep-days', '30');
    await act(async () => root.querySelector<HTMLInputElement>('input[name="theme"][value="dark"]')!.click());
    await fill('language', 'zh_CN');
    await fill('rsshub-url', ' https://hub.example/ ');
    await click('Save settings');
    expect(sent()).toEqual([
      { type: 'update-settings', payload: { patch: { pollIntervalMinutes: 60, keepDays: 30, keepCount: 1000, theme: 'dark', language: 'zh_CN', rsshubUrl: 'https://hub.example/' } } },
    ]);
    await until(() => expect(onStatus).toHaveBeenLastCalledWith('Settings saved.'));
  });
});

describe('Import OPML', () => {
  it('is a file input labelled "Import OPML" whose report names what was skipped and each outline refused', async () => {
    replies['import-opml'] = () => ({
      ok: true,
      value: { added: 3, feedIds: [1, 2, 3], folders: 2, duplicates: ['Alpha', 'Beta'], problems: [{ name: 'Feed 1', line: 23, code: 'no-address' }, { name: '', line: 30, code: 'bad-address' }], ignored: 1 },
    });
    const root = await show(<ImportFiles onStatus={onStatus} />);
    expect(root.querySelector('label[for="import-opml"]')?.textContent).toBe('Import OPML');
    // ISO-8859-1, as many exporters still write: decoded by the declaration.
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="Caf'), 0xe9, ...new TextEncoder().encode('"/></body></opml>')]);
    await choose(root, 'import-opml', new File([bytes], 'old-reader.opml', { type: 'text/x-opml' }));
    await until(() => expect(root.querySelector('.report h4')?.textContent).toBe('Imported from old-reader.opml'));
    expect(sent()).toEqual([{ type: 'import-opml', payload: { text: '<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="Café"/></body></opml>' } }]);
    expect([...root.querySelectorAll('.report p, .report li')].map((node) => node.textContent)).toEqual([
      'Added 3 feeds and 2 new folders.',
      'Skipped 2 feeds already subscribed: Alpha, Beta.',
      '2 outlines could not be imported.',
      '“Feed 1” (line 23): it has no feed address.',
      '“(no name)” (line 30): its feed address is not a web address.',
      '1 outline that is not a feed (a note or a link) was left out.',
    ]);
    expect(onStatus).toHaveBeenLastCalledWith('Imported 3 feeds.');
  });

  it('shows why a file was refused', async () => {
    replies['import-opml'] = () => ({ ok: false, error: { code: 'opml-not-opml' } });
    const root = await show(<ImportFiles onStatus={onStatus} />);
    await choose(root, 'import-opml', new File(['<rss/>'], 'feed.xml'));
    await until(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('That file is not an OPML subscription list (or its beginning is missing).'));
  });
});

describe('Restore a backup', () => {
  const good = {
    format: 'mirror-reader-backup',
    version: 1,
    exportedAt: 1,
    settings: { theme: 'dark' },
    folders: [{ id: 1, name: 'Tech', position: 0 }],
    feeds: [{ id: 1, url: 'https://a.example/feed', urls: ['https://a.example/feed'], title: 'A', folderId: 1, paused: 0, notify: 0, addedAt: 1 }],
    entries: [{ feedId: 1, key: 'k', title: 'T', sortAt: 1, fetchedAt: 1, read: 1, starred: 1, body: { categories: [], enclosures: [] } }],
  };

  it('lists every problem of a malformed backup and sends nothing', async () => {
    const root = await show(<BackupSection onStatus={onStatus} />);
    const broken = { ...good, settings: { theme: 'neon' }, feeds: [{ ...good.feeds[0], url: 'ftp://a.example/' }] };
    await choose(root, 'restore-file', new File([JSON.stringify(broken)], 'backup.json'));
    await until(() => expect(root.querySelector('[role="alert"] p')?.textContent).toBe('“backup.json” cannot be restored, and nothing was changed. 2 problems found.'));
    expect([...root.querySelectorAll('[role="alert"] li')].map((node) => node.textContent)).toEqual([
      'feeds[0].url: not a web address (http or https).',
      'settings.theme: a value this setting cannot take.',
    ]);
    expect(sent()).toEqual([]);
  });

  it('refuses a file that is not JSON', async () => {
    const root = await show(<BackupSection onStatus={onStatus} />);
    await choose(root, 'restore-file', new File(['<opml/>'], 'subscriptions.opml'));
    await until(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('“subscriptions.opml” cannot be read as JSON.'));
  });

  it('sums up a good backup and how restoring merges, and restores it only when confirmed', async () => {
    replies['restore-backup'] = () => ({ ok: true, value: { feedsAdded: 1, feedsMerged: 0, foldersAdded: 1, entriesAdded: 1, entriesUpdated: 0 } });
    const root = await show(<BackupSection onStatus={onStatus} />);
    await choose(root, 'restore-file', new File([JSON.stringify(good)], 'backup.json'));
    await until(() => expect(root.querySelector('#restore-question')?.textContent).toContain('Restore “backup.json”: 1 feed, 1 folder, 1 read or starred entry (1 starred)?'));
    expect(sent()).toEqual([]);
    await click('Restore');
    expect(sent()).toEqual([{ type: 'restore-backup', payload: { backup: good } }]);
    await until(() => expect(root.querySelector('.report')?.textContent).toBe('Restored: 1 feed added, 0 matched; 1 folder added; 1 entry added, 0 updated.'));
  });
});
