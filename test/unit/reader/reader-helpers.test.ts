import { describe, expect, it, vi } from 'vitest';
import { entryIdFromHash, hashForEntry, viewFromHash } from '../../../src/pages/reader/entry-hash';
import { textParagraphs } from '../../../src/pages/reader/paragraphs';
import { HELP_ROWS } from '../../../src/pages/reader/help-dialog';
import { actionFor } from '../../../src/pages/reader/shortcuts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

describe('entryIdFromHash', () => {
  it('reads #entry=<id> and round-trips hashForEntry', () => {
    expect(entryIdFromHash('#entry=42')).toBe(42);
    expect(hashForEntry(7, { kind: 'feed', feedId: 3, unreadOnly: true })).toBe('#entry=7&view=feed:3:u');
    expect(entryIdFromHash('#entry=7&view=feed:3:u')).toBe(7);
  });

  it('reads the list view, the unread list when none or a bad one is named', () => {
    expect(viewFromHash('#entry=7&view=folder:2:a')).toEqual({ kind: 'folder', folderId: 2, unreadOnly: false });
    expect(viewFromHash('#entry=7&view=starred')).toEqual({ kind: 'starred' });
    expect(viewFromHash('#entry=7')).toEqual({ kind: 'unread' });
    expect(viewFromHash('#entry=7&view=feed:0:u')).toEqual({ kind: 'unread' });
    expect(viewFromHash('#entry=7&view=search:harbour%20%26%20sea')).toEqual({ kind: 'search', query: 'harbour & sea' });
    expect(viewFromHash('#entry=7&view=search:')).toEqual({ kind: 'unread' });
  });

  it.each(['', '#', '#entry=', '#entry=abc', '#entry=-1', '#entry=0', '#entry=1e3', '#entry=99999999999999999999'])('rejects %j', (hash) => {
    expect(entryIdFromHash(hash)).toBeUndefined();
  });
});

describe('textParagraphs', () => {
  it('makes one paragraph per non-empty line, trimming ASCII and ideographic indentation', () => {
    expect(textParagraphs('标题\n\n  第一段\r\n\u3000\u3000第二段\n   \n')).toEqual(['标题', '第一段', '第二段']);
  });
});

describe('actionFor', () => {
  it('maps the documented keys', () => {
    expect(['j', 'n', 'k', 'p', 's', 'm', 'v', 'o', '-', '+', '=', '?', 'Escape'].map(actionFor)).toEqual([
      'next', 'next', 'previous', 'previous', 'toggleStar', 'toggleRead', 'openOriginal', 'toggleFullArticle', 'smallerText', 'largerText', 'largerText', 'toggleHelp', 'closePanels',
    ]);
    expect(actionFor('x')).toBeUndefined();
    expect(actionFor('toString')).toBeUndefined();
  });

  it('has a help row for every key it maps', () => {
    const helped = new Set(HELP_ROWS.flatMap(([keys]) => keys));
    for (const key of ['j', 'n', 'k', 'p', 's', 'm', 'v', 'o', '-', '+', '?', 'Esc']) expect(helped.has(key), key).toBe(true);
    expect([...helped].map((key) => actionFor(key === 'Esc' ? 'Escape' : key))).not.toContain(undefined);
  });
});
