// Back up → delete everything → restore, in real Chromium through the options page: the backup file is the
// page's download, the library is emptied, the file chosen in "Restore a backup" is checked and summed up,
// and after Restore the feeds, folders, settings, read and starred state and the starred entry's text are
// back — and stay right once the worker has polled the restored feeds. A malformed file changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyRow, EntryRow, FeedRow, FolderRow, SettingRow } from '../../src/db/model';
import { seriousViolations } from './support/axe';
import { minutesAgo, rssRoute } from './support/fixtures';
import { command, eventually, readStore, startHarness, storedEntries, storedFeeds, subscribe, unsubscribeAll, type Harness } from './support/harness';

let h: Harness;
let options: Page;
let backupFile = '';

beforeAll(async () => {
  const post = (guid: string, title: string, minutes: number) => ({ guid, title, link: `http://news.example/${guid}`, published: minutesAgo(minutes), html: `<p>${title}: the full text.</p>` });
  h = await startHarness({
    '/harbour.xml': rssRoute({ title: 'Harbour News', link: 'http://news.example/', items: [post('h1', 'Ferry times', 10), post('h2', 'Market days', 20), post('h3', 'Tide tables', 30)] }),
    '/hills.xml': rssRoute({ title: 'Hill Walks', link: 'http://hills.example/', items: [post('w1', 'Ridge path', 15), post('w2', 'Old quarry', 25)] }),
  });
  const harbour = await subscribe(h, '/harbour.xml');
  await subscribe(h, '/hills.xml');
  await command(h.control, 'create-folder', { name: 'Local' });
  await command(h.control, 'move-feeds', { feedIds: [harbour.feedId], folderId: 1 });
  const entries = await storedEntries(h.control);
  const byKey = (key: string) => entries.find((entry) => entry.key === key)!.id;
  await command(h.control, 'mark-read', { entryIds: [byKey('h1'), byKey('w1')], read: true });
  await command(h.control, 'set-starred', { entryIds: [byKey('h2')], starred: true });
  await command(h.control, 'update-settings', { patch: { theme: 'dark', pollIntervalMinutes: 60 } });
  options = await h.open('options');
});

afterAll(() => h?.close());

/** [feed title, entry key, read, starred] of every stored entry, sorted. */
async function state(): Promise<[string, string, number, number][]> {
  const feeds = new Map((await storedFeeds(h.control)).map((feed) => [feed.id, feed.title]));
  return (await storedEntries(h.control)).map((entry): [string, string, number, number] => [feeds.get(entry.feedId) ?? '?', entry.key, entry.read, entry.starred]).sort((a, b) => a[1].localeCompare(b[1]));
}

describe('back up, delete everything, restore', () => {
  it('downloads a backup of everything', async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Back up everything' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mirror-reader-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupFile = (await file.path())!;
    const backup = JSON.parse(readFileSync(backupFile, 'utf8'));
    expect(backup).toMatchObject({ format: 'mirror-reader-backup', version: 1, settings: { theme: 'dark', pollIntervalMinutes: 60 }, folders: [{ name: 'Local' }] });
    expect(backup.entries.map((entry: { key: string; read: number; starred: number; body?: object }) => [entry.key, entry.read, entry.starred, entry.body !== undefined])).toEqual([
      ['h1', 1, 0, false],
      ['h2', 0, 1, true],
      ['w1', 1, 0, false],
    ]);
    await eventually(() => options.getByRole('status').innerText()).toBe('Backup saved: 2 feeds, 3 entries.');
  });

  it('restores it into an emptied library with read and starred state, the starred text, folders and settings', async () => {
    await unsubscribeAll(h);
    await command(h.control, 'delete-folder', { folderId: 1 });
    await command(h.control, 'update-settings', { patch: { theme: 'system', pollIntervalMinutes: 30 } });
    expect(await storedFeeds(h.control)).toEqual([]);
    await options.getByText('No feeds yet. Add one above.').waitFor();

    await options.getByLabel('Restore a backup').setInputFiles(backupFile);
    const question = options.locator('#restore-question');
    await eventually(() => question.innerText()).toContain(': 2 feeds, 1 folder, 3 read or starred entries (1 starred)?');
    // Nothing is written before the user confirms.
    expect(await storedFeeds(h.control)).toEqual([]);
    await options.getByRole('button', { name: 'Restore', exact: true }).click();
    await eventually(() => options.locator('p.report').innerText()).toBe('Restored: 2 feeds added, 0 matched; 1 folder added; 3 entries added, 0 updated.');

    const folders = await readStore<FolderRow>(h.control, 'folders');
    expect(folders.map((folder) => folder.name)).toEqual(['Local']);
    const settings = new Map((await readStore<SettingRow>(h.control, 'settings')).map((row) => [row.key, row.value]));
    expect([settings.get('theme'), settings.get('pollIntervalMinutes')]).toEqual(['dark', 60]);
    // The page follows the restored theme.
    await eventually(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const starred = (await storedEntries(h.control)).find((entry) => entry.key === 'h2') as EntryRow;
    const body = (await readStore<BodyRow>(h.control, 'bodies')).find((row) => row.id === starred.id);
    expect(body?.contentHtml).toBe('<p>Market days: the full text.</p>');

    // The worker polls the restored feeds: the other entries come back unread, the restored ones keep their state.
    await eventually(state).toEqual([
      ['Harbour News', 'h1', 1, 0],
      ['Harbour News', 'h2', 0, 1],
      ['Harbour News', 'h3', 0, 0],
      ['Hill Walks', 'w1', 1, 0],
      ['Hill Walks', 'w2', 0, 0],
    ]);
    const feeds = await storedFeeds(h.control);
    // In the folder restored under its name (a new row: the old one was deleted).
    expect(feeds.map((feed: FeedRow) => [feed.title, feed.folderId])).toEqual([
      ['Harbour News', folders[0]!.id],
      ['Hill Walks', 0],
    ]);
    // A read entry came back as a list row; the poll filled in its text.
    const read = (await storedEntries(h.control)).find((entry) => entry.key === 'h1')!;
    expect((await readStore<BodyRow>(h.control, 'bodies')).find((row) => row.id === read.id)?.contentHtml).toBe('<p>Ferry times: the full text.</p>');
  });

  it('has no serious or critical accessibility violation in the dark theme', async () => {
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('refuses a malformed backup, listing its problems, and changes nothing', async () => {
    const broken = JSON.parse(readFileSync(backupFile, 'utf8'));
    broken.feeds[0].urls = ['javascript:alert(1)'];
    broken.entries[1].starred = 'yes';
    const path = `${backupFile}.broken.json`;
    writeFileSync(path, JSON.stringify(broken));
    const before = await state();
    await options.getByLabel('Restore a backup').setInputFiles(path);
    const alert = options.locator('.alert', { hasText: 'cannot be restored' });
    await eventually(() => alert.locator('li').allInnerTexts()).toEqual([
      'feeds[0].urls[0]: not a web address (http or https).',
      'entries[1].starred: not a value this field can hold.',
    ]);
    expect(await options.getByRole('button', { name: 'Restore', exact: true }).count()).toBe(0);
    expect(await state()).toEqual(before);
  });
});
