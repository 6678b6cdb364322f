// @vitest-environment happy-dom
// A feed's own settings in its row: what the form sends (one update-feed with the fields that changed, empty
// ones back to the global settings), pause and resume, the worker's refusal in words, mirrors reordered and tested, and
// what the worker knows shown as facts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedSettings } from '../../../src/pages/options/feed-settings';
import { feed } from '../ui/seed';
import { click, closePage, fill, freshPage, replies, sent, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(freshPage);
afterEach(closePage);

const onStatus = vi.fn();
const now = Date.now();
const gazette = feed(4, 'Gazette', {
  url: 'https://origin.example/feed',
  urls: ['https://mirror.example/feed', 'https://origin.example/feed'],
  servedUrl: 'https://mirror.example/feed',
  intervalMinutes: 60,
  lastFetchedAt: now - 2 * 3600_000,
  lastSuccessAt: now - 2 * 3600_000,
  nextPollAt: now + 3 * 3600_000 + 60_000,
  errorCount: 0,
});

describe('per-feed settings', () => {
  it('saves the changed fields at once; an empty field goes back to the global setting', async () => {
    replies['update-feed'] = () => ({ ok: true, value: null });
    await show(<FeedSettings id="p" feed={gazette} counts={{ feedId: 4, unread: 2, starred: 1, total: 9 }} onStatus={onStatus} />);
    await fill('p-name', ' Harbour Gazette ');
    await fill('p-interval', '');
    await fill('p-zone', 'Asia/Shanghai');
    await fill('p-days', '30');
    await click('Save');
    expect(sent()).toEqual([
      { type: 'update-feed', payload: { feedId: 4, patch: { customTitle: 'Harbour Gazette', intervalMinutes: null, timeZone: 'Asia/Shanghai', keepDays: 30 } } },
    ]);
    await until(() => expect(onStatus).toHaveBeenLastCalledWith('Settings of Harbour Gazette saved.'));
  });

  it('sends only the new name when the feed is renamed: its interval is not sent again', async () => {
    replies['update-feed'] = () => ({ ok: true, value: null });
    await show(<FeedSettings id="p" feed={{ ...gazette, keepDays: 30, notify: 1 }} counts={undefined} onStatus={onStatus} />);
    await fill('p-name', 'Renamed');
    await click('Save');
    expect(sent()).toEqual([{ type: 'update-feed', payload: { feedId: 4, patch: { customTitle: 'Renamed' } } }]);
  });

  it('shows the worker refusing a time zone', async () => {
    replies['update-feed'] = () => ({ ok: false, error: { code: 'invalid-time-zone', params: { zone: 'Mars/Olympus' } } });
    const root = await show(<FeedSettings id="p" feed={gazette} counts={undefined} onStatus={onStatus} />);
    await fill('p-zone', 'Mars/Olympus');
    await click('Save');
    await until(() =>
      expect(root.querySelector('form [role="alert"]')?.textContent).toBe('“Mars/Olympus” is not a time zone. Use a name such as Asia/Shanghai, or an offset such as +08:00.'),
    );
  });

  it('pauses, and resumes a feed its server said was gone', async () => {
    replies['update-feed'] = () => ({ ok: true, value: null });
    await show(<FeedSettings id="p" feed={gazette} counts={undefined} onStatus={onStatus} />);
    await click('Pause updates');
    await closePage();
    await freshPage();
    replies['update-feed'] = () => ({ ok: true, value: null });
    await show(<FeedSettings id="p" feed={{ ...gazette, paused: 1, pauseReason: 'gone' }} counts={undefined} onStatus={onStatus} />);
    await click('Resume updates');
    expect(sent()).toEqual([{ type: 'update-feed', payload: { feedId: 4, patch: { paused: false } } }]);
    await until(() => expect(onStatus).toHaveBeenLastCalledWith('Gazette resumed: it is checked now.'));
  });

  it('lists the addresses in order with the one that answered last, reorders and tests them', async () => {
    replies['update-feed'] = () => ({ ok: true, value: null });
    replies['preview-feed'] = ({ url }) =>
      url === 'https://mirror.example/feed'
        ? { ok: true, value: { url, title: 'Gazette', format: 'rss', entryCount: 12, entries: [] } }
        : { ok: false, error: { code: 'timeout', params: { host: 'origin.example', seconds: 30 } } };
    const root = await show(<FeedSettings id="p" feed={gazette} counts={undefined} onStatus={onStatus} />);
    expect([...root.querySelectorAll('.mirrors li')].map((item) => item.querySelector('.url')?.textContent + (item.querySelector('.badge') ? ' *' : ''))).toEqual([
      'https://mirror.example/feed *',
      'https://origin.example/feed',
    ]);
    await click('Try https://origin.example/feed earlier');
    expect(sent()).toEqual([{ type: 'update-feed', payload: { feedId: 4, patch: { urls: ['https://origin.example/feed', 'https://mirror.example/feed'] } } }]);
    await click('Test https://mirror.example/feed');
    await click('Test https://origin.example/feed');
    await until(() =>
      expect([...root.querySelectorAll('.mirrors li p')].map((node) => node.textContent)).toEqual(['Works: “Gazette”, 12 entries.', 'origin.example did not answer within 30 seconds.']),
    );
  });

  it('shows what the worker knows about the feed', async () => {
    const root = await show(<FeedSettings id="p" feed={{ ...gazette, errorCount: 2 }} counts={{ feedId: 4, unread: 2, starred: 1, total: 9 }} onStatus={onStatus} />);
    const facts = [...root.querySelectorAll('.facts dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(facts).toEqual([
      ['Last checked', '2 hours ago'],
      ['Last success', '2 hours ago'],
      ['Served from', 'https://mirror.example/feed'],
      ['Next check', 'in 3 hours'],
      ['Failures in a row', '2'],
      ['Entries', '2 unread · 1 starred · 9 entries'],
    ]);
  });
});
