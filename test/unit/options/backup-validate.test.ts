// Restore checks the whole file first: each malformed backup below is refused with the problems a user
// is shown (code and place), and a good one passes through typed. That nothing is written on refusal is
// the restore handler's test (backup-restore.test.ts); here only the verdicts.
import { describe, expect, it } from 'vitest';
import { validateBackup, type SettingCheck } from '../../../src/backup/validate';

const settings: SettingCheck = (key, value) => {
  if (key === 'theme') return value === 'light' || value === 'dark' || value === 'system' ? 'ok' : 'invalid';
  return 'unknown';
};

/** A small valid backup; each test breaks one thing. */
function good() {
  return {
    format: 'mirror-reader-backup',
    version: 1,
    exportedAt: 1_700_000_000_000,
    settings: { theme: 'dark' } as Record<string, unknown>,
    folders: [{ id: 1, name: 'Tech', position: 0 }],
    feeds: [
      { id: 10, url: 'https://a.example/feed', urls: ['https://mirror.example/a', 'https://a.example/feed'], title: 'A', folderId: 1, paused: 0, notify: 0, addedAt: 1 },
      { id: 11, url: 'https://b.example/rss', urls: ['https://b.example/rss'], title: 'B', customTitle: 'Bee', folderId: 0, paused: 1, pauseReason: 'gone', notify: 1, addedAt: 2, intervalMinutes: 60 },
    ],
    entries: [
      { feedId: 10, key: 'a1', title: 'Read one', sortAt: 5, fetchedAt: 5, read: 1, starred: 0 },
      { feedId: 11, key: 'b1', title: 'Starred', sortAt: 6, fetchedAt: 6, read: 1, starred: 1, body: { contentHtml: '<p>kept</p>', categories: [], enclosures: [] } },
    ],
  };
}

type Mutable = ReturnType<typeof good> & Record<string, unknown>;
const check = (change: (backup: Mutable) => void) => {
  const backup = good() as Mutable;
  change(backup);
  return validateBackup(JSON.parse(JSON.stringify(backup)), settings);
};
const problems = (change: (backup: Mutable) => void) => {
  const result = check(change);
  return result.ok ? 'accepted' : result.problems;
};

describe('validateBackup', () => {
  it('names a field it does not know by its place instead of dropping it, and accepts a saved article', () => {
    // A field dropped without a word is data lost on restore (the saved articles were, before the schema had them).
    expect(problems((backup) => ((backup.feeds[0] as Record<string, unknown>).etag = 'W/"x"'))).toEqual([{ code: 'backup-unknown-field', path: 'feeds[0].etag' }]);
    expect(problems((backup) => ((backup as Record<string, unknown>).images = []))).toEqual([{ code: 'backup-unknown-field', path: 'images' }]);
    const article = { html: '<p>full</p>', url: 'https://a.example/post', fetchedAt: 5 };
    const withArticle = check((backup) => ((backup.entries[1] as Record<string, unknown>).body = { categories: [], enclosures: [], article }));
    expect(withArticle.ok && withArticle.backup.entries[1]?.body?.article).toEqual(article);
    expect(problems((backup) => ((backup.entries[1] as Record<string, unknown>).body = { categories: [], enclosures: [], article: { ...article, url: 'javascript:x' } }))).toEqual([{ code: 'backup-bad-url', path: 'entries[1].body.article.url' }]);
  });

  it('refuses what is not a backup at all, and a newer version without listing its fields', () => {
    expect(validateBackup(null, settings)).toEqual({ ok: false, problems: [{ code: 'backup-not-backup', path: '' }], total: 1 });
    expect(validateBackup({ format: 'opml', version: 1 }, settings)).toEqual({ ok: false, problems: [{ code: 'backup-not-backup', path: '' }], total: 1 });
    expect(problems((backup) => (backup.version = 2))).toEqual([{ code: 'backup-newer-version', path: 'version' }]);
    expect(problems((backup) => (backup.version = 0))).toEqual([{ code: 'backup-invalid', path: 'version' }]);
  });

  it('names each missing, mistyped or out-of-range field by its place', () => {
    expect(
      problems((backup) => {
        delete (backup as Partial<Mutable>).folders;
        (backup.feeds[0] as Record<string, unknown>).paused = true;
        (backup.feeds[1] as Record<string, unknown>).intervalMinutes = 2;
        (backup.entries[0] as Record<string, unknown>).sortAt = 'yesterday';
        delete (backup.entries[1] as Partial<(typeof backup.entries)[number]>).key;
      }),
    ).toEqual([
      { code: 'backup-missing', path: 'folders' },
      { code: 'backup-invalid', path: 'feeds[0].paused' },
      { code: 'backup-out-of-range', path: 'feeds[1].intervalMinutes' },
      { code: 'backup-invalid', path: 'entries[0].sortAt' },
      { code: 'backup-missing', path: 'entries[1].key' },
    ]);
  });

  it('refuses feed addresses that are not web addresses, mirrors without the main address, and shared addresses', () => {
    expect(problems((backup) => (backup.feeds[0]!.urls = ['javascript:alert(1)', 'https://a.example/feed']))).toEqual([{ code: 'backup-bad-url', path: 'feeds[0].urls[0]' }]);
    expect(problems((backup) => (backup.feeds[0]!.urls = ['https://mirror.example/a']))).toEqual([{ code: 'backup-invalid', path: 'feeds[0].urls' }]);
    expect(problems((backup) => backup.feeds[1]!.urls.push('https://mirror.example/a'))).toEqual([{ code: 'backup-duplicate-url', path: 'feeds[1].urls' }]);
  });

  it('refuses ids used twice and references to folders or feeds the file does not have', () => {
    expect(
      problems((backup) => {
        backup.folders.push({ id: 1, name: 'Again', position: 1 });
        backup.feeds[1]!.id = 10;
        backup.feeds[1]!.folderId = 7;
        backup.entries.push({ feedId: 99, key: 'x', title: '', sortAt: 1, fetchedAt: 1, read: 1, starred: 0 });
        backup.entries.push({ feedId: 10, key: 'a1', title: 'twice', sortAt: 1, fetchedAt: 1, read: 1, starred: 0 });
      }),
    ).toEqual([
      { code: 'backup-duplicate-id', path: 'folders[1].id' },
      { code: 'backup-duplicate-id', path: 'feeds[1].id' },
      { code: 'backup-unknown-folder', path: 'feeds[1].folderId' },
      // Feed 11 is gone (its id became 10), so its entry points nowhere too.
      { code: 'backup-unknown-feed', path: 'entries[1].feedId' },
      { code: 'backup-unknown-feed', path: 'entries[2].feedId' },
      { code: 'backup-duplicate-entry', path: 'entries[3].key' },
    ]);
  });

  it('refuses settings this build does not know or whose value it does not accept', () => {
    expect(problems((backup) => (backup.settings = { theme: 'sepia', fontSize: 3 }))).toEqual([
      { code: 'backup-bad-setting', path: 'settings.theme' },
      { code: 'backup-unknown-setting', path: 'settings.fontSize' },
    ]);
  });

  it('lists at most 50 problems and says how many there were', () => {
    const result = check((backup) => {
      backup.entries = Array.from({ length: 120 }, (_, index) => ({ feedId: 10, key: '', title: `t${index}`, sortAt: 1, fetchedAt: 1, read: 1, starred: 0 }));
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.total).toBe(120);
      expect(result.problems).toHaveLength(50);
      expect(result.problems[49]).toEqual({ code: 'backup-invalid', path: 'entries[49].key' });
    }
  });
});
