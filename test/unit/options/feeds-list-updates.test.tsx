// @vitest-environment happy-dom
// The options page's feed list under a polling round's writes: a row is drawn again only when something it
// shows changed (a claim or the bookkeeping of a poll draws nothing), an open settings panel still follows its
// feed live, and a throttled query reads far fewer times than the writes of a burst yet ends on the last, and
// not at all for a change to a table it does not read.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { FeedsSection } from '../../../src/pages/options/feeds-section';
import { useTableQuery } from '../../../src/ui/table-query';
import { feed } from '../ui/seed';
import { click, closePage, freshPage, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
// Every drawing of a feed's line words its status once: the calls say which rows were drawn.
const drawn = vi.hoisted(() => ({ ids: [] as number[] }));
vi.mock('../../../src/pages/options/feed-status', async (original) => {
  const real = await original<typeof import('../../../src/pages/options/feed-status')>();
  return {
    ...real,
    feedStatus: (row: { id: number }, now?: number) => {
      drawn.ids.push(row.id);
      return real.feedStatus(row as never, now);
    },
  };
});

beforeEach(async () => {
  await freshPage();
  drawn.ids.length = 0;
});
afterEach(closePage);

const names = (root: HTMLElement) => [...root.querySelectorAll('.feed-row .name')].map((node) => node.textContent);

describe('the feed list during a round', () => {
  it('draws again only the rows whose shown fields changed', async () => {
    await db.feeds.bulkAdd([feed(1, 'Alpha'), feed(2, 'Beta'), feed(3, 'Gamma')]);
    const root = await show(<FeedsSection onStatus={() => undefined} />);
    await until(() => expect(names(root)).toEqual(['Alpha', 'Beta', 'Gamma']));
    drawn.ids.length = 0;

    // One transaction, as a poll's bookkeeping: Beta claimed and given validators (nothing shown changes),
    // Alpha renamed by its feed (its name changes), Gamma untouched.
    await db.transaction('rw', db.feeds, async () => {
      await db.feeds.update(2, { nextPollAt: 99, etag: '"v2"', bodyHash: 'abc', errorCount: 0 });
      await db.feeds.update(1, { title: 'Alpha News' });
    });
    await until(() => expect(names(root)).toEqual(['Alpha News', 'Beta', 'Gamma']));
    expect(drawn.ids).toEqual([1]);

    await db.feeds.update(3, { lastError: { code: 'timeout', params: { host: 'feeds.example', seconds: 30 } } });
    await until(() => expect(root.querySelectorAll('.feed-row .state')[2]?.textContent).toBe('Last update failed: feeds.example did not answer within 30 seconds.'));
    expect(drawn.ids).toEqual([1, 3]);
  });

  it('keeps an open settings panel live though its row is not drawn again', async () => {
    await db.feeds.add(feed(1, 'Alpha', { errorCount: 0 }));
    const root = await show(<FeedsSection onStatus={() => undefined} />);
    await until(() => expect(names(root)).toEqual(['Alpha']));
    await click('Settings of Alpha');
    const failures = () => [...root.querySelectorAll('.facts dt')].find((term) => term.textContent === 'Failures in a row')?.nextElementSibling?.textContent;
    expect(failures()).toBe('0');

    await db.feeds.update(1, { errorCount: 3 });
    await until(() => expect(failures()).toBe('3'));
  });
});

describe('a throttled query', () => {
  function Count({ runs }: { runs: { count: number } }) {
    const live = useTableQuery(
      () => {
        runs.count += 1;
        return db.feeds.count();
      },
      ['feeds'],
      { throttleMs: 300 },
    );
    return <p>{live.status === 'ready' ? live.value : '…'}</p>;
  }

  it('follows a lone change at once, and a burst of 30 writes in a few reads, ending on the last', async () => {
    const runs = { count: 0 };
    const root = await show(<Count runs={runs} />);
    await until(() => expect(root.textContent).toBe('0'));

    await db.feeds.add(feed(1, 'One'));
    await until(() => expect(root.textContent).toBe('1'));

    const before = runs.count;
    await act(async () => {
      for (let id = 2; id <= 31; id++) await db.feeds.add(feed(id, `Feed ${id}`));
    });
    await until(() => expect(root.textContent).toBe('31'));
    expect(runs.count - before).toBeLessThan(10);
  });

  it('reads nothing for a change to another table', async () => {
    const runs = { count: 0 };
    const root = await show(<Count runs={runs} />);
    await until(() => expect(root.textContent).toBe('0'));
    await db.folders.add({ id: 1, name: 'Tech', position: 0 });
    await db.feeds.add(feed(1, 'One'));
    await until(() => expect(root.textContent).toBe('1'));
    expect(runs.count).toBe(2);
  });
});
