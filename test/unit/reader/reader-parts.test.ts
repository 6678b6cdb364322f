// @vitest-environment happy-dom
// The reader's small parts, no DOMPurify involved: the entry's language, attachment helpers, the reading style
// on <html> and its cache, the scroll memory.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachmentKind, fileName, fileSize } from '../../../src/pages/reader/enclosures';
import { entryLanguage } from '../../../src/pages/reader/entry-lang';
import { applyReadingStyle, cachedReadingStyle } from '../../../src/pages/reader/reading-style';
import { REMEMBERED, savedPosition, savePosition } from '../../../src/pages/reader/scroll-memory';
import { stepFontSize } from '../../../src/pages/reader/reading-settings';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(() => localStorage.clear());
afterEach(() => {
  const root = document.documentElement;
  for (const key of Object.keys(root.dataset)) delete root.dataset[key];
  root.style.removeProperty('--reader-font-size');
});

describe('entryLanguage', () => {
  it.each([
    ['zh-cn', 'Anything', 'zh-CN'],
    ['zh_TW', 'x', 'zh-TW'],
    ['zh-hant-tw', 'x', 'zh-Hant-TW'],
    ['EN-us', 'x', 'en-US'],
    [undefined, '即时通信差异化更加明显，连接能力进一步提升', 'zh'],
    [undefined, '東京の天気は晴れです', 'ja'],
    [undefined, '서울의 날씨', 'ko'],
    [undefined, 'B站月活用户达2.67亿', 'zh'],
    [undefined, 'Harbour plan published', ''],
    ['not a tag!', 'Harbour plan published', ''],
  ])('declared %j, text %j → %j', (declared, text, expected) => {
    expect(entryLanguage(declared, text)).toBe(expected);
  });
});

describe('attachments', () => {
  it.each([
    [{ url: 'https://cdn.example/ep12.mp3', type: 'audio/mpeg' }, 'audio'],
    [{ url: 'https://cdn.example/ep12.m4a' }, 'audio'],
    [{ url: 'https://cdn.example/ep12.m4a', type: 'application/octet-stream' }, 'audio'],
    [{ url: 'https://cdn.example/clip.webm', type: 'video/webm' }, 'video'],
    [{ url: 'https://cdn.example/clip.mp4' }, 'video'],
    [{ url: 'https://cdn.example/slides.pdf', type: 'application/pdf' }, 'file'],
    [{ url: 'https://cdn.example/clip.mp4', type: 'application/pdf' }, 'file'],
  ])('%j is shown as %s', (enclosure, kind) => {
    expect(attachmentKind(enclosure)).toBe(kind);
  });

  it('names a file after its address, decoded', () => {
    expect(fileName('https://cdn.example/files/%E7%AC%AC12%E6%9C%9F.mp3?sig=1')).toBe('第12期.mp3');
    expect(fileName('https://cdn.example/')).toBe('cdn.example');
  });

  it('gives sizes in the reader’s language', () => {
    expect(fileSize(512, 'en-US')).toBe('512 byte');
    expect(fileSize(820 * 1024, 'en-US')).toBe('820 kB');
    expect(fileSize(12.4 * 1024 * 1024, 'en-US')).toBe('12.4 MB');
    expect(fileSize(1536 * 1024 * 1024, 'zh-CN')).toBe('1.5 GB');
  });
});

describe('reading style', () => {
  it('puts the settings on <html>, leaving the theme to every page’s appearance', () => {
    const root = document.documentElement;
    root.dataset['theme'] = 'sepia';
    applyReadingStyle({ readerFontSize: 21, readerWidth: 'wide', readerFont: 'serif' });
    expect({ ...root.dataset }).toEqual({ theme: 'sepia', readerWidth: 'wide', readerFont: 'serif' });
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('21px');
  });

  it('reads back only a valid cached style', () => {
    localStorage.setItem('mirror-reader.reading-style', JSON.stringify({ readerFontSize: 20, readerWidth: 'narrow', readerFont: 'sans' }));
    expect(cachedReadingStyle()).toEqual({ readerFontSize: 20, readerWidth: 'narrow', readerFont: 'sans' });
    localStorage.setItem('mirror-reader.reading-style', JSON.stringify({ readerFontSize: 99, readerWidth: 'narrow', readerFont: 'sans' }));
    expect(cachedReadingStyle()).toBeUndefined();
    localStorage.setItem('mirror-reader.reading-style', '{not json');
    expect(cachedReadingStyle()).toBeUndefined();
  });

  it('steps the text size within 14–28 px', () => {
    expect([stepFontSize(18, 1), stepFontSize(18, -1), stepFontSize(28, 1), stepFontSize(14, -1)]).toEqual([19, 17, 28, 14]);
  });
});

describe('scroll memory', () => {
  it('remembers a position per entry, forgets it at the top and at the end', () => {
    savePosition(1, 0.4);
    savePosition(2, 0.75);
    expect([savedPosition(1), savedPosition(2), savedPosition(3)]).toEqual([0.4, 0.75, undefined]);
    savePosition(1, 0.995);
    savePosition(2, 0);
    expect([savedPosition(1), savedPosition(2)]).toEqual([undefined, undefined]);
  });

  it(`keeps the ${REMEMBERED} most recent entries`, () => {
    for (let id = 1; id <= REMEMBERED + 5; id++) savePosition(id, 0.5);
    savePosition(3, 0.25);
    expect(savedPosition(1)).toBeUndefined();
    expect(savedPosition(6)).toBeUndefined();
    expect(savedPosition(7)).toBe(0.5);
    expect(savedPosition(3)).toBe(0.25);
    expect(JSON.parse(localStorage.getItem('mirror-reader.scroll')!)).toHaveLength(REMEMBERED);
  });
});
