// The service worker stopped in the middle of a poll (as Chromium does to idle workers, or as a crash would):
// what was stored before stays as it was, and the next poll brings every entry exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postsOn, rssRoute, type Channel } from './support/fixtures';
import { badgeText, command, currentWorker, eventually, popupCount, popupRows, startHarness, storedEntries, subscribe, type Harness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

describe('worker stopped mid-poll', () => {
  it('loses nothing and stores nothing twice', async () => {
    const item = postsOn(h.server.origin);
    const quick: Channel = { title: 'Quick News', link: `${h.server.origin}/`, items: [item('q1', 'Morning briefing', 300), item('q2', 'Markets open higher', 240)] };
    const slow: Channel = { title: 'Slow Mirror', link: `${h.server.origin}/`, items: [item('s1', 'Archive: the 1990 floods', 400), item('s2', 'Archive: the old lighthouse', 360)] };
    h.server.routes.set('/quick.xml', rssRoute(quick));
    h.server.routes.set('/slow.xml', rssRoute(slow));
    await subscribe(h, '/quick.xml');
    await subscribe(h, '/slow.xml');
    // Some reader state to keep: one entry already read.
    const read = (await storedEntries(h.control)).find((entry) => entry.key === 's1')!;
    expect(await command(h.control, 'mark-read', { entryIds: [read.id], read: true })).toEqual({ ok: true, value: { count: 1 } });
    const before = await storedEntries(h.control);
    expect(before.map((entry) => entry.key).sort()).toEqual(['q1', 'q2', 's1', 's2']);

    // Both feeds gain an entry; the slow one answers only after 20 s, far later than the worker lives.
    quick.items.unshift(item('q3', 'Lunchtime update', 30));
    slow.items.unshift(item('s3', 'Archive: the harbour in 1920', 20));
    h.server.routes.set('/quick.xml', rssRoute(quick));
    h.server.routes.set('/slow.xml', rssRoute(slow, { delayMs: 20_000 }));
    const popup = await h.open('popup');
    const slowFetches = h.server.hits.get('/slow.xml')!;
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await eventually(() => h.server.hits.get('/slow.xml')).toBe(slowFetches + 1);

    // A mark in the worker's globals: a worker that really stopped starts again without it.
    await (await currentWorker(h)).evaluate(() => Object.assign(globalThis, { beforeStop: true }));
    const cdp = await h.ext.context.newCDPSession(popup);
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => versions.some((version) => version.runningStatus === 'stopped') && done()),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    // The popup's command died with the worker; it says so instead of hanging.
    await eventually(() => popup.getByRole('alert').innerText()).toContain('The background worker did not answer');
    await cdp.detach();

    // Nothing of the interrupted poll was half-stored: every row from before is unchanged.
    const afterKill = await storedEntries(h.control);
    expect(afterKill.filter((entry) => entry.key !== 'q3')).toEqual(before);
    expect(afterKill.some((entry) => entry.key === 's3')).toBe(false);

    // The mirror is fast again; the next Refresh (which starts a new worker) completes the poll.
    h.server.routes.set('/slow.xml', rssRoute(slow));
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await eventually(() => popup.getByRole('status').innerText()).toMatch(/^Checked 2 feeds: (1 new entry|2 new entries)\.$/);

    expect(await (await currentWorker(h)).evaluate(() => 'beforeStop' in globalThis)).toBe(false);
    const after = await storedEntries(h.control);
    expect(after.map((entry) => entry.key).sort()).toEqual(['q1', 'q2', 'q3', 's1', 's2', 's3']);
    for (const row of before) expect(after.find((entry) => entry.id === row.id)).toEqual(row);
    expect((await popupRows(popup)).map((row) => row.title)).toEqual(['Archive: the harbour in 1920', 'Lunchtime update', 'Markets open higher', 'Morning briefing', 'Archive: the old lighthouse']);
    expect(await popupCount(popup)).toBe('5');
    await eventually(() => badgeText(h)).toBe('5');
  });
});
