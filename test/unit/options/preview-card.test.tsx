// @vitest-environment jsdom
// The subscribe preview shows the site address a fetched feed names: a link only for a web address, plain text
// for anything else (a hostile feed's javascript: or data: link must not become a clickable href).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedPreview } from '../../../src/discovery/model';
import { PreviewCard } from '../../../src/pages/options/preview-card';
import { closePage, freshPage, show } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(freshPage);
afterEach(closePage);

const preview = (siteUrl: string): FeedPreview => ({ url: 'https://feeds.test/rss.xml', title: 'Feed', siteUrl, format: 'rss', entryCount: 0, entries: [] });

describe('PreviewCard', () => {
  it('links an https site address, opening in a new tab', async () => {
    const root = await show(<PreviewCard preview={preview('https://site.test/')} />);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://site.test/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])('shows %j as text, not a link', async (siteUrl) => {
    const root = await show(<PreviewCard preview={preview(siteUrl)} />);
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('.hint')!.textContent).toContain(siteUrl);
  });
});
