// The reader's own look — text size, line width, typeface — from the settings, put on <html> as data attributes
// and one custom property (CSSOM, which the CSP allows; no style attribute). The last style is kept in
// localStorage too, so the next reader tab opens in it at once. (The theme is every page's: src/ui/appearance.ts.)
import { useLayoutEffect } from 'preact/hooks';
import { READER_FONTS, READER_FONT_SIZE, READER_WIDTHS, type Settings } from '../../db/settings';

/** The settings that style the reader. */
export type ReadingStyle = Pick<Settings, 'readerFontSize' | 'readerWidth' | 'readerFont'>;

const CACHE_KEY = 'mirror-reader.reading-style';

/** Put `style` on `root`: data-reader-width, data-reader-font, --reader-font-size. */
export function applyReadingStyle(style: ReadingStyle, root: HTMLElement = document.documentElement): void {
  root.dataset['readerWidth'] = style.readerWidth;
  root.dataset['readerFont'] = style.readerFont;
  root.style.setProperty('--reader-font-size', `${style.readerFontSize}px`);
}

/** The style the last reader tab used, if it is still a valid one. */
export function cachedReadingStyle(): ReadingStyle | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as Partial<ReadingStyle> | null;
    if (!value) return undefined;
    const size = value.readerFontSize;
    const valid =
      typeof size === 'number' && size >= READER_FONT_SIZE.min && size <= READER_FONT_SIZE.max &&
      READER_WIDTHS.includes(value.readerWidth as never) && READER_FONTS.includes(value.readerFont as never);
    return valid ? (value as ReadingStyle) : undefined;
  } catch {
    // Storage disabled, or a value from elsewhere: the settings will style the page a moment later.
    return undefined;
  }
}

/** Style the page from the live settings, and remember the style for the next tab. */
export function useReadingStyle(settings: Settings | undefined): void {
  const style = settings && { readerFontSize: settings.readerFontSize, readerWidth: settings.readerWidth, readerFont: settings.readerFont };
  const key = style && JSON.stringify(style);
  // A layout effect, before the scroll memory's (reader-app.tsx calls this first): the position goes back to
  // where the user was on the page in their text size.
  useLayoutEffect(() => {
    if (!style || !key) return;
    applyReadingStyle(style);
    try {
      localStorage.setItem(CACHE_KEY, key);
    } catch {
      // Not remembered across tabs; the settings still apply.
    }
  }, [key]);
}
