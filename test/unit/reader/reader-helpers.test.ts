import { describe, expect, it } from 'vitest';
import { entryIdFromHash, hashForEntry, viewFromHash } from '../../../src/pages/reader/entry-hash';
import { textParagraphs } from '../../../src/pages/reader/paragraphs';
import { actionFor } from '../../../src/pages/reader/shortcuts';

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
    expect(['j', 'n', 'k', 'p', 'o', 'm', '?'].map(actionFor)).toEqual(['next', 'next', 'previous', 'previous', 'openOriginal', 'toggleRead', 'toggleHelp']);
    expect(actionFor('x')).toBeUndefined();
  });
});
